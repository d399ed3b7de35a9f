import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { finaliseResponse } from '../response';
import { validateTemplate } from '../validate-template';
import { dualDiagnosis as t } from './dual-diagnosis';
import { templateRegistry } from './index';
import { MENTAL_HEALTH_SYMPTOMS, SUBSTANCES } from './screening-options';
import { snomedCodeList } from './snomed-codes';

/** No needs identified: every required question answered, no referral. */
const clear: Answers = {
  'mh-current-diagnosis': false,
  'mh-medication': false,
  'mh-symptoms': ['none'],
  'mh-previous-contact': false,
  'mh-current-risk': false,
  'substances-last-month': ['none'],
  'previous-treatment': false,
  'outcome-actions': ['none'],
};

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...clear, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

const referrals = (a: Answers) => evaluate(a).effects.map((e) => (e.kind === 'referral' ? e.toService : e.kind));

const MH_REFERRAL = { kind: 'referral', ruleId: 'refer-mental-health-inreach', toService: 'mental_health_inreach', reason: 'Dual diagnosis screen: mental health needs identified' };
const SMS_REFERRAL = { kind: 'referral', ruleId: 'refer-substance-misuse', toService: 'substance_misuse', reason: 'Dual diagnosis screen: substance use needs identified' };

describe('dual diagnosis screen', () => {
  it('is valid, registered, offered in custody and prison, and emits no codes', () => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
    expect(templateRegistry.get('dual-diagnosis', 1)).toEqual(t);
    expect(t.use).toEqual({ category: 'screen', siteTypes: ['custody', 'prison'] });
    // 417096006 (referral to community drug and alcohol team) is not an in-prison referral.
    expect(t.codes).toEqual([]);
    expect(JSON.stringify(t)).not.toContain(snomedCodeList.concepts.referralCommunityDrugAlcoholTeam.code);
  });

  it('no needs identified: no referral', () => {
    const e = evaluate({});
    expect(e.effects).toEqual([]);
    expect(e.flags).toEqual([]);
    expect(e.enabledItems).not.toContain('daily-use');
    expect(e.enabledItems).not.toContain('injecting');
  });

  it('refuses every missing required answer, each at its item', () => {
    expect(evaluateResponse(t, {}).issues).toEqual([
      { itemId: 'mh-current-diagnosis', kind: 'required', message: 'Select yes or no' },
      { itemId: 'mh-medication', kind: 'required', message: 'Select yes or no' },
      { itemId: 'mh-symptoms', kind: 'required', message: 'Select at least one option' },
      { itemId: 'mh-previous-contact', kind: 'required', message: 'Select yes or no' },
      { itemId: 'mh-current-risk', kind: 'required', message: 'Select yes or no' },
      { itemId: 'substances-last-month', kind: 'required', message: 'Select at least one option' },
      { itemId: 'previous-treatment', kind: 'required', message: 'Select yes or no' },
      { itemId: 'outcome-actions', kind: 'required', message: 'Select at least one option' },
    ]);
    const { 'mh-current-risk': _r, ...rest } = clear;
    expect(finaliseResponse(t, rest, { id: 'r1', at: '2025-03-02T10:00:00Z', by: 'sms-1' })).toMatchObject({
      ok: false,
      error: { code: 'INCOMPLETE', issues: [{ itemId: 'mh-current-risk', kind: 'required', message: 'Select yes or no' }] },
    });
  });

  it('asks the follow-up questions only when they apply, and then requires them', () => {
    const issues = (a: Answers) => evaluateResponse(t, { ...clear, ...a }).issues.map((i) => `${i.itemId} ${i.kind}`);
    expect(issues({ 'mh-current-diagnosis': true })).toEqual(['mh-diagnosis-details required']);
    expect(issues({ 'mh-medication': true })).toEqual(['mh-medication-details required']);
    expect(issues({ 'substances-last-month': ['cannabis'] })).toEqual(['daily-use required', 'injecting required']);
    expect(issues({ 'daily-use': true, injecting: true })).toEqual(['daily-use notApplicable', 'injecting notApplicable']);
  });

  it('refers to mental health in-reach on a current diagnosis, any symptom, or a current risk', () => {
    expect(evaluate({ 'mh-current-diagnosis': true, 'mh-diagnosis-details': 'Bipolar affective disorder (CMHT)' }).effects).toEqual([
      { ...MH_REFERRAL, because: 'Does the person have a current mental health diagnosis?: Yes' },
    ]);
    expect(evaluate({ 'mh-symptoms': ['low-mood', 'anxiety'] }).effects).toEqual([
      { ...MH_REFERRAL, because: 'Mental health symptoms in the last month: Low mood, hopelessness or loss of interest; Marked anxiety or panic' },
    ]);
    expect(referrals({ 'mh-current-risk': true })).toEqual(['mental_health_inreach']);
    for (const o of MENTAL_HEALTH_SYMPTOMS.filter((s) => s.value !== 'none')) expect(referrals({ 'mh-symptoms': [o.value] }), o.value).toEqual(['mental_health_inreach']);
    // Medication or past contact alone does not refer.
    expect(referrals({ 'mh-medication': true, 'mh-medication-details': 'Sertraline 50 mg, GP', 'mh-previous-contact': true })).toEqual([]);
  });

  it('refers to substance misuse services on any substance in the last month (with daily use and injecting named)', () => {
    expect(evaluate({ 'substances-last-month': ['opioids', 'crack'], 'daily-use': true, injecting: true }).effects).toEqual([
      {
        ...SMS_REFERRAL,
        because:
          'Does the person use any of these daily?: Yes; Has the person injected drugs in the last month?: Yes; ' +
          'Substances used in the last month: Heroin or other opioids not prescribed to them (including methadone, buprenorphine, codeine or tramadol); Crack cocaine',
      },
    ]);
    for (const o of SUBSTANCES.filter((s) => s.value !== 'none')) {
      expect(referrals({ 'substances-last-month': [o.value], 'daily-use': false, injecting: false }), o.value).toEqual(['substance_misuse']);
    }
    // Previous treatment alone does not refer.
    expect(referrals({ 'previous-treatment': true })).toEqual([]);
  });

  it('a contradictory "None" with a substance or symptom still refers', () => {
    expect(referrals({ 'mh-symptoms': ['none', 'hallucinations'], 'substances-last-month': ['none', 'alcohol'], 'daily-use': false, injecting: false })).toEqual([
      'mental_health_inreach', 'substance_misuse',
    ]);
  });

  it('worked example: psychosis and daily spice use refers to both services', () => {
    const answers: Answers = {
      ...clear,
      'mh-current-diagnosis': true,
      'mh-diagnosis-details': 'Schizophrenia, under Anytown CMHT',
      'mh-medication': true,
      'mh-medication-details': 'Olanzapine 10 mg at night, CMHT psychiatrist',
      'mh-symptoms': ['hallucinations', 'unusual-beliefs'],
      'mh-previous-contact': true,
      'substances-last-month': ['synthetic-cannabinoids', 'alcohol'],
      'daily-use': true,
      injecting: false,
      'previous-treatment': false,
      'outcome-actions': ['joint-care-plan', 'harm-reduction'],
    };
    const e = evaluateResponse(t, answers);
    expect(e.issues).toEqual([]);
    expect(e.effects.map((x) => x.ruleId)).toEqual(['refer-mental-health-inreach', 'refer-substance-misuse']);
    expect(e.codes).toEqual([]);
    expect(finaliseResponse(t, answers, { id: 'r1', at: '2025-03-02T10:00:00Z', by: 'sms-1' }).ok).toBe(true);
  });
});
