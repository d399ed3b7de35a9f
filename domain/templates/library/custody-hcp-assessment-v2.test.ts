// Issue 14 item 2 (PACE Code C 9.3 and Annex H; FFLM head injury warning; FFLM/RCPsych substance
// misuse detainees): worked examples, answers in, flags, tasks and advice out. Each "version 1"
// line shows the defect on the template that shipped before.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { validateTemplate } from '../validate-template';
import { custodyHcpAssessment as v1 } from './custody-hcp-assessment';
import { custodyHcpAssessmentV2 as t } from './custody-hcp-assessment-v2';
import { templateRegistry } from './index';

const calm: Answers = {
  'reason-for-assessment': 'Booking-in',
  intoxicated: false,
  'may-have-swallowed-drugs': false,
  'consciousness-concern': false,
  avpu: 'alert',
  'vital-signs': 'taken',
  pulse: 72,
  'bp-systolic': 124,
  'bp-diastolic': 78,
  'respiratory-rate': 14,
  'oxygen-saturation': 98,
  temperature: 36.6,
  'blood-glucose': 5.4,
  'head-injury': false,
  'has-injuries': false,
  'takes-medication': false,
  'medication-needed-in-custody': false,
  'on-ost': false,
  'known-mental-health-condition': false,
  'mental-health-symptoms': ['none'],
  'under-mental-health-services': false,
  'current-self-harm-thoughts': false,
  'previous-self-harm': false,
  'substances-used': ['none'],
  'withdrawal-fits-history': false,
  pregnancy: 'not-applicable',
  'fit-to-detain': 'fit',
  'fit-for-interview': 'fit',
  'observation-level': '1',
  rousing: 'not-required',
  'rouse-wakes': true,
  'rouse-answers': true,
  'rouse-commands': true,
  'rousing-direction': 'Hourly visits; no rousing needed: sober, alert, no head injury.',
  directions: 'Hourly visits. Call the HCP if the detainee becomes unwell.',
};

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...calm, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

const flagCodes = (a: Answers) => evaluate(a).flags.map((f) => f.code);
const adviceIds = (a: Answers) => evaluate(a).advice.map((x) => x.ruleId);

