// Issue 14 item 5: CIWA-Ar's unscored pulse and blood pressure, the communication caution, and
// previous withdrawal fits as high risk whatever the score.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { validateTemplate } from '../validate-template';
import { ciwaAr as v1 } from './ciwa-ar';
import { ciwaArV2 as t } from './ciwa-ar-v2';
import { templateRegistry } from './index';

const ITEMS = ['nausea-vomiting', 'tremor', 'paroxysmal-sweats', 'anxiety', 'agitation', 'tactile', 'auditory', 'visual', 'headache', 'orientation'];
const zeros: Answers = Object.fromEntries(ITEMS.map((id) => [id, '0']));
const base: Answers = { ...zeros, 'previous-withdrawal-fits': false, pulse: 88, 'bp-systolic': 142, 'bp-diastolic': 90 };

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...base, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

describe('CIWA-Ar version 2', () => {
  it('keeps the ten scored items, the total 0-67 and the bands; adds pulse and blood pressure without scoring them', () => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
    expect(templateRegistry.latest('ciwa-ar')).toEqual(t);
    expect(t.scores).toEqual(v1.scores);
    expect(evaluate({ pulse: 130, 'bp-systolic': 190, 'bp-diastolic': 120 }).scores[0]).toMatchObject({ value: 0, max: 67, band: { label: 'Minimal withdrawal' } });
    expect(evaluateResponse(t, zeros).issues.map((i) => i.itemId)).toEqual(['previous-withdrawal-fits', 'pulse', 'bp-systolic', 'bp-diastolic']);
  });

  it('says the scale needs a patient who can communicate, before the items', () => {
    const first = t.sections[0]!.items[0]!;
    expect(first).toMatchObject({ kind: 'info', id: 'communication-note' });
    expect(first.label).toMatch(/cannot communicate/);
  });

  it('previous withdrawal fits: high risk whatever the score (version 1 raised nothing on a score of 0)', () => {
    expect(evaluateResponse(v1, zeros).flags).toEqual([]);
    const e = evaluate({ 'previous-withdrawal-fits': true });
    expect(e.scores[0]).toMatchObject({ value: 0, band: { label: 'Minimal withdrawal' } });
    expect(e.flags).toEqual([expect.objectContaining({ code: 'WITHDRAWAL_SEIZURE_RISK', severity: 'high', because: 'Has the patient ever had a withdrawal fit (seizure) or delirium tremens?: Yes' })]);
    expect(e.advice.map((a) => a.ruleId)).toEqual(['previous-fits']);
  });

  it('severe withdrawal (15 or more) is emergency advice as well as the withdrawal flag', () => {
    const e = evaluate({ tremor: '7', 'paroxysmal-sweats': '4', agitation: '4' });
    expect(e.scores[0]).toMatchObject({ value: 15, band: { label: 'Severe withdrawal' } });
    expect(e.flags.map((f) => f.code)).toEqual(['ALCOHOL_WITHDRAWAL']);
    expect(e.advice).toEqual([expect.objectContaining({ ruleId: 'severe-withdrawal', urgency: 'emergency' })]);
  });

  it('completes the alcohol withdrawal assessment task that AUDIT question 6 sets', () => {
    expect(t.use?.completesTask).toBe('alcohol-withdrawal-assessment');
  });
});
