import { describe, expect, it } from 'vitest';
import { evaluateResponse } from '../evaluate';
import { validateTemplate } from '../validate-template';
import { auditC } from './audit-c';

describe('AUDIT-C template', () => {
  it('is valid: AUDIT questions 1-3 with the WHO options, total 0-12', () => {
    expect(validateTemplate(auditC).ok).toBe(true);
    const items = auditC.sections[0]!.items;
    expect(items.map((i) => i.id)).toEqual(['q1', 'q2', 'q3']);
    expect(items.map((i) => ('options' in i ? i.options.map((o) => `${o.score} ${o.label}`) : []))).toEqual([
      ['0 Never', '1 Monthly or less', '2 2 to 4 times a month', '3 2 to 3 times a week', '4 4 or more times a week'],
      ['0 1 or 2', '1 3 or 4', '2 5 or 6', '3 7, 8 or 9', '4 10 or more'],
      ['0 Never', '1 Less than monthly', '2 Monthly', '3 Weekly', '4 Daily or almost daily'],
    ]);
  });

  it('worked example: 6, positive, full AUDIT indicated', () => {
    // Q1 "2 to 3 times a week" 3 + Q2 "3 or 4" 1 + Q3 "Monthly" 2 = 6 -> positive (>= 5).
    const e = evaluateResponse(auditC, { q1: '2-3-times-a-week', q2: '3-4', q3: 'monthly' });
    expect(e.scores[0]).toMatchObject({ value: 6, complete: true, band: { label: 'Positive' } });
    expect(e.flags).toEqual([
      { ruleId: 'full-audit-indicated', code: 'FULL_AUDIT_INDICATED', label: 'Full AUDIT indicated', reason: 'AUDIT-C 5 or more: complete the full AUDIT.', severity: 'moderate', because: 'AUDIT-C total 6: Positive' },
    ]);
    expect(e.codes).toEqual([]);
  });

  it('puts the band edge in the right band: 4 negative, 5 positive', () => {
    // 4: Q1 "Monthly or less" 1 + Q2 "3 or 4" 1 + Q3 "Monthly" 2.
    const four = evaluateResponse(auditC, { q1: 'monthly-or-less', q2: '3-4', q3: 'monthly' });
    expect(four.scores[0]).toMatchObject({ value: 4, band: { label: 'Negative', severity: 'none' } });
    expect(four.flags).toEqual([]);
    // 5: Q1 "2 to 4 times a month" 2 instead.
    const five = evaluateResponse(auditC, { q1: '2-4-times-a-month', q2: '3-4', q3: 'monthly' });
    expect(five.scores[0]).toMatchObject({ value: 5, band: { label: 'Positive' } });
    expect(five.flags.map((f) => f.code)).toEqual(['FULL_AUDIT_INDICATED']);
  });

  it('reaches 12 at the top', () => {
    const e = evaluateResponse(auditC, { q1: '4-or-more-times-a-week', q2: '10-or-more', q3: 'daily-or-almost-daily' });
    expect(e.scores[0]).toMatchObject({ value: 12, band: { label: 'Positive' } });
  });

  it('skips Q2 and Q3 for someone who never drinks (WHO skip rule): complete, 0, negative', () => {
    const e = evaluateResponse(auditC, { q1: 'never' });
    expect(e.enabledItems).toEqual(['q1']);
    expect(e.issues).toEqual([]);
    expect(e.scores[0]).toMatchObject({ value: 0, complete: true, band: { label: 'Negative' } });
  });

  it('refuses an unknown option and a missing answer, each at its item', () => {
    const e = evaluateResponse(auditC, { q1: 'sometimes', q3: 'weekly' });
    // Q1 is invalid, so it counts as unanswered: Q2 and Q3 (enabled only when Q1 is not "Never")
    // are not shown yet, and the answer to Q3 is reported as not applying.
    expect(e.issues).toEqual([
      { itemId: 'q1', kind: 'unknownOption', message: '"sometimes" is not one of the options for this question' },
      { itemId: 'q3', kind: 'notApplicable', message: expect.stringMatching(/does not apply/) },
    ]);
    expect(evaluateResponse(auditC, { q1: 'weekly' }).issues[0]).toMatchObject({ itemId: 'q1', kind: 'unknownOption' });
    expect(evaluateResponse(auditC, { q1: 'monthly-or-less' }).issues).toEqual([
      { itemId: 'q2', kind: 'required', message: 'Select an answer' },
      { itemId: 'q3', kind: 'required', message: 'Select an answer' },
    ]);
  });
});
