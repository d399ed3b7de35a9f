import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { finaliseResponse } from '../response';
import { templateItems } from '../template-schema';
import { validateTemplate } from '../validate-template';
import { custodyHcpAssessment as t } from './custody-hcp-assessment';
import { templateRegistry } from './index';

/** A detainee with nothing of concern: every required question answered, nothing flagged. */
const calm: Answers = {
  'reason-for-assessment': 'Booking-in: reports asthma',
  intoxicated: false,
  'may-have-swallowed-drugs': false,
  'consciousness-concern': false,
  'has-injuries': false,
  'takes-medication': false,
  'medication-needed-in-custody': false,
  'known-mental-health-condition': false,
  'mental-health-symptoms': ['none'],
  'under-mental-health-services': false,
  'current-self-harm-thoughts': false,
  'previous-self-harm': false,
  'substances-used': ['none'],
  'fit-to-detain': 'fit',
  'fit-for-interview': 'fit',
  'observation-level': '1',
  rousing: 'not-required',
  directions: 'Hourly visits. Call the HCP if the detainee becomes short of breath.',
};

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...calm, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

const codes = (a: Answers) => evaluate(a).flags.map((f) => f.code);

const CONDITIONAL = [
  'intoxicants', 'intoxication-level', 'injury-description', 'head-injury', 'medication-list', 'mental-health-details',
  'self-harm-last-12-months', 'last-use', 'withdrawal-signs', 'withdrawal-monitoring', 'detention-conditions', 'not-fit-handover',
];

