// Items added to the custody healthcare assessment in version 2 (custody-hcp-assessment-v2.ts
// says why each is there and which source asks for it). Kept here so the template file reads as
// the form's order and its rules.
import { HEAD_REGIONS } from '../body-map';
import type { Condition, Item, Trigger } from '../template-schema';
import { chosen, isYes, whenYes } from './screening-options';

const TAKEN = { match: 'all' as const, conditions: [chosen('vital-signs', 'taken')] };

export const CONSCIOUSNESS_ITEMS: Item[] = [
  {
    id: 'avpu',
    kind: 'choice',
    label: 'Level of consciousness (AVPU)',
    help: 'New confusion counts as less than Alert.',
    required: true,
    options: [
      { value: 'alert', label: 'Alert' },
      { value: 'confused', label: 'New confusion' },
      { value: 'voice', label: 'Responds to voice only' },
      { value: 'pain', label: 'Responds to pain only' },
      { value: 'unresponsive', label: 'Unresponsive' },
    ],
  },
  { id: 'gcs', kind: 'number', label: 'Glasgow Coma Scale score, if measured', unit: 'out of 15', integer: true, min: 3, max: 15, required: false },
  {
    id: 'annex-h-differential',
    kind: 'info',
    label:
      'PACE Code C Annex H: a drowsy detainee who smells of alcohol may also have a head injury, diabetes, epilepsy, an overdose or a stroke. ' +
      'Check blood glucose and look for a head injury before putting drowsiness down to drink.',
    required: false,
    enableWhen: { match: 'any', conditions: [{ item: 'intoxicated', op: 'equals', value: true }, { item: 'consciousness-concern', op: 'equals', value: true }] },
  },
];

export const VITAL_SIGN_ITEMS: Item[] = [
  {
    id: 'vital-signs',
    kind: 'choice',
    label: 'Vital signs',
    required: true,
    options: [
      { value: 'taken', label: 'Taken now' },
      { value: 'declined', label: 'Declined by the detainee' },
      { value: 'not-possible', label: 'Not possible (say why)' },
    ],
  },
  {
    id: 'vital-signs-not-taken',
    kind: 'text',
    label: 'Why vital signs were not taken, and when they will be tried again',
    required: true,
    enableWhen: { match: 'any', conditions: [chosen('vital-signs', 'declined'), chosen('vital-signs', 'not-possible')] },
  },
  { id: 'pulse', kind: 'number', label: 'Pulse', unit: 'beats/min', integer: true, min: 20, max: 250, required: true, enableWhen: TAKEN },
  { id: 'bp-systolic', kind: 'number', label: 'Blood pressure: systolic', unit: 'mmHg', integer: true, min: 40, max: 300, required: true, enableWhen: TAKEN },
  { id: 'bp-diastolic', kind: 'number', label: 'Blood pressure: diastolic', unit: 'mmHg', integer: true, min: 20, max: 200, required: true, enableWhen: TAKEN },
  { id: 'respiratory-rate', kind: 'number', label: 'Respiratory rate', unit: 'breaths/min', integer: true, min: 0, max: 80, required: true, enableWhen: TAKEN },
  { id: 'oxygen-saturation', kind: 'number', label: 'Oxygen saturation (SpO2)', unit: '%', integer: true, min: 50, max: 100, required: true, enableWhen: TAKEN },
  { id: 'temperature', kind: 'number', label: 'Temperature', unit: '°C', min: 25, max: 45, required: true, enableWhen: TAKEN },
  {
    id: 'blood-glucose',
    kind: 'number',
    label: 'Blood glucose',
    help: 'In mmol/L (not mg/dL). Below 4 is hypoglycaemia.',
    unit: 'mmol/L',
    min: 0.5,
    max: 50,
    required: true,
    enableWhen: TAKEN,
  },
];

export const HEAD_INJURY_ITEMS: Item[] = [
  {
    id: 'head-injury',
    kind: 'yesNo',
    label: 'Is there a head injury, or any report or sign of a blow to the head?',
    help: 'Ask every detainee, and ask the arresting officer: use of force, a fall, or being found on the ground.',
    required: true,
  },
  {
    id: 'head-injury-details',
    kind: 'text',
    label: 'Head injury: how and when it happened, loss of consciousness, and what you found',
    multiline: true,
    required: true,
    enableWhen: whenYes('head-injury'),
  },
];

export const INJURY_ITEMS: Item[] = [
  { id: 'has-injuries', kind: 'yesNo', label: 'Any other injuries?', required: true },
  { id: 'injury-sites', kind: 'bodyMap', label: 'Body map: mark where each injury is', required: true, enableWhen: whenYes('has-injuries') },
  { id: 'injury-description', kind: 'text', label: 'Describe each injury', help: 'Site, size and appearance of each injury, and how the detainee says it happened.', multiline: true, required: true, enableWhen: whenYes('has-injuries') },
];

