// Issue 14 item 4: AUDIT and AUDIT-C in England: UK (OHID) wording in units by default, WHO
// wording where the site chooses it, the same scores and cut-offs; the WHO step-up rules; morning
// drinking prompts a withdrawal assessment (CIWA-Ar).
import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { siteWordingProblems, templatesOffered, wordingInForce } from '../offered';
import { templateItems } from '../template-schema';
import { validateTemplate } from '../validate-template';
import { audit as v1 } from './audit';
import { auditC as auditCv1 } from './audit-c';
import { auditCUk, auditCWho, auditUk, auditWho } from './audit-v2';
import { templateRegistry } from './index';
import { ALCOHOL_QUESTIONS, wordingSettings } from './wordings';

const label = (t: typeof auditUk, id: string) => templateItems(t).find((i) => i.id === id)!.label;

/** Q1 2-3 times a week (3), Q2 3-4 (1), Q3-Q8 never, Q9-10 no: total 4, zone I. */
const zoneOne: Answers = { q1: '2-3-times-a-week', q2: '3-4', q3: 'never', q4: 'never', q5: 'never', q6: 'never', q7: 'never', q8: 'never', q9: 'no', q10: 'no' };

function evaluate(t: typeof auditUk, a: Answers) {
  const e = evaluateResponse(t, { ...zoneOne, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

describe('AUDIT and AUDIT-C wordings', () => {
  it('the UK wording asks in units, with the sex-specific binge question; the WHO wording in standard drinks', () => {
    for (const t of [auditUk, auditCUk]) {
      expect(label(t, 'q2')).toBe('How many units of alcohol do you drink on a typical day when you are drinking?');
      expect(label(t, 'q3')).toBe('How often have you had 6 or more units if female, or 8 or more if male, on a single occasion in the last year?');
      expect(templateItems(t).find((i) => i.id === 'q2')!.help).toMatch(/One UK unit is 10 ml \(8 g\)/);
    }
    for (const t of [auditWho, auditCWho]) {
      expect(label(t, 'q2')).toBe('How many drinks containing alcohol do you have on a typical day when you are drinking?');
      expect(label(t, 'q3')).toBe('How often do you have six or more drinks on one occasion?');
    }
    // Version 1 (the only version before) asked in WHO drinks at every site.
    expect(label(v1, 'q3')).toBe('How often do you have six or more drinks on one occasion?');
  });

  it('both wordings score identically and keep the UK cut-offs (AUDIT-C 5 or more; AUDIT zones 8, 16, 20)', () => {
    for (const t of [auditUk, auditWho]) {
      expect(validateTemplate(t)).toEqual({ ok: true, template: t });
      expect(t.scores[0]).toEqual(v1.scores[0]);
    }
    for (const t of [auditCUk, auditCWho]) {
      expect(validateTemplate(t)).toEqual({ ok: true, template: t });
      expect(t.scores).toEqual(auditCv1.scores);
      const e = evaluateResponse(t, { q1: '2-3-times-a-week', q2: '3-4', q3: 'less-than-monthly' });
      expect(e.scores[0]).toMatchObject({ value: 5, band: { label: 'Positive' } });
    }
  });

  it('England defaults to the UK wording; a site that chooses WHO gets only the WHO forms', () => {
    const offered = (wordings: Record<string, string>) => templatesOffered(templateRegistry, { siteType: 'prison', wordings }, wordingSettings).map((t) => `${t.id}@${t.version}`);
    expect(wordingInForce(ALCOHOL_QUESTIONS, {})).toBe('uk');
    expect(offered({})).toEqual(expect.arrayContaining(['audit@2', 'audit-c@2']));
    expect(offered({}).filter((k) => k.startsWith('audit'))).toEqual(['audit-c@2', 'audit@2']);
    expect(offered({ 'alcohol-questions': 'who' }).filter((k) => k.startsWith('audit'))).toEqual(['audit-c-who@1', 'audit-who@1']);
    // An unknown choice falls back to the default and is reported.
    expect(offered({ 'alcohol-questions': 'us' }).filter((k) => k.startsWith('audit'))).toEqual(['audit-c@2', 'audit@2']);
    expect(siteWordingProblems(wordingSettings, { 'alcohol-questions': 'us', colour: 'blue' })).toEqual([
      'alcohol-questions: "us" is not one of uk, who',
      '"colour" is not a wording setting (known: alcohol-questions)',
    ]);
    // Custody sites are not offered the prison-only forms.
    expect(templatesOffered(templateRegistry, { siteType: 'custody', wordings: {} }, wordingSettings).map((t) => t.id)).not.toContain('prison-reception-screen');
  });

  it('zone advice: the WHO intervention for each zone', () => {
    expect(evaluate(auditUk, {}).advice.map((a) => a.ruleId)).toEqual(['zone-1']);
    // 4 + q3 daily (4 more) = 8 -> zone II.
    expect(evaluate(auditUk, { q3: 'daily-or-almost-daily' }).advice.map((a) => a.text)).toEqual(['Zone II: simple advice (a brief intervention).']);
  });

  it('step-up: questions 4-6 scoring 2 or more, or question 9 or 10 scoring 4, call for more than the zone (version 1 gave zone I and nothing else)', () => {
    const monthlyLossOfControl = { q4: 'monthly' }; // 4 + 2 = 6: zone I, and dependence symptoms 2
    const old = evaluateResponse(v1, { ...zoneOne, ...monthlyLossOfControl });
    expect(old.scores[0]).toMatchObject({ value: 6, band: { label: 'Lower risk' } });
    expect(old.flags).toEqual([]);
    const e = evaluate(auditUk, monthlyLossOfControl);
    expect(e.scores.find((s) => s.id === 'dependence-symptoms')).toMatchObject({ value: 2, band: { label: '2 or more' } });
    expect(e.advice.map((a) => a.ruleId)).toEqual(['zone-1', 'step-up']);
    // Light drinking (questions 4-8 skipped by the form) but a doctor concerned this year: step up.
    const harm = evaluateResponse(auditWho, { q1: 'monthly-or-less', q2: '1-2', q3: 'never', q9: 'no', q10: 'yes-last-year' });
    expect(harm.issues).toEqual([]);
    expect(harm.scores[0]).toMatchObject({ value: 5, band: { label: 'Lower risk' } });
    expect(harm.advice.map((a) => [a.ruleId, a.because])).toEqual([
      ['zone-1', 'AUDIT total 5: Lower risk'],
      ['step-up', expect.stringContaining('Yes, during the last year')],
    ]);
    // Two questions at 1 each also add to 2 (the sum reading includes the per-question one).
    expect(evaluate(auditUk, { q4: 'less-than-monthly', q5: 'less-than-monthly' }).advice.map((a) => a.ruleId)).toContain('step-up');
    expect(evaluate(auditUk, { q4: 'less-than-monthly' }).advice.map((a) => a.ruleId)).not.toContain('step-up');
  });

  it('morning drinking (question 6) prompts a CIWA-Ar withdrawal assessment, due today', () => {
    const e = evaluate(auditUk, { q6: 'less-than-monthly' });
    expect(e.advice.map((a) => a.ruleId)).toContain('morning-drinking');
    expect(e.effects).toEqual([
      expect.objectContaining({ kind: 'task', taskKind: 'alcohol-withdrawal-assessment', dueInDays: 0, because: expect.stringContaining('Less than monthly') }),
    ]);
    expect(evaluate(auditUk, {}).effects).toEqual([]);
  });
});
