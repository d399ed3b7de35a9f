import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { clearDisabledAnswers, evaluateResponse } from '../evaluate';
import { finaliseResponse } from '../response';
import { validateTemplate } from '../validate-template';
import { audit } from './audit';
import { snomedCodeList } from './snomed-codes';

// Q1 frequency: never 0, monthly-or-less 1, 2-4-times-a-month 2, 2-3-times-a-week 3, 4-or-more-times-a-week 4.
// Q2 drinks: 1-2 0, 3-4 1, 5-6 2, 7-9 3, 10-or-more 4.
// Q3-Q8: never 0, less-than-monthly 1, monthly 2, weekly 3, daily-or-almost-daily 4.
// Q9-Q10: no 0, yes-not-last-year 2, yes-last-year 4.
const lowest: Answers = { q1: 'monthly-or-less', q2: '3-4', q3: 'never', q4: 'never', q5: 'never', q6: 'never', q7: 'never', q8: 'never', q9: 'no', q10: 'no' };

function zone(a: Answers) {
  const e = evaluateResponse(audit, { ...lowest, ...a });
  expect(e.issues).toEqual([]);
  return { value: e.scores[0]!.value, band: e.scores[0]!.band?.label, flags: e.flags.map((f) => f.code), codes: e.codes.map((c) => c.code) };
}