export const OST_ITEMS: Item[] = [
  {
    id: 'on-ost',
    kind: 'yesNo',
    label: 'Is the detainee prescribed opioid substitution treatment (methadone or buprenorphine)?',
    help: 'Ask everyone, whether or not they say they use drugs.',
    required: true,
  },
  {
    id: 'ost-medicine',
    kind: 'choice',
    label: 'Opioid substitution medicine',
    required: true,
    enableWhen: whenYes('on-ost'),
    options: [
      { value: 'methadone-1mg-ml', label: 'Methadone oral solution 1 mg/ml' },
      { value: 'buprenorphine-sublingual', label: 'Buprenorphine sublingual' },
      { value: 'buprenorphine-naloxone', label: 'Buprenorphine with naloxone sublingual' },
      { value: 'buprenorphine-prolonged-release', label: 'Buprenorphine prolonged-release injection' },
    ],
  },
  {
    id: 'ost-dose-mg',
    kind: 'number',
    label: 'Daily dose (for an injection, the dose given)',
    help: 'In milligrams (mg), never millilitres: methadone 60 mg of 1 mg/ml solution is 60 ml, but other strengths exist.',
    unit: 'mg',
    min: 0.4,
    max: 400,
    required: true,
    enableWhen: whenYes('on-ost'),
  },
  { id: 'ost-last-dose', kind: 'dateTime', label: 'Date and time of the last dose', required: true, enableWhen: whenYes('on-ost') },
  { id: 'ost-prescriber', kind: 'text', label: 'Prescriber or treatment service, and dispensing pharmacy', required: true, enableWhen: whenYes('on-ost') },
  {
    id: 'ost-verified',
    kind: 'yesNo',
    label: 'Dose and last dose confirmed with the prescriber or dispensing pharmacy?',
    required: true,
    enableWhen: whenYes('on-ost'),
  },
];

export const WITHDRAWAL_HISTORY_ITEMS: Item[] = [
  {
    id: 'withdrawal-fits-history',
    kind: 'yesNo',
    label: 'Has the detainee ever had a withdrawal fit (seizure) or delirium tremens?',
    help: 'From alcohol or from benzodiazepines.',
    required: true,
  },
];

export const PREGNANCY_ITEMS: Item[] = [
  {
    id: 'pregnancy',
    kind: 'choice',
    label: 'Could the detainee be pregnant?',
    required: true,
    options: [
      { value: 'not-applicable', label: 'Not applicable' },
      { value: 'no', label: 'No' },
      { value: 'yes', label: 'Yes, pregnant' },
      { value: 'possibly', label: 'Possibly: not sure' },
    ],
  },
  {
    id: 'pregnancy-details',
    kind: 'text',
    label: 'Pregnancy: weeks, antenatal care, and any pain, bleeding or other concern',
    multiline: true,
    required: true,
    enableWhen: { match: 'any', conditions: [chosen('pregnancy', 'yes'), chosen('pregnancy', 'possibly')] },
  },
];

export const ROUSING_CHECK_ITEMS: Item[] = [
  {
    id: 'rouse-wakes',
    kind: 'yesNo',
    label: 'Rousability: can the detainee be woken (go into the cell, call their name, shake gently)?',
    required: true,
  },
  {
    id: 'rouse-answers',
    kind: 'yesNo',
    label: 'Response to questions: do they answer appropriately "What is your name?", "Where do you live?", "Where do you think you are?"',
    required: true,
  },
  {
    id: 'rouse-commands',
    kind: 'yesNo',
    label: 'Response to commands: do they respond appropriately to "Open your eyes", "Lift one arm, now the other arm"?',
    required: true,
  },
];

export const ROUSING_DIRECTION_ITEM: Item = {
  id: 'rousing-direction',
  kind: 'text',
  label: 'Your clinical direction for rousing, and its rationale',
  help:
    'PACE Code C 9.3: visits and rousing are subject to the clinical directions of the healthcare professional. Say how often, what custody staff must ' +
    'check at each visit (the three Annex H checks), and why.',
  multiline: true,
  required: true,
};

/** PACE Code C 9.3 and Annex H: situations that call for rousing at least every 30 minutes. */
export const ROUSING_CRITERIA: Condition[] = [
  { item: 'intoxicated', op: 'equals', value: true },
  { item: 'may-have-swallowed-drugs', op: 'equals', value: true },
  { item: 'consciousness-concern', op: 'equals', value: true },
  { item: 'head-injury', op: 'equals', value: true },
  { item: 'avpu', op: 'notEquals', value: 'alert' },
  { item: 'gcs', op: 'lessThan', value: 15 },
];

/** Rousing set less often than every 30 minutes ("not required" or "every 60 minutes"). */
export const ROUSING_BELOW_30: Condition[] = [
  { item: 'rousing', op: 'notEquals', value: '30' },
  { item: 'rousing', op: 'notEquals', value: '15' },
];

/** Head injury asked directly, or a head area marked on the body map. */
export const HEAD_INJURY_TRIGGER: Trigger = {
  kind: 'answers',
  match: 'any',
  conditions: [isYes('head-injury'), ...HEAD_REGIONS.map((r) => chosen('injury-sites', r))],
};
