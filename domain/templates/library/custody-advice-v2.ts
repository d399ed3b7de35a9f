// What the custody healthcare assessment's answers call for (version 2), shown as the HCP fills
// it in and saved with the response, so the handover and the record say what was advised and why.
// Vital-sign limits are the single-parameter red scores of NEWS2 (Royal College of Physicians,
// National Early Warning Score 2, 2017): any one calls for an urgent clinical response.
import type { AdviceRule, Condition } from '../template-schema';
import { HEAD_INJURY_TRIGGER, ROUSING_BELOW_30, ROUSING_CRITERIA } from './custody-items-v2';
import { chosen, isYes } from './screening-options';

const NEWS2_RED: Condition[] = [
  { item: 'respiratory-rate', op: 'lessThan', value: 9 },
  { item: 'respiratory-rate', op: 'greaterThan', value: 24 },
  { item: 'oxygen-saturation', op: 'lessThan', value: 92 },
  { item: 'bp-systolic', op: 'lessThan', value: 91 },
  { item: 'bp-systolic', op: 'greaterThan', value: 219 },
  { item: 'pulse', op: 'lessThan', value: 41 },
  { item: 'pulse', op: 'greaterThan', value: 130 },
  { item: 'temperature', op: 'lessThan', value: 35.1 },
  { item: 'avpu', op: 'notEquals', value: 'alert' },
];

const no = (item: string): Condition => ({ item, op: 'equals', value: false });

export const CUSTODY_ADVICE_V2: AdviceRule[] = [
  {
    id: 'rousing-inadequate',
    urgency: 'emergency',
    text: 'Inadequate response to rousing (PACE Code C Annex H): this is a medical emergency. Call an ambulance now; the detainee is not fit to detain.',
    when: { kind: 'answers', match: 'any', conditions: [no('rouse-wakes'), no('rouse-answers'), no('rouse-commands')] },
  },
  {
    id: 'news2-red',
    urgency: 'emergency',
    text:
      'A vital sign or the level of consciousness is in the NEWS2 red range (respiratory rate 8 or less or 25 or more, SpO2 91% or less, systolic 90 or less ' +
      'or 220 or more, pulse 40 or less or 131 or more, temperature 35.0 °C or less, or not alert): urgent medical assessment; consider transfer to hospital.',
    when: { kind: 'answers', match: 'any', conditions: NEWS2_RED },
  },
  {
    id: 'hypoglycaemia',
    urgency: 'emergency',
    text: 'Blood glucose below 4 mmol/L: treat hypoglycaemia now and recheck in 15 minutes; drowsiness may be hypoglycaemia, not drink.',
    when: { kind: 'answers', match: 'all', conditions: [{ item: 'blood-glucose', op: 'lessThan', value: 4 }] },
  },
  {
    id: 'head-injury',
    urgency: 'action',
    text:
      'Head injury: rouse at least every 30 minutes and get a spoken answer. Give the custody officer the head injury warning in writing: a worsening ' +
      'headache, vomiting, blurred or double vision, a fit, confusion or increasing drowsiness means hospital now. Assess against NICE NG232 for referral.',
    when: HEAD_INJURY_TRIGGER,
  },
  {
    id: 'rousing-below-minimum',
    urgency: 'action',
    text: 'A PACE rousing criterion applies (intoxication, possible drug swallowing, a head injury, or a concern about consciousness): set rousing at least every 30 minutes.',
    when: { kind: 'anyOf', triggers: ROUSING_CRITERIA.map((c) => ({ kind: 'answers' as const, match: 'all' as const, conditions: [c, ...ROUSING_BELOW_30] })) },
  },
  {
    id: 'observation-below-risk',
    urgency: 'action',
    text: 'Current thoughts of self-harm or suicide: observation level 1 (hourly) is not enough. Agree level 3 or 4 with the custody officer and remove ligature risks.',
    when: { kind: 'answers', match: 'all', conditions: [isYes('current-self-harm-thoughts'), chosen('observation-level', '1')] },
  },
  {
    id: 'ost-continuity',
    urgency: 'action',
    text:
      'Opioid substitution treatment: confirm the dose and the time of the last dose with the prescriber or dispensing pharmacy, and arrange the next dose so ' +
      'none is missed. Do not give a dose to a detainee who is intoxicated or drowsy without a medical review.',
    when: { kind: 'answers', match: 'all', conditions: [isYes('on-ost')] },
    withAnswers: ['ost-medicine', 'ost-dose-mg', 'ost-last-dose'],
  },
  {
    id: 'ost-not-confirmed',
    urgency: 'action',
    text: 'The dose has not been confirmed: do not give opioid substitution treatment until the prescriber or pharmacy confirms it; monitor for withdrawal with COWS.',
    when: { kind: 'answers', match: 'all', conditions: [no('ost-verified')] },
  },
  {
    id: 'withdrawal-fits',
    urgency: 'action',
    text: 'Previous withdrawal fits or delirium tremens: high risk of complicated withdrawal. Monitor with CIWA-Ar, start medically assisted withdrawal under the local protocol, and keep a low threshold for hospital.',
    when: { kind: 'answers', match: 'all', conditions: [isYes('withdrawal-fits-history')] },
  },
  {
    id: 'pregnancy',
    urgency: 'action',
    text:
      'Pregnant or possibly pregnant: ask about pain, bleeding and baby movements; continue opioid substitution treatment (withdrawal harms the baby); ' +
      'any abdominal pain, bleeding or severe headache means hospital now.',
    when: { kind: 'answers', match: 'any', conditions: [chosen('pregnancy', 'yes'), chosen('pregnancy', 'possibly')] },
  },
];
