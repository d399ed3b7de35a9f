// Flags, advice and effects of the prison reception screen, version 2: what each answer calls for
// (NICE NG57 Table 1 "Actions" column; QS156). prison-reception-screen-v2.ts holds the items.
import type { AdviceRule, Condition, EffectRule, FlagRule } from '../template-schema';
import { prisonReceptionScreen as v1 } from './prison-reception-screen';
import { PHYSICAL_CONDITIONS, TIME_CRITICAL } from './reception-items-v2';
import { anyChosen, chosen, isYes } from './screening-options';
import { HEAD_INJURY_FLAG, OST_CONTINUITY_FLAG, PREGNANCY_FLAG, WITHDRAWAL_SEIZURE_RISK_FLAG } from './shared-flags';
import { HEAD_REGIONS } from '../body-map';

export const SECOND_STAGE_TASK = 'second-stage-assessment';
export const OST_CONTINUITY_TASK = 'ost-continuity';

const flagV1 = (id: string) => v1.flags.find((f) => f.id === id)!;
const isNo = (item: string): Condition => ({ item, op: 'equals', value: false });

const SELF_HARM_SIGNS: Condition[] = [isYes('current-self-harm-thoughts'), isYes('previous-self-harm-attempts'), isYes('per-self-harm-warning')];
const HEAD_INJURY: Condition[] = [chosen('injury-types', 'head'), ...HEAD_REGIONS.map((r) => chosen('injury-sites', r))];
const OST_CARRIED = ['ost-medicine', 'ost-dose-mg', 'ost-last-dose', 'ost-prescriber', 'ost-verified'];

export const RECEPTION_FLAGS_V2: FlagRule[] = [
  {
    ...flagV1('self-harm-risk'),
    reason:
      'The person reports current thoughts of self-harm or suicide, has harmed themselves or tried to take their own life before, or the Person Escort ' +
      'Record carries a self-harm warning. Open an ACCT unless one is open.',
    when: { kind: 'answers', match: 'any', conditions: SELF_HARM_SIGNS },
  },
  flagV1('csra-high'),
  {
    ...flagV1('alcohol-withdrawal-risk'),
    partnerAdvice: 'Alcohol withdrawal risk: tell healthcare at once of shaking, sweating, confusion, seeing things or a fit.',
    reason: 'The person has alcohol withdrawal symptoms, or drinks more than 15 units a day. Assess with CIWA-Ar and start the local alcohol withdrawal protocol.',
  },
  { ...flagV1('opioid-withdrawal-risk'), partnerAdvice: 'Opioid withdrawal risk: tell healthcare of vomiting, diarrhoea, sweating or distress; withdrawal raises the risk of self-harm.' },
  {
    id: 'sedative-withdrawal-risk',
    code: 'SEDATIVE_WITHDRAWAL_RISK',
    severity: 'high',
    label: 'Benzodiazepine or gabapentinoid withdrawal risk',
    reason: 'The person uses benzodiazepines, pregabalin or gabapentin not prescribed to them. Stopping suddenly can cause fits: prescriber review today.',
    partnerAdvice: 'Risk of withdrawal fits: if the person is shaking, confused, seeing things or fitting, call an ambulance and healthcare now.',
    when: { kind: 'answers', match: 'any', conditions: [chosen('drugs-used', 'benzodiazepines'), chosen('drugs-used', 'gabapentinoids')] },
  },
  { ...WITHDRAWAL_SEIZURE_RISK_FLAG, when: { kind: 'answers', match: 'all', conditions: [isYes('withdrawal-fits-history')] } },
  { ...OST_CONTINUITY_FLAG, when: { kind: 'answers', match: 'all', conditions: [isYes('on-ost')] }, withAnswers: ['ost-medicine', 'ost-dose-mg', 'ost-last-dose'] },
  { ...HEAD_INJURY_FLAG, when: { kind: 'answers', match: 'any', conditions: HEAD_INJURY }, withAnswers: ['injuries-details'] },
  { ...PREGNANCY_FLAG, when: { kind: 'answers', match: 'any', conditions: [chosen('pregnancy', 'yes'), chosen('pregnancy', 'possibly')] } },
];

