import { describe, expect, it } from 'vitest';
import { NOT_DISCLOSED } from '../../../domain/templates/answers';
import { evaluateResponse } from '../../../domain/templates/evaluate';
import { cows } from '../../../domain/templates/library';
import type { Template } from '../../../domain/templates/template-schema';
import { draftFromAnswers, toAnswers } from './form-draft';

const kinds: Template = {
  id: 'kinds',
  version: 1,
  title: 'Every kind',
  sections: [
    {
      id: 's',
      title: 'S',
      items: [
        { id: 'note', kind: 'text', label: 'Note', required: false },
        { id: 'pulse', kind: 'number', label: 'Pulse', required: true, integer: true, min: 20, max: 250 },
        { id: 'ok', kind: 'yesNo', label: 'OK?', required: true },
        { id: 'pick', kind: 'multiChoice', label: 'Pick', required: false, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] },
        { id: 'on', kind: 'date', label: 'On', required: false },
        { id: 'at', kind: 'dateTime', label: 'At', required: false },
      ],
    },
  ],
  scores: [],
  flags: [],
  codes: [],
};

describe('form draft to answers', () => {
  it('reads each kind of box', () => {
    const answers = toAnswers(kinds, {
      note: 'hello',
      pulse: ' 96 ',
      ok: 'no',
      pick: ['b'],
      on: { day: '3', month: '9', year: '2026', time: '' },
      at: { day: '23', month: '11', year: '2026', time: '14:05' },
    });
    expect(answers).toEqual({ note: 'hello', pulse: 96, ok: false, pick: ['b'], on: '2026-09-03', at: new Date(2026, 10, 23, 14, 5).toISOString() });
    expect(evaluateResponse(kinds, answers).issues).toEqual([]);
  });

  it('leaves empty boxes out and unreadable ones for the evaluator to name', () => {
    const answers = toAnswers(kinds, { pulse: '9x', pick: [], on: { day: '31', month: '2', year: '2026', time: '' }, at: { day: '1', month: '1', year: '', time: '' } });
    expect(answers.note).toBeUndefined();
    expect(answers.pick).toBeUndefined();
    const issues = evaluateResponse(kinds, answers).issues.map((i) => [i.itemId, i.message]);
    expect(issues).toEqual([
      ['pulse', 'Enter a number'],
      ['ok', 'Select yes or no'],
      ['on', 'Enter a real date'],
      ['at', 'Enter a real date and time, with its time zone'],
    ]);
  });

  it('gives the live COWS score as the boxes fill', () => {
    const draft = { pulse: '104', sweating: '2', restlessness: '3' };
    const score = evaluateResponse(cows, toAnswers(cows, draft)).scores[0];
    expect(score?.value).toBe(2 + 2 + 3);
    expect(score?.complete).toBe(false);
  });

  it('puts saved answers back in the boxes', () => {
    const answers = { note: 'x', pulse: 96, ok: true, pick: ['a'], on: '2026-09-03' };
    expect(toAnswers(kinds, draftFromAnswers(kinds, answers))).toEqual(answers);
  });
});

describe('"Not disclosed" answers', () => {
  const t: Template = {
    id: 'nd',
    version: 1,
    title: 'ND',
    sections: [
      {
        id: 's',
        title: 'S',
        items: [
          { id: 'days', kind: 'number', label: 'Days', integer: true, min: 0, max: 7, required: true, notDisclosed: true },
          { id: 'shared', kind: 'yesNo', label: 'Shared', required: true, notDisclosed: true },
          { id: 'plain', kind: 'number', label: 'Plain', required: true },
        ],
      },
    ],
    scores: [],
    flags: [],
    codes: [],
  };

  it('a ticked box is the "Not disclosed" answer, for any kind of item that allows it, and goes back into the box', () => {
    const answers = toAnswers(t, { days: NOT_DISCLOSED, shared: NOT_DISCLOSED, plain: NOT_DISCLOSED });
    expect(answers).toEqual({ days: NOT_DISCLOSED, shared: NOT_DISCLOSED, plain: NOT_DISCLOSED });
    expect(evaluateResponse(t, answers).issues.map((i) => `${i.itemId} ${i.kind}`)).toEqual(['plain invalid']);
    expect(draftFromAnswers(t, { days: NOT_DISCLOSED, shared: NOT_DISCLOSED, plain: 3 })).toEqual({ days: NOT_DISCLOSED, shared: NOT_DISCLOSED, plain: '3' });
  });
});