describe('custody healthcare assessment version 2', () => {
  it('is the latest version, valid, with every high or severe flag carrying partner advice', () => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
    expect(templateRegistry.latest('custody-hcp-assessment')).toEqual(t);
    for (const f of t.flags) if (f.severity === 'high' || f.severity === 'severe') expect(f.partnerAdvice, f.id).toBeTruthy();
  });

  it('a calm detainee raises nothing and needs no advice', () => {
    const e = evaluate({});
    expect(e.flags).toEqual([]);
    expect(e.advice).toEqual([]);
    expect(e.effects).toEqual([]);
  });

  it('head injury is asked of everyone and is a rousing trigger on its own (version 1 asked it only after "has injuries")', () => {
    expect(evaluateResponse(v1, { 'has-injuries': false }).enabledItems).not.toContain('head-injury');
    expect(evaluate({}).enabledItems).toContain('head-injury');

    const e = evaluate({ 'head-injury': true, 'head-injury-details': 'Fell against a door during arrest, no loss of consciousness', rousing: '60' });
    expect(e.flags.map((f) => f.code)).toEqual(['ROUSING_BELOW_PACE_MINIMUM', 'HEAD_INJURY']);
    expect(e.flags[1]).toMatchObject({
      severity: 'high',
      because: 'Is there a head injury, or any report or sign of a blow to the head?: Yes. Head injury: how and when it happened, loss of consciousness, and what you found: Fell against a door during arrest, no loss of consciousness',
    });
    for (const sign of ['worsening headache', 'vomiting', 'double vision', 'a fit', 'confusion', 'drowsiness']) {
      expect(e.flags[1]!.partnerAdvice, sign).toContain(sign);
      expect(e.advice.find((a) => a.ruleId === 'head-injury')!.text, sign).toContain(sign);
    }
    expect(e.flags[1]!.partnerAdvice).toMatch(/every 30 minutes/);
    // Set to 30 minutes: no PACE warning, the head injury flag stays.
    expect(flagCodes({ 'head-injury': true, 'head-injury-details': 'x', rousing: '30' })).toEqual(['HEAD_INJURY', 'ROUSE_30_MINUTES']);
  });

  it('a head area marked on the body map raises the head injury flag even if the head question was answered No', () => {
    const e = evaluate({ 'has-injuries': true, 'injury-sites': ['head-back', 'left-forearm-front'], 'injury-description': 'Swelling back of head; graze left forearm' });
    expect(e.flags.map((f) => f.code)).toEqual(['HEAD_INJURY']);
    expect(e.flags[0]!.because).toBe('Body map: mark where each injury is: Back of head; Left forearm and wrist (front)');
  });

  it('the rousing check follows Annex H: any inadequate response is an emergency', () => {
    for (const item of ['rouse-wakes', 'rouse-answers', 'rouse-commands']) {
      const e = evaluate({ [item]: false });
      expect(e.advice[0], item).toMatchObject({ ruleId: 'rousing-inadequate', urgency: 'emergency' });
      expect(e.advice[0]!.text).toMatch(/medical emergency. Call an ambulance now/);
    }
    expect(t.flags.find((f) => f.code === 'ROUSE_30_MINUTES')!.partnerAdvice).toMatch(/call their name.*open their eyes.*lift one arm/);
  });

  it('the 30-minute rousing flag records the clinical direction and its rationale (PACE Code C 9.3)', () => {
    const e = evaluate({ intoxicated: true, intoxicants: ['alcohol'], 'intoxication-level': 'moderate', rousing: '30', 'rousing-direction': 'Rouse every 30 minutes until sober: smells of alcohol, unsteady. Check speech and both arms.' });
    expect(e.flags.find((f) => f.code === 'ROUSE_30_MINUTES')!.because).toBe(
      'Rousing frequency: Rouse every 30 minutes. Your clinical direction for rousing, and its rationale: Rouse every 30 minutes until sober: smells of alcohol, unsteady. Check speech and both arms.',
    );
    expect(evaluateResponse(t, { ...calm, 'rousing-direction': '' }).issues).toEqual([{ itemId: 'rousing-direction', kind: 'required', message: 'Enter an answer' }]);
  });

  it('consciousness and vital signs are recorded (or why not); a NEWS2 red value or low glucose is an emergency', () => {
    expect(evaluateResponse(t, { ...calm, 'vital-signs': 'declined' }).issues.map((i) => `${i.itemId} ${i.kind}`)).toEqual([
      'vital-signs-not-taken required',
      'pulse notApplicable', 'bp-systolic notApplicable', 'bp-diastolic notApplicable', 'respiratory-rate notApplicable',
      'oxygen-saturation notApplicable', 'temperature notApplicable', 'blood-glucose notApplicable',
    ]);
    expect(adviceIds({ 'respiratory-rate': 8 })).toEqual(['news2-red']);
    expect(adviceIds({ 'oxygen-saturation': 91 })).toEqual(['news2-red']);
    expect(adviceIds({ 'oxygen-saturation': 92 })).toEqual([]);
    expect(adviceIds({ 'blood-glucose': 3.2 })).toEqual(['hypoglycaemia']);
    // Drowsy and smelling of alcohol: not alert is a rousing trigger and a NEWS2 red value.
    const drowsy = evaluate({ avpu: 'voice', rousing: '60' });
    expect(drowsy.flags.map((f) => f.code)).toEqual(['ROUSING_BELOW_PACE_MINIMUM']);
    expect(drowsy.advice.map((a) => a.ruleId)).toEqual(['news2-red', 'rousing-below-minimum']);
    expect(flagCodes({ gcs: 13, rousing: 'not-required' })).toEqual(['ROUSING_BELOW_PACE_MINIMUM']);
  });

  it('prescribed OST: structured dose, a prescriber task due today carrying the dose, the OST flag and advice', () => {
    const ost = { 'on-ost': true, 'ost-medicine': 'methadone-1mg-ml', 'ost-dose-mg': 60, 'ost-last-dose': '2026-12-01T09:15:00Z', 'ost-prescriber': 'Anytown recovery service; Boots, High St', 'ost-verified': false };
    const e = evaluate(ost);
    expect(e.effects).toEqual([
      {
        kind: 'task',
        ruleId: 'ost-continuity',
        taskKind: 'ost-continuity',
        title: 'Continuity of opioid substitution treatment: confirm the dose and arrange the next one',
        dueInDays: 0,
        forRole: 'prescriber',
        because: expect.stringContaining('Opioid substitution medicine: Methadone oral solution 1 mg/ml; Daily dose (for an injection, the dose given): 60 mg; Date and time of the last dose'),
      },
    ]);
    expect(e.flags.map((f) => f.code)).toEqual(['OST_CONTINUITY']);
    expect(e.advice.map((a) => a.ruleId)).toEqual(['ost-continuity', 'ost-not-confirmed']);
    expect(evaluateResponse(t, { ...calm, 'on-ost': true }).issues.map((i) => i.itemId)).toEqual(['ost-medicine', 'ost-dose-mg', 'ost-last-dose', 'ost-prescriber', 'ost-verified']);
  });

  it('previous withdrawal fits or delirium tremens, and pregnancy, each with what they call for', () => {
    const fits = evaluate({ 'withdrawal-fits-history': true });
    expect(fits.flags).toEqual([expect.objectContaining({ code: 'WITHDRAWAL_SEIZURE_RISK', severity: 'high' })]);
    expect(fits.advice.map((a) => a.ruleId)).toEqual(['withdrawal-fits']);
    const pregnant = evaluate({ pregnancy: 'yes', 'pregnancy-details': '20 weeks, booked at Anytown' });
    expect(pregnant.flags.map((f) => f.code)).toEqual(['PREGNANCY']);
    expect(pregnant.advice.map((a) => a.ruleId)).toEqual(['pregnancy']);
  });

  it('current thoughts of self-harm with observation level 1 warns, as the rousing rule does', () => {
    const e = evaluate({ 'current-self-harm-thoughts': true });
    expect(e.flags.map((f) => [f.code, f.severity])).toEqual([
      ['OBSERVATION_BELOW_RISK', 'severe'],
      ['SELF_HARM_RISK', 'high'],
    ]);
    expect(e.advice.map((a) => a.ruleId)).toEqual(['observation-below-risk']);
    expect(flagCodes({ 'current-self-harm-thoughts': true, 'observation-level': '3' })).toEqual(['SELF_HARM_RISK', 'HEIGHTENED_OBSERVATION']);
    // Version 1 raised only the self-harm flag, whatever the observation level.
    const old = evaluateResponse(v1, { 'current-self-harm-thoughts': true, 'observation-level': '1' }).flags.map((f) => f.code);
    expect(old).toEqual(['SELF_HARM_RISK']);
  });
});
