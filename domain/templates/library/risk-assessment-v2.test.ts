// Issue 14 item 1 (NICE NG225): worked examples, answers in, flags, advice and referrals out.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { finaliseResponse } from '../response';
import { validateTemplate } from '../validate-template';
import { templateRegistry } from './index';
import { riskAssessment as v1 } from './risk-assessment';
import { riskAssessmentV2 as t } from './risk-assessment-v2';

const base: Answers = {
  'self-harm-factors': ['none'],
  'acct-status': 'not-open',
  'withdrawal-risk': 'none',
  'overdose-factors': ['none'],
  'cell-sharing-risk': 'standard',
  'risk-summary': 'Spoke with the person; wing officer told.',
};

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...base, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

const flagCodes = (a: Answers) => evaluate(a).flags.map((f) => f.code);
const adviceIds = (a: Answers) => evaluate(a).advice.map((x) => x.ruleId);

describe('risk assessment version 2 (factors and actions, no score)', () => {
  it('is the latest version, valid, with no score or band anywhere', () => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
    expect(templateRegistry.latest('risk-assessment')).toEqual(t);
    expect(templateRegistry.get('risk-assessment', 1)).toEqual(v1);
    expect(t.scores).toEqual([]);
    expect(JSON.stringify(t)).not.toMatch(/"(Low|Medium|High)"/);
  });

  it('current thoughts of suicide alone: severe flag, ACCT prompt and in-reach referral (version 1 said "Medium" and raised nothing)', () => {
    // The defect, on today's template: 3 points, band Medium, no flag.
    const old = evaluateResponse(v1, { ...base, 'self-harm-criteria': ['current-suicidal-thoughts'], 'overdose-criteria': ['none'] });
    expect(old.scores[0]).toMatchObject({ value: 3, band: { label: 'Medium' } });
    expect(old.flags).toEqual([]);

    const e = evaluate({ 'self-harm-factors': ['current-suicidal-thoughts'] });
    expect(e.scores).toEqual([]);
    expect(e.flags).toEqual([
      expect.objectContaining({
        code: 'SUICIDE_SELF_HARM_RISK_HIGH',
        severity: 'severe',
        because: 'Self-harm and suicide factors present: Current thoughts of suicide',
        partnerAdvice: expect.stringContaining('observation level or ACCT plan'),
      }),
    ]);
    expect(e.advice.map((a) => [a.ruleId, a.because])).toEqual([
      ['open-acct', 'Self-harm and suicide factors present: Current thoughts of suicide; ACCT status: Not open'],
      ['mental-illness', 'Self-harm and suicide factors present: Current thoughts of suicide'],
    ]);
    expect(e.advice[0]!.text).toMatch(/^Open an ACCT now/);
    expect(e.effects).toEqual([expect.objectContaining({ kind: 'referral', toService: 'mental_health_inreach' })]);
  });

  it('a plan, or self-harm or an attempt in the last month, each raise the flag on their own', () => {
    expect(flagCodes({ 'self-harm-factors': ['plan-or-intent'] })).toEqual(['SUICIDE_SELF_HARM_RISK_HIGH']);
    expect(flagCodes({ 'self-harm-factors': ['recent-self-harm'] })).toEqual(['SUICIDE_SELF_HARM_RISK_HIGH']);
    // Background factors alone raise no flag, but each names its action.
    expect(flagCodes({ 'self-harm-factors': ['previous-attempt', 'first-28-days', 'isolation'] })).toEqual([]);
    expect(adviceIds({ 'self-harm-factors': ['previous-attempt', 'first-28-days', 'isolation'] })).toEqual(['previous-attempt', 'early-custody', 'support-contact']);
    expect(evaluate({ 'self-harm-factors': ['none'] }).advice).toEqual([]);
  });

  it('the ACCT prompt fits the setting: not when one is open; observation level in police custody', () => {
    const open = { 'acct-status': 'opened', 'acct-conversations-per-day': 3, 'acct-observations-per-night': 5, 'acct-next-case-review': '2026-12-03' };
    expect(adviceIds({ ...open, 'self-harm-factors': ['plan-or-intent'] })).toEqual(['mental-illness']);
    expect(flagCodes({ ...open, 'self-harm-factors': ['plan-or-intent'] })).toEqual(['SUICIDE_SELF_HARM_RISK_HIGH', 'ACCT_OPEN']);
    expect(adviceIds({ 'acct-status': 'closed', 'self-harm-factors': ['recent-self-harm'] })).toContain('open-acct');
    expect(adviceIds({ 'acct-status': 'not-applicable', 'self-harm-factors': ['current-suicidal-thoughts'] })).toEqual(['custody-observation', 'mental-illness']);
  });

  it('overdose on release from factors: opioid use with reduced tolerance or imminent release; naloxone prompt', () => {
    expect(flagCodes({ 'overdose-factors': ['opioid-use-history'] })).toEqual([]);
    expect(flagCodes({ 'overdose-factors': ['opioid-use-history', 'reduced-tolerance'] })).toEqual(['OVERDOSE_ON_RELEASE_RISK']);
    expect(flagCodes({ 'overdose-factors': ['previous-overdose', 'release-within-4-weeks'] })).toEqual(['OVERDOSE_ON_RELEASE_RISK']);
    const e = evaluate({ 'overdose-factors': ['opioid-use-history', 'release-within-4-weeks', 'reduced-tolerance', 'no-naloxone'] });
    expect(e.flags[0]!.because).toBe(
      'Overdose-on-release factors present: History of opioid use (heroin or other opioids); Release expected within 4 weeks; ' +
        'Reduced tolerance: detoxified from, or abstinent from, opioids in custody; Not yet supplied with naloxone to take on release',
    );
    expect(e.advice.map((a) => a.ruleId)).toEqual(['naloxone']);
  });

  it('withdrawal named as a factor or graded high prompts COWS or CIWA-Ar', () => {
    expect(adviceIds({ 'withdrawal-risk': 'high' })).toEqual(['withdrawal']);
    expect(adviceIds({ 'self-harm-factors': ['substance-withdrawal'] })).toEqual(['withdrawal']);
  });

  it('saves the advice with the response, as shown at the desk', () => {
    const saved = finaliseResponse(t, { ...base, 'self-harm-factors': ['plan-or-intent'] }, { id: 'r1', at: '2026-12-01T10:00:00Z', by: 'nurse-1' });
    if (!saved.ok) throw new Error('expected to save');
    expect(saved.response.advice?.map((a) => a.ruleId)).toEqual(['open-acct', 'mental-illness']);
  });
});