describe('custody HCP assessment template', () => {
  it('is valid, registered, offered in custody only and handed over to the custody officer', () => {
    expect(validateTemplate(t, { earlierVersion: true })).toEqual({ ok: true, template: t });
    expect(templateRegistry.get('custody-hcp-assessment', 1)).toEqual(t);
    expect(t.version).toBe(1);
    expect(t.use).toEqual({ category: 'assessment', siteTypes: ['custody'], handover: true });
    expect(t.sections.map((s) => s.title)).toEqual([
      'Presenting needs', 'Intoxication and consciousness', 'Injuries', 'Medication', 'Mental health', 'Self-harm and suicide',
      'Substance use and withdrawal', 'Fitness', 'Observation and rousing', 'Directions to custody staff',
    ]);
    expect(t.codes).toEqual([]);
  });

  it('offers the fitness, observation and rousing choices with their stored values', () => {
    const options = (id: string) => {
      const item = templateItems(t).find((i) => i.id === id)!;
      return 'options' in item ? item.options.map((o) => o.value) : [];
    };
    expect(options('fit-to-detain')).toEqual(['fit', 'fit-with-conditions', 'not-fit-hospital']);
    expect(options('fit-for-interview')).toEqual(['fit', 'fit-with-appropriate-adult', 'not-fit']);
    expect(options('observation-level')).toEqual(['1', '2', '3', '4']);
    expect(options('rousing')).toEqual(['not-required', '60', '30', '15']);
    const rousing = templateItems(t).find((i) => i.id === 'rousing')!;
    expect(rousing.help).toMatch(/PACE Code C.*may be intoxicated, may have swallowed drugs or whose level of consciousness causes concern.*at least every 30 minutes/);
    const level = templateItems(t).find((i) => i.id === 'observation-level')!;
    expect('options' in level && level.options.map((o) => o.label.split(':')[0])).toEqual([
      'Level 1, general observation', 'Level 2, intermittent observation', 'Level 3, constant observation', 'Level 4, close proximity',
    ]);
  });

  it('a detainee with nothing of concern: complete, no flags, no conditional questions shown', () => {
    const e = evaluate({});
    expect(e.flags).toEqual([]);
    expect(e.effects).toEqual([]);
    expect(e.codes).toEqual([]);
    for (const id of CONDITIONAL) expect(e.enabledItems, id).not.toContain(id);
    expect(e.enabledItems).toContain('fit-for-interview');
  });

  it('refuses every missing required answer, each at its item', () => {
    const e = evaluateResponse(t, {});
    expect(e.issues).toEqual([
      { itemId: 'reason-for-assessment', kind: 'required', message: 'Enter an answer' },
      { itemId: 'intoxicated', kind: 'required', message: 'Select yes or no' },
      { itemId: 'may-have-swallowed-drugs', kind: 'required', message: 'Select yes or no' },
      { itemId: 'consciousness-concern', kind: 'required', message: 'Select yes or no' },
      { itemId: 'has-injuries', kind: 'required', message: 'Select yes or no' },
      { itemId: 'takes-medication', kind: 'required', message: 'Select yes or no' },
      { itemId: 'medication-needed-in-custody', kind: 'required', message: 'Select yes or no' },
      { itemId: 'known-mental-health-condition', kind: 'required', message: 'Select yes or no' },
      { itemId: 'mental-health-symptoms', kind: 'required', message: 'Select at least one option' },
      { itemId: 'under-mental-health-services', kind: 'required', message: 'Select yes or no' },
      { itemId: 'current-self-harm-thoughts', kind: 'required', message: 'Select yes or no' },
      { itemId: 'previous-self-harm', kind: 'required', message: 'Select yes or no' },
      { itemId: 'substances-used', kind: 'required', message: 'Select at least one option' },
      { itemId: 'fit-to-detain', kind: 'required', message: 'Select an answer' },
      { itemId: 'observation-level', kind: 'required', message: 'Select an answer' },
      { itemId: 'rousing', kind: 'required', message: 'Select an answer' },
      { itemId: 'directions', kind: 'required', message: 'Enter an answer' },
    ]);
    // Blank directions cannot be saved: the custody officer needs them in writing.
    const r = finaliseResponse(t, { ...calm, directions: '   ' }, { id: 'r1', at: '2025-03-01T02:10:00Z', by: 'hcp-1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INCOMPLETE', issues: [{ itemId: 'directions', kind: 'required', message: 'Enter an answer' }] } });
  });

  it('asks the follow-up questions only when they apply, and then requires them', () => {
    const required = (a: Answers) => evaluateResponse(t, { ...calm, ...a }).issues.map((i) => `${i.itemId} ${i.kind}`);
    expect(required({ intoxicated: true })).toEqual(['intoxicants required', 'intoxication-level required']);
    expect(required({ 'has-injuries': true })).toEqual(['injury-description required', 'head-injury required']);
    expect(required({ 'takes-medication': true })).toEqual(['medication-list required']);
    expect(required({ 'known-mental-health-condition': true })).toEqual(['mental-health-details required']);
    expect(required({ 'previous-self-harm': true })).toEqual(['self-harm-last-12-months required']);
    expect(required({ 'substances-used': ['alcohol'] })).toEqual(['last-use required', 'withdrawal-signs required']);
    expect(required({ 'fit-to-detain': 'fit-with-conditions' })).toEqual(['detention-conditions required']);
    // Not fit: the interview question does not apply, and the handover instruction is shown.
    expect(required({ 'fit-to-detain': 'not-fit-hospital' })).toEqual(['fit-for-interview notApplicable']);
    const { 'fit-for-interview': _f, ...notFit } = calm;
    const e = evaluateResponse(t, { ...notFit, 'fit-to-detain': 'not-fit-hospital' });
    expect(e.issues).toEqual([]);
    expect(e.enabledItems).toContain('not-fit-handover');
    expect(e.enabledItems).not.toContain('fit-for-interview');
  });

  it('asks about last use and withdrawal for any substance, and prompts COWS/CIWA-Ar when withdrawal signs are present', () => {
    const used = { 'substances-used': ['opioids'], 'last-use': '2025-03-01T06:00:00Z' };
    expect(evaluate({ ...used, 'withdrawal-signs': false }).enabledItems).not.toContain('withdrawal-monitoring');
    expect(evaluate({ ...used, 'withdrawal-signs': true }).enabledItems).toContain('withdrawal-monitoring');
    // "None" alone asks nothing more; a contradictory "None" + a substance still asks.
    expect(evaluate({}).enabledItems).not.toContain('last-use');
    expect(evaluateResponse(t, { ...calm, 'substances-used': ['none', 'crack'] }).issues.map((i) => i.itemId)).toEqual(['last-use', 'withdrawal-signs']);
    expect(evaluateResponse(t, { ...calm, ...used, 'withdrawal-signs': false, 'last-use': '2025-03-01T06:00' }).issues).toEqual([
      { itemId: 'last-use', kind: 'invalid', message: 'Enter a real date and time, with its time zone' },
    ]);
  });

  it('SELF_HARM_RISK (high): current thoughts, or self-harm or an attempt in the last 12 months', () => {
    const e = evaluate({ 'current-self-harm-thoughts': true });
    expect(e.flags).toEqual([
      {
        ruleId: 'self-harm-risk',
        partnerAdvice: expect.any(String),
        code: 'SELF_HARM_RISK',
        label: 'Self-harm risk',
        reason: 'Detainee reports current thoughts of self-harm or suicide, or self-harm or a suicide attempt in the last 12 months.',
        severity: 'high',
        because: 'Does the detainee have current thoughts of self-harm or suicide?: Yes',
      },
    ]);
    expect(codes({ 'previous-self-harm': true, 'self-harm-last-12-months': true })).toEqual(['SELF_HARM_RISK']);
    expect(codes({ 'previous-self-harm': true, 'self-harm-last-12-months': false })).toEqual([]);
    // A stale "yes" to the 12-month question after "never self-harmed" is refused, and raises nothing.
    const stale = evaluateResponse(t, { ...calm, 'self-harm-last-12-months': true });
    expect(stale.issues).toEqual([{ itemId: 'self-harm-last-12-months', kind: 'notApplicable', message: expect.stringMatching(/does not apply/) }]);
    expect(stale.flags).toEqual([]);
  });

  it('NOT_FIT_TO_DETAIN (severe): only for "not fit: transfer to hospital"', () => {
    const { 'fit-for-interview': _f, ...rest } = calm;
    const e = evaluateResponse(t, { ...rest, 'fit-to-detain': 'not-fit-hospital' });
    expect(e.flags).toEqual([
      expect.objectContaining({ code: 'NOT_FIT_TO_DETAIN', severity: 'severe', because: 'Fit to detain: Not fit to detain: transfer to hospital' }),
    ]);
    expect(codes({ 'fit-to-detain': 'fit-with-conditions', 'detention-conditions': 'Rouse every 30 minutes; no alcohol withdrawal medication' })).toEqual([]);
  });

  it('ROUSE_30_MINUTES (high): rousing every 30 or every 15 minutes', () => {
    expect(codes({ rousing: '30' })).toEqual(['ROUSE_30_MINUTES']);
    expect(codes({ rousing: '15' })).toEqual(['ROUSE_30_MINUTES']);
    expect(codes({ rousing: '60' })).toEqual([]);
    expect(codes({ rousing: 'not-required' })).toEqual([]);
    expect(evaluate({ rousing: '15' }).flags[0]).toMatchObject({ severity: 'high', because: 'Rousing frequency: Rouse every 15 minutes' });
  });

  it('HEIGHTENED_OBSERVATION (high): observation level 3 or 4', () => {
    expect(codes({ 'observation-level': '1' })).toEqual([]);
    expect(codes({ 'observation-level': '2' })).toEqual([]);
    expect(codes({ 'observation-level': '3' })).toEqual(['HEIGHTENED_OBSERVATION']);
    expect(codes({ 'observation-level': '4' })).toEqual(['HEIGHTENED_OBSERVATION']);
    expect(evaluate({ 'observation-level': '4' }).flags[0]).toMatchObject({ severity: 'high', because: expect.stringMatching(/^Observation level: Level 4, close proximity/) });
  });

  it('POSSIBLE_DRUG_SWALLOWING (severe), asked of every detainee, intoxicated or not', () => {
    const e = evaluate({ 'may-have-swallowed-drugs': true, rousing: '30', 'observation-level': '2' });
    expect(e.flags.map((f) => [f.code, f.severity])).toEqual([['POSSIBLE_DRUG_SWALLOWING', 'severe'], ['ROUSE_30_MINUTES', 'high']]);
  });

  it('HEAD_INJURY (high): only when a head injury is recorded', () => {
    const injured = { 'has-injuries': true, 'injury-description': 'Graze to left forearm' };
    expect(codes({ ...injured, 'head-injury': false })).toEqual([]);
    expect(evaluate({ ...injured, 'head-injury': true }).flags).toEqual([
      expect.objectContaining({ code: 'HEAD_INJURY', severity: 'high', because: 'Is there a head injury?: Yes' }),
    ]);
  });

  it('ROUSING_BELOW_PACE_MINIMUM (severe): a PACE rousing criterion with rousing less often than every 30 minutes', () => {
    const drunk = { intoxicated: true, intoxicants: ['alcohol'], 'intoxication-level': 'moderate' };
    expect(codes({ ...drunk, rousing: 'not-required' })).toEqual(['ROUSING_BELOW_PACE_MINIMUM']);
    expect(evaluate({ ...drunk, rousing: '60' }).flags).toEqual([
      {
        ruleId: 'rousing-below-pace-intoxicated',
        partnerAdvice: expect.any(String),
        code: 'ROUSING_BELOW_PACE_MINIMUM',
        label: 'Rousing below the PACE Code C minimum',
        reason: 'The detainee may be intoxicated, but rousing is set less often than every 30 minutes. PACE Code C requires rousing at least every 30 minutes.',
        severity: 'severe',
        because: 'Is the detainee intoxicated, or may they be?: Yes; Rousing frequency: Rouse every 60 minutes',
      },
    ]);
    expect(codes({ ...drunk, rousing: '30' })).toEqual(['ROUSE_30_MINUTES']);
    expect(codes({ ...drunk, rousing: '15' })).toEqual(['ROUSE_30_MINUTES']);
    // The other two PACE criteria, each on its own.
    expect(evaluate({ 'may-have-swallowed-drugs': true, rousing: '60' }).flags.map((f) => f.ruleId)).toEqual(['possible-drug-swallowing', 'rousing-below-pace-swallowed']);
    expect(evaluate({ 'consciousness-concern': true, rousing: 'not-required' }).flags.map((f) => f.ruleId)).toEqual(['rousing-below-pace-consciousness']);
    // No criterion: hourly visits without rousing are the PACE minimum.
    expect(codes({ rousing: 'not-required' })).toEqual([]);
    expect(codes({ rousing: '60' })).toEqual([]);
    // Two criteria raise two rules with the one code (the record keeps one active flag per code).
    expect(codes({ ...drunk, 'may-have-swallowed-drugs': true, rousing: '60' })).toEqual([
      'POSSIBLE_DRUG_SWALLOWING', 'ROUSING_BELOW_PACE_MINIMUM', 'ROUSING_BELOW_PACE_MINIMUM',
    ]);
  });

  it('worked example: intoxicated with a head injury, roused every 30 minutes at level 2, fit with conditions', () => {
    const answers: Answers = {
      ...calm,
      'reason-for-assessment': 'Custody officer request: fell in the van',
      intoxicated: true,
      intoxicants: ['alcohol', 'benzodiazepines'],
      'intoxication-level': 'moderate',
      'has-injuries': true,
      'injury-description': '3 cm laceration to the left temple, not actively bleeding',
      'head-injury': true,
      'substances-used': ['alcohol', 'benzodiazepines'],
      'last-use': '2025-03-01T00:30:00Z',
      'withdrawal-signs': false,
      'fit-to-detain': 'fit-with-conditions',
      'detention-conditions': 'Rouse every 30 minutes; call the HCP for any vomiting or drowsiness',
      'fit-for-interview': 'not-fit',
      'observation-level': '2',
      rousing: '30',
      directions: 'Rouse every 30 minutes with a verbal response. Call an ambulance if not rousable. Reassess at 06:00.',
    };
    const e = evaluateResponse(t, answers);
    expect(e.issues).toEqual([]);
    expect(e.flags.map((f) => [f.code, f.severity, f.because])).toEqual([
      ['HEAD_INJURY', 'high', 'Is there a head injury?: Yes'],
      ['ROUSE_30_MINUTES', 'high', 'Rousing frequency: Rouse every 30 minutes'],
    ]);
    const saved = finaliseResponse(t, answers, { id: 'r1', at: '2025-03-01T02:10:00Z', by: 'hcp-1' });
    expect(saved.ok && saved.response.flags.map((f) => f.code)).toEqual(['HEAD_INJURY', 'ROUSE_30_MINUTES']);
  });
});
