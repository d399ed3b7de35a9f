import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { finaliseResponse } from '../response';
import { validateTemplate } from '../validate-template';
import { templateRegistry } from './index';
import { prisonReceptionScreen as t } from './prison-reception-screen';

/** A person with nothing to report: every required question answered, nothing flagged. */
const well: Answers = {
  'physical-conditions': false,
  injuries: false,
  pregnancy: 'not-applicable',
  'drinks-alcohol': false,
  'uses-drugs': false,
  'on-ost': false,
  'mental-health-problems': false,
  'current-self-harm-thoughts': false,
  'previous-self-harm-attempts': false,
  'self-harm-risk-factors': ['none'],
  'has-medicines': false,
  'per-checked': true,
  csra: 'standard',
};

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...well, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

const codes = (a: Answers) => evaluate(a).flags.map((f) => f.code);
const issues = (a: Answers) => evaluateResponse(t, { ...well, ...a }).issues.map((i) => `${i.itemId} ${i.kind}`);

const SECOND_STAGE = {
  kind: 'task',
  ruleId: 'second-stage-assessment',
  taskKind: 'second-stage-assessment',
  title: 'Second-stage health assessment (NICE NG57)',
  dueInDays: 7,
  because: 'always on completion',
};

describe('prison reception screen (NICE NG57 first stage)', () => {
  it('is valid, registered and offered in prisons only', () => {
    expect(validateTemplate(t, { earlierVersion: true })).toEqual({ ok: true, template: t });
    expect(templateRegistry.get('prison-reception-screen', 1)).toEqual(t);
    expect(t.use).toEqual({ category: 'screen', siteTypes: ['prison'] });
    expect(t.sections.map((s) => s.title)).toEqual([
      'Physical health', 'Alcohol', 'Drugs', 'Mental health', 'Self-harm and suicide risk', 'Medicines', 'Person Escort Record and cell sharing', 'Outstanding appointments',
    ]);
    expect(t.codes).toEqual([]);
  });

  it('always sets the second-stage assessment due in 7 days, whatever the answers', () => {
    const e = evaluate({});
    expect(e.flags).toEqual([]);
    expect(e.effects).toEqual([SECOND_STAGE]);
    expect(evaluate({ csra: 'high', 'current-self-harm-thoughts': true }).effects).toEqual([SECOND_STAGE]);
    expect(t.effects).toEqual([{ kind: 'task', id: 'second-stage-assessment', taskKind: 'second-stage-assessment', title: 'Second-stage health assessment (NICE NG57)', dueInDays: 7 }]);
  });

  it('refuses every missing required answer, each at its item', () => {
    expect(evaluateResponse(t, {}).issues).toEqual([
      { itemId: 'physical-conditions', kind: 'required', message: 'Select yes or no' },
      { itemId: 'injuries', kind: 'required', message: 'Select yes or no' },
      { itemId: 'pregnancy', kind: 'required', message: 'Select an answer' },
      { itemId: 'drinks-alcohol', kind: 'required', message: 'Select yes or no' },
      { itemId: 'uses-drugs', kind: 'required', message: 'Select yes or no' },
      { itemId: 'on-ost', kind: 'required', message: 'Select yes or no' },
      { itemId: 'mental-health-problems', kind: 'required', message: 'Select yes or no' },
      { itemId: 'current-self-harm-thoughts', kind: 'required', message: 'Select yes or no' },
      { itemId: 'previous-self-harm-attempts', kind: 'required', message: 'Select yes or no' },
      { itemId: 'self-harm-risk-factors', kind: 'required', message: 'Select at least one option' },
      { itemId: 'has-medicines', kind: 'required', message: 'Select yes or no' },
      { itemId: 'per-checked', kind: 'required', message: 'Select yes or no' },
      { itemId: 'csra', kind: 'required', message: 'Select an answer' },
    ]);
    const { csra: _c, ...noCsra } = well;
    const r = finaliseResponse(t, noCsra, { id: 'r1', at: '2025-03-01T15:00:00Z', by: 'nurse-1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INCOMPLETE', issues: [{ itemId: 'csra', kind: 'required', message: 'Select an answer' }] } });
  });

  it('asks the follow-up questions only when they apply, and then requires them', () => {
    expect(issues({})).toEqual([]);
    expect(issues({ 'physical-conditions': true })).toEqual(['physical-conditions-details required']);
    expect(issues({ injuries: true })).toEqual(['injuries-details required']);
    expect(issues({ pregnancy: 'yes' })).toEqual(['pregnancy-details required']);
    expect(issues({ pregnancy: 'possibly' })).toEqual(['pregnancy-details required']);
    expect(issues({ pregnancy: 'no', 'pregnancy-details': '12 weeks' })).toEqual(['pregnancy-details notApplicable']);
    expect(issues({ 'drinks-alcohol': true })).toEqual(['alcohol-units-per-day required', 'alcohol-withdrawal-symptoms required']);
    expect(issues({ 'uses-drugs': true })).toEqual(['drugs-used required', 'injects-drugs required']);
    expect(issues({ 'on-ost': true })).toEqual(['ost-dose required']);
    expect(issues({ 'mental-health-problems': true })).toEqual(['mental-health-details required']);
    expect(issues({ 'has-medicines': true })).toEqual(['medicines-details required']);
    // PER warnings are optional (blank means none), and asked only once the PER has been checked.
    expect(evaluate({}).enabledItems).toContain('per-warnings');
    expect(issues({ 'per-checked': false, 'per-warnings': 'Self-harm warning' })).toEqual(['per-warnings notApplicable']);
  });

  it('asks about opioid substitution therapy even when no drug use is reported', () => {
    const e = evaluate({ 'on-ost': true, 'ost-dose': 'Methadone 60 mg daily, last dose 01-Mar-2025 09:00, prescriber Anytown CDT' });
    expect(e.enabledItems).toEqual(expect.arrayContaining(['on-ost', 'ost-dose']));
    expect(e.enabledItems).not.toContain('drugs-used');
    expect(e.flags).toEqual([]);
  });

  it('shows the prompts: open an ACCT on self-harm answers; check the PER when it was not checked', () => {
    expect(evaluate({}).enabledItems).not.toContain('acct-prompt');
    expect(evaluate({ 'current-self-harm-thoughts': true }).enabledItems).toContain('acct-prompt');
    expect(evaluate({ 'previous-self-harm-attempts': true }).enabledItems).toContain('acct-prompt');
    expect(evaluate({}).enabledItems).not.toContain('per-not-checked');
    expect(evaluate({ 'per-checked': false }).enabledItems).toContain('per-not-checked');
  });

  it('checks the units a day: a number from 0 to 200', () => {
    const drinks = { 'drinks-alcohol': true, 'alcohol-withdrawal-symptoms': false };
    expect(issues({ ...drinks, 'alcohol-units-per-day': -1 })).toEqual(['alcohol-units-per-day outOfRange']);
    expect(evaluateResponse(t, { ...well, ...drinks, 'alcohol-units-per-day': 201 }).issues[0]?.message).toBe('Enter a value between 0 and 200 units/day');
    expect(issues({ ...drinks, 'alcohol-units-per-day': 'ten' })).toEqual(['alcohol-units-per-day invalid']);
  });

  it('SELF_HARM_RISK (high): current thoughts, or previous attempts', () => {
    expect(evaluate({ 'current-self-harm-thoughts': true }).flags).toEqual([
      {
        ruleId: 'self-harm-risk',
        partnerAdvice: expect.any(String),
        code: 'SELF_HARM_RISK',
        label: 'Self-harm risk',
        reason: 'The person reports current thoughts of self-harm or suicide, or has harmed themselves or tried to take their own life before.',
        severity: 'high',
        because: 'Does the person have current thoughts of self-harm or suicide?: Yes',
      },
    ]);
    expect(codes({ 'previous-self-harm-attempts': true })).toEqual(['SELF_HARM_RISK']);
    // Risk factors alone prompt attention but do not raise the flag.
    expect(codes({ 'self-harm-risk-factors': ['first-time-in-custody', 'recent-bereavement'] })).toEqual([]);
  });

  it('CSRA_HIGH (high): only when the CSRA outcome is high', () => {
    expect(codes({ csra: 'standard' })).toEqual([]);
    expect(evaluate({ csra: 'high' }).flags).toEqual([expect.objectContaining({ code: 'CSRA_HIGH', severity: 'high', because: 'Cell-sharing risk assessment (CSRA) outcome: High' })]);
  });

  it('ALCOHOL_WITHDRAWAL_RISK (high): withdrawal symptoms, or more than 15 units a day', () => {
    const drinks = (units: number, withdrawal: boolean) => ({ 'drinks-alcohol': true, 'alcohol-units-per-day': units, 'alcohol-withdrawal-symptoms': withdrawal });
    expect(codes(drinks(15, false))).toEqual([]);
    expect(codes(drinks(15.5, false))).toEqual(['ALCOHOL_WITHDRAWAL_RISK']);
    expect(evaluate(drinks(16, false)).flags[0]).toMatchObject({ severity: 'high', because: 'Units of alcohol on a typical drinking day: 16 units/day' });
    expect(evaluate(drinks(4, true)).flags[0]).toMatchObject({ code: 'ALCOHOL_WITHDRAWAL_RISK', because: expect.stringMatching(/withdrawal.*: Yes$/) });
    expect(codes(drinks(0, false))).toEqual([]);
  });

  it('OPIOID_WITHDRAWAL_RISK (high): uses opioids and is not on opioid substitution therapy', () => {
    const uses = (drugs: string[]) => ({ 'uses-drugs': true, 'drugs-used': drugs, 'injects-drugs': false });
    expect(evaluate({ ...uses(['opioids', 'crack']), 'on-ost': false }).flags).toEqual([
      expect.objectContaining({
        code: 'OPIOID_WITHDRAWAL_RISK',
        severity: 'high',
        because: 'Drugs used: Heroin or other opioids not prescribed to them (including methadone, buprenorphine, codeine or tramadol); Crack cocaine; ' +
          'Is the person on opioid substitution therapy (methadone or buprenorphine)?: No',
      }),
    ]);
    expect(codes({ ...uses(['opioids']), 'on-ost': true, 'ost-dose': 'Buprenorphine 16 mg daily' })).toEqual([]);
    expect(codes({ ...uses(['crack', 'cannabis']), 'on-ost': false })).toEqual([]);
  });

  it('worked example: heavy drinker using heroin, not on OST, first time in custody', () => {
    const answers: Answers = {
      ...well,
      injuries: true,
      'injuries-details': 'Bruising to right shoulder from before arrest',
      'drinks-alcohol': true,
      'alcohol-units-per-day': 24,
      'alcohol-withdrawal-symptoms': false,
      'uses-drugs': true,
      'drugs-used': ['opioids'],
      'injects-drugs': true,
      'self-harm-risk-factors': ['first-time-in-custody'],
      'per-warnings': 'None',
      'outstanding-appointments': 'Fracture clinic, Anytown General, 10-Mar-2025',
    };
    const e = evaluateResponse(t, answers);
    expect(e.issues).toEqual([]);
    expect(e.flags.map((f) => f.code)).toEqual(['ALCOHOL_WITHDRAWAL_RISK', 'OPIOID_WITHDRAWAL_RISK']);
    expect(e.effects).toEqual([SECOND_STAGE]);
    expect(finaliseResponse(t, answers, { id: 'r1', at: '2025-03-01T15:00:00Z', by: 'nurse-1' }).ok).toBe(true);
  });
});
