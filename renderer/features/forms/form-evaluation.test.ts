import { describe, expect, it } from 'vitest';
import { evaluateResponse } from '../../../domain/templates/evaluate';
import { cows } from '../../../domain/templates/library';
import { toAnswers } from './form-draft';
import { pointsByItem, sectionProgress, visibleIssues } from './form-evaluation';

describe('live form evaluation', () => {
  const draft = { pulse: '112', sweating: '3', restlessness: 'nonsense' };
  const answers = toAnswers(cows, draft);
  const evaluation = evaluateResponse(cows, answers);

  it('gives the points of each valid answer, pulse by its bands', () => {
    const points = pointsByItem(cows, answers, evaluation);
    expect(points.get('pulse')).toBe(2);
    expect(points.get('sweating')).toBe(3);
    expect(points.has('restlessness')).toBe(false); // not one of the options
  });

  it('counts what has been typed in, per section', () => {
    expect(sectionProgress(cows, draft, evaluation)).toEqual([{ id: 'signs', title: 'Signs and symptoms', answered: 3, total: 11 }]);
  });

  it('shows missing answers only once saving has been tried', () => {
    expect(visibleIssues(evaluation, false)).toEqual([]);
    const all = visibleIssues(evaluation, true).map((i) => i.itemId);
    expect(all).toContain('restlessness');
    expect(all).toContain('gooseflesh');
  });
});