const has = (condition: string) => chosen('physical-conditions', condition);

export const RECEPTION_ADVICE_V2: AdviceRule[] = [
  {
    id: 'open-acct',
    urgency: 'action',
    text: 'Open an ACCT now (any member of staff can) and tell the reception officer before a cell is allocated.',
    when: { kind: 'answers', match: 'any', conditions: SELF_HARM_SIGNS },
  },
  {
    id: 'check-per',
    urgency: 'action',
    text: 'Check the Person Escort Record before the person is allocated a cell: it may carry self-harm or medical warnings (saving sets a task due today).',
    when: { kind: 'answers', match: 'all', conditions: [isNo('per-checked')] },
  },
  {
    id: 'next-dose',
    urgency: 'action',
    text: 'Make sure the next dose of each medicine is given when due, refer to the prescriber, and reconcile the medicines against the GP record (saving sets a prescriber task).',
    when: { kind: 'answers', match: 'all', conditions: [isYes('has-medicines')] },
  },
  {
    id: 'time-critical',
    urgency: 'emergency',
    text: 'A time-critical medicine: a missed or late dose can cause serious harm. Make sure the next dose is given on time tonight; tell the prescriber now.',
    when: { kind: 'answers', match: 'any', conditions: anyChosen('time-critical-medicines', TIME_CRITICAL) },
  },
  {
    id: 'ost-continuity',
    urgency: 'action',
    text: 'Opioid substitution treatment: confirm the dose and last dose with the prescriber or pharmacy, and make sure the next dose is not missed or doubled (saving sets a prescriber task due today).',
    when: { kind: 'answers', match: 'all', conditions: [isYes('on-ost')] },
    withAnswers: ['ost-medicine', 'ost-dose-mg', 'ost-last-dose'],
  },
  {
    id: 'inreach-offence',
    urgency: 'action',
    text: 'Murder, manslaughter or a long sentence: refer for a mental health assessment by the in-reach team if necessary (NICE NG57 Table 1).',
    when: { kind: 'answers', match: 'all', conditions: [isYes('serious-offence')] },
  },
  {
    id: 'tb',
    urgency: 'action',
    text: 'Possible tuberculosis: a single cell, a mask when with others, and an urgent GP review under the prison TB protocol.',
    when: { kind: 'answers', match: 'all', conditions: [has('tuberculosis')] },
  },
  {
    id: 'epilepsy',
    urgency: 'action',
    text: 'Epilepsy: continue medicines without a missed dose, a bottom bunk, and tell the wing what to do in a fit.',
    when: { kind: 'answers', match: 'all', conditions: [has('epilepsy')] },
  },
  {
    id: 'sickle-cell',
    urgency: 'action',
    text: 'Sickle cell disease: keep warm and drinking; pain, fever or breathlessness may be a crisis and need hospital care.',
    when: { kind: 'answers', match: 'all', conditions: [has('sickle-cell')] },
  },
  {
    id: 'diabetes',
    urgency: 'action',
    text: 'Diabetes: check blood glucose now and arrange insulin or tablets and food at the right times.',
    when: { kind: 'answers', match: 'all', conditions: [has('diabetes')] },
  },
  {
    id: 'communication',
    urgency: 'action',
    text: 'Learning disability, a neurodevelopmental condition or a brain injury: adapt how you explain things and check understanding (NICE NG57 1.1.3); tell the second-stage assessor.',
    when: { kind: 'answers', match: 'any', conditions: [has('learning-disability'), has('neurodevelopmental'), has('brain-injury')] },
  },
  {
    id: 'head-injury',
    urgency: 'action',
    text: 'Head injury: assess now; a worsening headache, vomiting, blurred or double vision, a fit, confusion or drowsiness means hospital now.',
    when: { kind: 'answers', match: 'any', conditions: HEAD_INJURY },
  },
  {
    id: 'abdominal-or-fracture',
    urgency: 'action',
    text: 'Abdominal injury or possible fracture: examine now; abdominal pain, vomiting blood, a rigid abdomen or a deformed limb need hospital.',
    when: { kind: 'answers', match: 'any', conditions: [chosen('injury-types', 'abdominal'), chosen('injury-types', 'fracture')] },
  },
  {
    id: 'assault-allegation',
    urgency: 'action',
    text: 'Allegation of assault: record each injury on the body map in the person\'s words, and report under the prison and safeguarding procedures.',
    when: { kind: 'answers', match: 'all', conditions: [chosen('injury-types', 'assault-allegation')] },
  },
  {
    id: 'withdrawal-fits',
    urgency: 'action',
    text: 'Previous withdrawal fits or delirium tremens: high risk of complicated withdrawal. CIWA-Ar now and medically assisted withdrawal under the local protocol.',
    when: { kind: 'answers', match: 'all', conditions: [isYes('withdrawal-fits-history')] },
  },
  {
    id: 'sedative-withdrawal',
    urgency: 'action',
    text: 'Benzodiazepines, pregabalin or gabapentin not prescribed: do not stop suddenly without a plan; prescriber review today for a reducing regime.',
    when: { kind: 'answers', match: 'any', conditions: [chosen('drugs-used', 'benzodiazepines'), chosen('drugs-used', 'gabapentinoids')] },
  },
  {
    id: 'pregnancy',
    urgency: 'action',
    text: 'Pregnant, possibly pregnant or recently given birth: refer to the midwife today; continue opioid substitution treatment without a gap.',
    when: { kind: 'answers', match: 'any', conditions: [chosen('pregnancy', 'yes'), chosen('pregnancy', 'possibly'), chosen('pregnancy', 'recent-birth')] },
  },
];

