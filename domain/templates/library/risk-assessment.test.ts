import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { displayResponse } from '../display';
import { evaluateResponse } from '../evaluate';
import { finaliseResponse } from '../response';
import { templateItems } from '../template-schema';
import { validateTemplate } from '../validate-template';
import { templateRegistry } from './index';
import { OVERDOSE_RISK_DEFAULT_BANDS, riskAssessment as t, SELF_HARM_RISK_DEFAULT_BANDS } from './risk-assessment';

// Self-harm criteria points: plan-or-intent 4, current-suicidal-thoughts 3, recent-self-harm 3,
// previous-attempt 2; first-time-in-custody, first-28-days, recent-loss, mental-illness,
// substance-withdrawal, isolation 1 each. Overdose criteria: opioid-use-history 2,
// reduced-tolerance 2, previous-overdose 2, release-within-4-weeks 1, no-naloxone 1.
const base: Answers = {
  'self-harm-criteria': ['none'],
  'acct-status': 'not-open',
  'withdrawal-risk': 'none',
  'overdose-criteria': ['none'],
  'cell-sharing-risk': 'standard',
  'risk-summary': 'No current concerns. Reviewed with the wing officer.',
};

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...base, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

const codes = (a: Answers) => evaluate(a).flags.map((f) => f.code);

function selfHarm(criteria: string[]) {
  const e = evaluate({ 'self-harm-criteria': criteria });
  const s = e.scores.find((x) => x.id === 'self-harm-risk')!;
  return { value: s.value, band: s.band?.label, flags: e.flags.map((f) => f.code) };
}

function overdose(criteria: string[]) {
  const e = evaluate({ 'overdose-criteria': criteria });
  const s = e.scores.find((x) => x.id === 'overdose-risk')!;
  return { value: s.value, band: s.band?.label, flags: e.flags.map((f) => f.code) };
}