describe('AUDIT template', () => {
  it('is valid: ten WHO questions scored 0-4 (Q9, Q10: 0, 2, 4), total 0-40', () => {
    expect(validateTemplate(audit, { earlierVersion: true }).ok).toBe(true);
    const qs = audit.sections[0]!.items;
    expect(qs.map((i) => i.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10']);
    const scores = qs.map((i) => ('options' in i ? i.options.map((o) => o.score) : []));
    for (const s of scores.slice(0, 8)) expect(s).toEqual([0, 1, 2, 3, 4]);
    expect(scores[8]).toEqual([0, 2, 4]);
    expect(scores[9]).toEqual([0, 2, 4]);
    expect('options' in qs[8]! && qs[8].options.map((o) => o.label)).toEqual(['No', 'Yes, but not in the last year', 'Yes, during the last year']);
  });

  it('worked example: 18, higher risk, brief intervention indicated', () => {
    // Q1 "2 to 3 times a week" 3, Q2 "5 or 6" 2, Q3 "Weekly" 3, Q4 "Less than monthly" 1,
    // Q5 "Monthly" 2, Q6 "Never" 0, Q7 "Monthly" 2, Q8 "Less than monthly" 1,
    // Q9 "Yes, but not in the last year" 2, Q10 "Yes, but not in the last year" 2.
    // 3+2+3+1+2+0+2+1+2+2 = 18 -> 16-19 higher risk.
    const r = zone({ q1: '2-3-times-a-week', q2: '5-6', q3: 'weekly', q4: 'less-than-monthly', q5: 'monthly', q6: 'never', q7: 'monthly', q8: 'less-than-monthly', q9: 'yes-not-last-year', q10: 'yes-not-last-year' });
    expect(r).toEqual({ value: 18, band: 'Higher risk', flags: ['ALCOHOL_BRIEF_INTERVENTION_INDICATED'], codes: [] });
  });

  it('puts every zone edge in the right zone: 7/8, 15/16, 19/20', () => {
    // 7: Q1 2 + Q2 1 + Q3 "less than monthly" 1 + Q4 "less than monthly" 1 + Q10 "yes, not last year" 2.
    const seven = { q1: '2-4-times-a-month', q3: 'less-than-monthly', q4: 'less-than-monthly', q10: 'yes-not-last-year' };
    expect(zone(seven)).toMatchObject({ value: 7, band: 'Lower risk', flags: [] });
    // 8: the same + Q5 "less than monthly" 1.
    expect(zone({ ...seven, q5: 'less-than-monthly' })).toMatchObject({ value: 8, band: 'Increasing risk', flags: ['ALCOHOL_BRIEF_INTERVENTION_INDICATED'] });
    // 15: Q1 4 + Q2 "5 or 6" 2 + Q3 "weekly" 3 + Q5 1 + Q7 1 + Q10 "yes, last year" 4.
    const fifteen = { q1: '4-or-more-times-a-week', q2: '5-6', q3: 'weekly', q5: 'less-than-monthly', q7: 'less-than-monthly', q10: 'yes-last-year' };
    expect(zone(fifteen)).toMatchObject({ value: 15, band: 'Increasing risk' });
    // 16: the same + Q8 "less than monthly" 1.
    expect(zone({ ...fifteen, q8: 'less-than-monthly' })).toMatchObject({ value: 16, band: 'Higher risk', flags: ['ALCOHOL_BRIEF_INTERVENTION_INDICATED'] });
    // 19: Q1 4 + Q2 2 + Q3 3 + Q4 "monthly" 2 + Q5 1 + Q7 1 + Q9 "yes, not last year" 2 + Q10 4.
    const nineteen = { ...fifteen, q4: 'monthly', q9: 'yes-not-last-year' };
    expect(zone(nineteen)).toMatchObject({ value: 19, band: 'Higher risk' });
    // 20: the same + Q6 "less than monthly" 1 -> possible dependence, flagged, and NOT coded as dependence.
    expect(zone({ ...nineteen, q6: 'less-than-monthly' })).toEqual({ value: 20, band: 'Possible dependence', flags: ['POSSIBLE_ALCOHOL_DEPENDENCE'], codes: [] });
  });

  it('reaches 40 at the top and never codes alcohol dependence from a score', () => {
    const all: Answers = { q1: '4-or-more-times-a-week', q2: '10-or-more', q9: 'yes-last-year', q10: 'yes-last-year' };
    for (const q of ['q3', 'q4', 'q5', 'q6', 'q7', 'q8']) all[q] = 'daily-or-almost-daily';
    const r = zone(all);
    expect(r).toMatchObject({ value: 40, band: 'Possible dependence' });
    expect(r.codes).not.toContain(snomedCodeList.concepts.alcoholDependence.code);
  });

  it('follows the WHO skip rules: "Never" skips to Q9-10; Q2 + Q3 = 0 skips to Q9-10', () => {
    // Never drinks: Q2-Q8 are not asked; Q9 "yes, last year" 4 + Q10 "no" 0 = 4, complete.
    const never = evaluateResponse(audit, { q1: 'never', q9: 'yes-last-year', q10: 'no' });
    expect(never.enabledItems.filter((id) => id.startsWith('q'))).toEqual(['q1', 'q9', 'q10']);
    expect(never.issues).toEqual([]);
    expect(never.scores[0]).toMatchObject({ value: 4, complete: true, band: { label: 'Lower risk' } });
    // Q2 "1 or 2" and Q3 "Never" (0 together): Q4-Q8 are not asked; 1 + 0 + 0 + 4 + 2 = 7.
    const light = evaluateResponse(audit, { q1: 'monthly-or-less', q2: '1-2', q3: 'never', q9: 'yes-last-year', q10: 'yes-not-last-year' });
    expect(light.enabledItems.filter((id) => id.startsWith('q'))).toEqual(['q1', 'q2', 'q3', 'q9', 'q10']);
    expect(light.scores[0]).toMatchObject({ value: 7, complete: true });
    // Either of Q2, Q3 above 0 brings Q4-Q8 back, and they are required.
    const more = evaluateResponse(audit, { q1: 'monthly-or-less', q2: '1-2', q3: 'less-than-monthly', q9: 'no', q10: 'no' });
    expect(more.issues.map((i) => `${i.itemId} ${i.kind}`)).toEqual(['q4 required', 'q5 required', 'q6 required', 'q7 required', 'q8 required']);
    expect(more.scores[0]).toMatchObject({ value: 2, complete: false, missing: ['q4', 'q5', 'q6', 'q7', 'q8'] });
  });

  it('reports an answer to a skipped question, ignores it in the score, and clears it on request', () => {
    // The clinician answered Q5 "Weekly", then changed Q1 to "Never".
    const a: Answers = { q1: 'never', q5: 'weekly', q9: 'no', q10: 'no' };
    const e = evaluateResponse(audit, a);
    expect(e.issues).toEqual([{ itemId: 'q5', kind: 'notApplicable', message: expect.stringMatching(/^This question does not apply because of earlier answers/) }]);
    expect(e.scores[0]).toMatchObject({ value: 0, complete: true });
    expect(finaliseResponse(audit, a, { id: 'r1', at: '2025-03-01T10:00:00Z', by: 'u1' }).ok).toBe(false);
    expect(clearDisabledAnswers(audit, a)).toEqual({ q1: 'never', q9: 'no', q10: 'no' });
  });

  it('codes a brief intervention and a specialist referral only when the clinician records them', () => {
    const seven = { q1: '2-4-times-a-month', q3: 'less-than-monthly', q4: 'less-than-monthly', q10: 'yes-not-last-year' };
    expect(zone({ ...seven, 'brief-intervention': false, 'referred-specialist': false }).codes).toEqual([]);
    expect(zone({ ...seven, 'brief-intervention': true }).codes).toEqual(['366371000000105']);
    const both = evaluateResponse(audit, { ...lowest, 'brief-intervention': true, 'referred-specialist': true });
    expect(both.codes).toEqual([
      { ruleId: 'brief-intervention-completed', system: 'http://snomed.info/sct', code: '366371000000105', display: 'Brief intervention for excessive alcohol consumption completed' },
      { ruleId: 'referred-specialist-alcohol', system: 'http://snomed.info/sct', code: '431260004', display: 'Referral to specialist alcohol treatment service' },
    ]);
    // The outcome section is not scored: the total stays Q1 "monthly or less" 1 + Q2 "3 or 4" 1 = 2.
    expect(both.scores[0]!.value).toBe(2);
  });

  it('refuses invalid input at its item: Q9 has no 1 or 3', () => {
    const e = evaluateResponse(audit, { ...lowest, q9: 'yes', q10: '3', 'brief-intervention': 'yes' });
    expect(e.issues).toEqual([
      { itemId: 'q9', kind: 'unknownOption', message: '"yes" is not one of the options for this question' },
      { itemId: 'q10', kind: 'unknownOption', message: '"3" is not one of the options for this question' },
      { itemId: 'brief-intervention', kind: 'invalid', message: 'Select yes or no' },
    ]);
  });
});