export const RECEPTION_EFFECTS_V2: EffectRule[] = [
  { kind: 'task', id: 'second-stage-assessment', taskKind: SECOND_STAGE_TASK, title: 'Second-stage health assessment (NICE NG57)', dueInDays: 7 },
  {
    kind: 'task',
    id: 'ost-continuity',
    taskKind: OST_CONTINUITY_TASK,
    title: 'Continuity of opioid substitution treatment: confirm the dose and prescribe the next one',
    dueInDays: 0,
    forRole: 'prescriber',
    when: { kind: 'answers', match: 'all', conditions: [isYes('on-ost')] },
    withAnswers: OST_CARRIED,
  },
  {
    kind: 'task',
    id: 'time-critical-medicines',
    taskKind: 'time-critical-medicine',
    title: 'Time-critical medicine: prescribe so the next dose is on time',
    dueInDays: 0,
    forRole: 'prescriber',
    when: { kind: 'answers', match: 'any', conditions: anyChosen('time-critical-medicines', TIME_CRITICAL) },
    withAnswers: ['time-critical-medicines', 'medicines-details'],
  },
  {
    kind: 'task',
    id: 'medicines-reconciliation',
    taskKind: 'medicines-reconciliation',
    title: 'Medicines reconciliation and prescriber review',
    dueInDays: 1,
    forRole: 'prescriber',
    when: { kind: 'answers', match: 'all', conditions: [isYes('has-medicines')] },
    withAnswers: ['medicines-details', 'next-dose-given'],
  },
  {
    kind: 'task',
    id: 'check-per',
    taskKind: 'per-check',
    title: 'Check the Person Escort Record for self-harm and medical warnings',
    dueInDays: 0,
    when: { kind: 'answers', match: 'all', conditions: [isNo('per-checked')] },
  },
  {
    kind: 'referral',
    id: 'refer-inreach-offence',
    toService: 'mental_health_inreach',
    reason: 'Reception screen: murder, manslaughter or a long sentence (NICE NG57 Table 1)',
    when: { kind: 'answers', match: 'all', conditions: [isYes('refer-inreach-for-offence')] },
  },
];

/** The Table 1 conditions other than "None", for tests and reports. */
export const TABLE_1_CONDITIONS = PHYSICAL_CONDITIONS.filter((o) => o.value !== 'none').map((o) => o.value);