describe('risk assessment template', () => {
  it('is valid, registered and offered in custody and prison', () => {
    expect(validateTemplate(t, { earlierVersion: true })).toEqual({ ok: true, template: t });
    expect(templateRegistry.get('risk-assessment', 1)).toEqual(t);
    expect(t.use).toEqual({ category: 'assessment', siteTypes: ['custody', 'prison'] });
    expect(t.scores.map((s) => [s.id, s.max, s.bands])).toEqual([
      ['self-harm-risk', 18, SELF_HARM_RISK_DEFAULT_BANDS],
      ['overdose-risk', 8, OVERDOSE_RISK_DEFAULT_BANDS],
    ]);
    expect(t.codes).toEqual([]);
  });

  it('scores each criterion by its published weight', () => {
    const points = (id: string) => {
      const item = templateItems(t).find((i) => i.id === id)!;
      return 'options' in item ? Object.fromEntries(item.options.map((o) => [o.value, o.score])) : {};
    };
    expect(points('self-harm-criteria')).toEqual({
      none: 0, 'current-suicidal-thoughts': 3, 'plan-or-intent': 4, 'previous-attempt': 2, 'recent-self-harm': 3, 'first-time-in-custody': 1,
      'first-28-days': 1, 'recent-loss': 1, 'mental-illness': 1, 'substance-withdrawal': 1, isolation: 1,
    });
    expect(points('overdose-criteria')).toEqual({ none: 0, 'opioid-use-history': 2, 'reduced-tolerance': 2, 'release-within-4-weeks': 1, 'previous-overdose': 2, 'no-naloxone': 1 });
  });

  it('refuses every missing required answer, each at its item', () => {
    expect(evaluateResponse(t, {}).issues).toEqual([
      { itemId: 'self-harm-criteria', kind: 'required', message: 'Select at least one option' },
      { itemId: 'acct-status', kind: 'required', message: 'Select an answer' },
      { itemId: 'withdrawal-risk', kind: 'required', message: 'Select an answer' },
      { itemId: 'overdose-criteria', kind: 'required', message: 'Select at least one option' },
      { itemId: 'cell-sharing-risk', kind: 'required', message: 'Select an answer' },
      { itemId: 'risk-summary', kind: 'required', message: 'Enter an answer' },
    ]);
    // No criteria chosen at all: the score is incomplete and raises nothing.
    const e = evaluateResponse(t, { ...base, 'self-harm-criteria': [] });
    expect(e.scores[0]).toMatchObject({ complete: false, band: null, missing: ['self-harm-criteria'] });
    expect(e.flags).toEqual([]);
  });

  it('self-harm and suicide: every band edge in the right band (0-1 low, 2-3 medium, 4+ high)', () => {
    expect(selfHarm(['none'])).toEqual({ value: 0, band: 'Low', flags: [] });
    expect(selfHarm(['first-time-in-custody'])).toEqual({ value: 1, band: 'Low', flags: [] });
    expect(selfHarm(['first-time-in-custody', 'first-28-days'])).toEqual({ value: 2, band: 'Medium', flags: [] });
    expect(selfHarm(['current-suicidal-thoughts'])).toEqual({ value: 3, band: 'Medium', flags: [] });
    // A plan or intent is high on its own; current thoughts with one more criterion is high.
    expect(selfHarm(['plan-or-intent'])).toEqual({ value: 4, band: 'High', flags: ['SUICIDE_SELF_HARM_RISK_HIGH'] });
    expect(selfHarm(['current-suicidal-thoughts', 'first-28-days'])).toEqual({ value: 4, band: 'High', flags: ['SUICIDE_SELF_HARM_RISK_HIGH'] });
    expect(selfHarm(['previous-attempt', 'recent-loss', 'isolation'])).toEqual({ value: 4, band: 'High', flags: ['SUICIDE_SELF_HARM_RISK_HIGH'] });
    const all = ['current-suicidal-thoughts', 'plan-or-intent', 'previous-attempt', 'recent-self-harm', 'first-time-in-custody', 'first-28-days', 'recent-loss', 'mental-illness', 'substance-withdrawal', 'isolation'];
    expect(selfHarm(all)).toEqual({ value: 18, band: 'High', flags: ['SUICIDE_SELF_HARM_RISK_HIGH'] });
  });

  it('SUICIDE_SELF_HARM_RISK_HIGH (severe) names the total and band, and the criteria show in the saved response', () => {
    // Current thoughts 3 + self-harm in the last month 3 + first 28 days 1 = 7 -> High.
    const answers = { ...base, 'self-harm-criteria': ['current-suicidal-thoughts', 'recent-self-harm', 'first-28-days'], 'acct-status': 'opened', 'acct-conversations-per-day': 3, 'acct-observations-per-night': 5, 'acct-next-case-review': '2025-03-04' };
    const e = evaluateResponse(t, answers);
    expect(e.issues).toEqual([]);
    expect(e.flags[0]).toEqual({
      ruleId: 'suicide-self-harm-risk-high',
      partnerAdvice: expect.any(String),
      code: 'SUICIDE_SELF_HARM_RISK_HIGH',
      label: 'Suicide and self-harm risk high',
      reason: expect.stringMatching(/^Self-harm and suicide criteria total 4 or more/),
      severity: 'severe',
      because: 'Self-harm and suicide risk criteria 7: High',
    });
    const saved = finaliseResponse(t, answers, { id: 'r1', at: '2025-03-01T11:00:00Z', by: 'nurse-1' });
    if (!saved.ok) throw new Error('expected to save');
    const row = displayResponse(saved.response, templateRegistry).sections[0]!.rows[0]!;
    expect(row).toEqual({ itemId: 'self-harm-criteria', label: 'Self-harm and suicide criteria present', answer: 'Current thoughts of suicide; Self-harm in the last month; Within the first 28 days of this time in custody' });
  });

  it('ACCT: the frequencies and next case review are asked, and required, only when an ACCT is open; ACCT_OPEN (high)', () => {
    const issues = (a: Answers) => evaluateResponse(t, { ...base, ...a }).issues.map((i) => `${i.itemId} ${i.kind}`);
    expect(issues({ 'acct-status': 'opened' })).toEqual(['acct-conversations-per-day required', 'acct-observations-per-night required', 'acct-next-case-review required']);
    const open = { 'acct-status': 'opened', 'acct-conversations-per-day': 2, 'acct-observations-per-night': 4, 'acct-next-case-review': '2025-03-03' };
    expect(evaluate(open).flags).toEqual([expect.objectContaining({ code: 'ACCT_OPEN', severity: 'high', because: 'ACCT status: Open (opened now or already open)' })]);
    for (const status of ['not-open', 'closed', 'not-applicable']) {
      expect(codes({ 'acct-status': status }), status).toEqual([]);
      expect(issues({ ...open, 'acct-status': status })).toEqual(['acct-conversations-per-day notApplicable', 'acct-observations-per-night notApplicable', 'acct-next-case-review notApplicable']);
    }
    expect(issues({ ...open, 'acct-conversations-per-day': 1.5, 'acct-next-case-review': '2025-02-30' })).toEqual(['acct-conversations-per-day invalid', 'acct-next-case-review invalid']);
  });

  it('overdose on release: every band edge in the right band (0-2 low, 3-4 medium, 5+ high); OVERDOSE_ON_RELEASE_RISK (high)', () => {
    expect(overdose(['none'])).toEqual({ value: 0, band: 'Low', flags: [] });
    expect(overdose(['opioid-use-history'])).toEqual({ value: 2, band: 'Low', flags: [] });
    expect(overdose(['opioid-use-history', 'no-naloxone'])).toEqual({ value: 3, band: 'Medium', flags: [] });
    expect(overdose(['opioid-use-history', 'release-within-4-weeks', 'no-naloxone'])).toEqual({ value: 4, band: 'Medium', flags: [] });
    // Opioid use 2 + reduced tolerance 2 + release within 4 weeks 1 = 5 -> High.
    expect(overdose(['opioid-use-history', 'reduced-tolerance', 'release-within-4-weeks'])).toEqual({ value: 5, band: 'High', flags: ['OVERDOSE_ON_RELEASE_RISK'] });
    expect(overdose(['opioid-use-history', 'reduced-tolerance', 'release-within-4-weeks', 'previous-overdose', 'no-naloxone'])).toEqual({ value: 8, band: 'High', flags: ['OVERDOSE_ON_RELEASE_RISK'] });
    expect(evaluate({ 'overdose-criteria': ['opioid-use-history', 'previous-overdose', 'no-naloxone'] }).flags[0]).toMatchObject({
      severity: 'high',
      because: 'Overdose-on-release risk criteria 5: High',
    });
  });

  it('CELL_SHARING_RISK_HIGH (high): a high risk needs its reason', () => {
    expect(evaluateResponse(t, { ...base, 'cell-sharing-risk': 'high' }).issues).toEqual([{ itemId: 'cell-sharing-reason', kind: 'required', message: 'Enter an answer' }]);
    expect(evaluate({ 'cell-sharing-risk': 'high', 'cell-sharing-reason': 'Assaulted a cellmate at HMP Anytown, Jan 2025' }).flags).toEqual([
      expect.objectContaining({ code: 'CELL_SHARING_RISK_HIGH', severity: 'high', because: 'Violence and cell-sharing risk: High: a risk of serious harm to a cellmate' }),
    ]);
    expect(codes({ 'cell-sharing-risk': 'standard' })).toEqual([]);
  });

  it('withdrawal risk is recorded but raises no flag of its own', () => {
    expect(codes({ 'withdrawal-risk': 'high' })).toEqual([]);
  });
});
