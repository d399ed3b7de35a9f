// The second-stage health assessment in prison (NICE NG57, November 2016, recommendations on the
// second-stage assessment; NICE QS156 statement 2: within 7 days of reception). Saving it
// completes the open 'second-stage-assessment' task that the reception screen set
// (use.completesTask; tasks.ts chooses the task, the saving service closes it).
//
// The topics are NG57's for the second stage: a review of the first stage, physical health and
// long-term conditions with measurements, medicines reconciled, infectious diseases (blood-borne
// virus testing, hepatitis B vaccination, TB symptoms), substance misuse, mental health,
// learning disability, neurodevelopmental conditions and acquired brain injury, social care needs
// and disability, smoking, and a care plan. Needs found refer on by data rules (effects).
import type { Item, Template } from '../template-schema';
import { PHYSICAL_CONDITIONS } from './reception-items-v2';
import { SECOND_STAGE_TASK } from './reception-rules-v2';
import { chosen, isYes, NONE, whenAnyChosen, whenYes } from './screening-options';

const REVIEW: Item[] = [
  { id: 'first-stage-reviewed', kind: 'yesNo', label: 'Have the first-stage screen, the Person Escort Record and any tasks it set been reviewed?', required: true },
  {
    id: 'gp-record',
    kind: 'choice',
    label: 'Community GP record',
    required: true,
    options: [
      { value: 'obtained', label: 'Obtained (or the Summary Care Record viewed)' },
      { value: 'requested', label: 'Requested' },
      { value: 'not-registered', label: 'Not registered with a GP' },
    ],
  },
];

const PHYSICAL: Item[] = [
  { id: 'long-term-conditions', kind: 'multiChoice', label: 'Long-term and other health conditions', required: true, options: PHYSICAL_CONDITIONS },
  { id: 'conditions-plan', kind: 'text', label: 'Conditions: current treatment and what is needed', multiline: true, required: true, enableWhen: whenAnyChosen('long-term-conditions', PHYSICAL_CONDITIONS) },
  { id: 'height', kind: 'number', label: 'Height', unit: 'cm', integer: true, min: 100, max: 230, required: true },
  { id: 'weight', kind: 'number', label: 'Weight', unit: 'kg', min: 25, max: 300, required: true },
  { id: 'bp-systolic', kind: 'number', label: 'Blood pressure: systolic', unit: 'mmHg', integer: true, min: 40, max: 300, required: true },
  { id: 'bp-diastolic', kind: 'number', label: 'Blood pressure: diastolic', unit: 'mmHg', integer: true, min: 20, max: 200, required: true },
  { id: 'pulse', kind: 'number', label: 'Pulse', unit: 'beats/min', integer: true, min: 20, max: 250, required: true },
];

const MEDICINES: Item[] = [
  {
    id: 'medicines-reconciled',
    kind: 'choice',
    label: 'Medicines reconciliation',
    required: true,
    options: [
      { value: 'reconciled', label: 'Reconciled against the GP record or community pharmacy' },
      { value: 'not-yet', label: 'Not yet reconciled' },
      { value: 'no-medicines', label: 'Takes no medicines' },
    ],
  },
];

const INFECTIONS: Item[] = [
  {
    id: 'bbv-testing',
    kind: 'choice',
    label: 'Blood-borne virus testing (HIV, hepatitis B and C)',
    help: 'Offer on an opt-out basis.',
    required: true,
    options: [
      { value: 'accepted', label: 'Offered and accepted' },
      { value: 'declined', label: 'Offered and declined' },
      { value: 'tested-recently', label: 'Tested in the last 12 months' },
      { value: 'known', label: 'Known infection, under care' },
    ],
  },
  {
    id: 'hepatitis-b-vaccination',
    kind: 'choice',
    label: 'Hepatitis B vaccination',
    required: true,
    options: [
      { value: 'complete', label: 'Course complete' },
      { value: 'started', label: 'Started or continued now' },
      { value: 'declined', label: 'Declined' },
      { value: 'not-needed', label: 'Not needed (immune or infected)' },
    ],
  },
  { id: 'tb-symptoms', kind: 'yesNo', label: 'Cough for 3 weeks or more, fever, night sweats or weight loss?', required: true },
];

const NEEDS: Item[] = [
  { id: 'substance-treatment-need', kind: 'yesNo', label: 'Alcohol or drug use that needs assessment or treatment by the substance misuse service?', required: true },
  { id: 'mental-health-need', kind: 'yesNo', label: 'A mental health need for assessment by the mental health in-reach team?', required: true },
  {
    id: 'neuro-needs',
    kind: 'multiChoice',
    label: 'Learning disability, neurodevelopmental condition or acquired brain injury',
    required: true,
    options: [
      { value: NONE, label: 'None identified' },
      { value: 'learning-disability', label: 'Learning disability' },
      { value: 'neurodevelopmental', label: 'Autism, ADHD or another neurodevelopmental condition' },
      { value: 'brain-injury', label: 'Acquired brain injury' },
    ],
  },
  {
    id: 'reasonable-adjustments',
    kind: 'text',
    label: 'Reasonable adjustments and communication needs',
    multiline: true,
    required: true,
    enableWhen: { match: 'any', conditions: [chosen('neuro-needs', 'learning-disability'), chosen('neuro-needs', 'neurodevelopmental'), chosen('neuro-needs', 'brain-injury')] },
  },
  {
    id: 'social-care-need',
    kind: 'yesNo',
    label: 'Needs help with personal care, moving about, seeing or hearing (a social care need)?',
    help: 'The local authority assesses care and support needs in prison (Care Act 2014).',
    required: true,
  },
  { id: 'social-care-details', kind: 'text', label: 'Social care needs: details', multiline: true, required: true, enableWhen: whenYes('social-care-need') },
  {
    id: 'smoking',
    kind: 'choice',
    label: 'Smoking or vaping',
    required: true,
    options: [
      { value: 'smokes', label: 'Smokes or vapes: stop smoking support offered' },
      { value: 'ex', label: 'Ex-smoker' },
      { value: 'never', label: 'Never smoked' },
    ],
  },
];

const PLAN: Item[] = [{ id: 'care-plan', kind: 'text', label: 'Care plan: needs found and what has been arranged', multiline: true, required: true }];

export const prisonSecondStageAssessment: Template = {
  id: 'prison-second-stage-assessment',
  version: 1,
  use: { category: 'assessment', siteTypes: ['prison'], completesTask: SECOND_STAGE_TASK },
  title: 'Second-stage health assessment (NICE NG57)',
  description: 'Within 7 days of reception. Saving completes the open second-stage assessment task and makes the referrals the answers call for.',
  sections: [
    { id: 'review', title: 'Review of the first stage', items: REVIEW },
    { id: 'physical-health', title: 'Physical health', items: PHYSICAL },
    { id: 'medicines', title: 'Medicines', items: MEDICINES },
    { id: 'infections', title: 'Infectious diseases and vaccination', items: INFECTIONS },
    { id: 'needs', title: 'Substance use, mental health, disability and social care', items: NEEDS },
    { id: 'plan', title: 'Care plan', items: PLAN },
  ],
  scores: [],
  flags: [],
  codes: [],
  advice: [
    {
      id: 'tb',
      urgency: 'action',
      text: 'Possible tuberculosis: a single cell, a mask when with others, and a chest X-ray and GP review under the prison TB protocol.',
      when: { kind: 'answers', match: 'all', conditions: [isYes('tb-symptoms')] },
    },
    {
      id: 'reconcile',
      urgency: 'action',
      text: 'Medicines not yet reconciled: saving sets a prescriber task to reconcile them against the GP record.',
      when: { kind: 'answers', match: 'all', conditions: [chosen('medicines-reconciled', 'not-yet')] },
    },
    {
      id: 'social-care',
      urgency: 'action',
      text: 'Refer to the local authority for a care and support needs assessment.',
      when: { kind: 'answers', match: 'all', conditions: [isYes('social-care-need')] },
    },
  ],
  effects: [
    {
      kind: 'task',
      id: 'medicines-reconciliation',
      taskKind: 'medicines-reconciliation',
      title: 'Medicines reconciliation against the GP record',
      dueInDays: 1,
      forRole: 'prescriber',
      when: { kind: 'answers', match: 'all', conditions: [chosen('medicines-reconciled', 'not-yet')] },
    },
    {
      kind: 'task',
      id: 'tb-review',
      taskKind: 'tb-review',
      title: 'Possible tuberculosis: GP review and chest X-ray',
      dueInDays: 1,
      when: { kind: 'answers', match: 'all', conditions: [isYes('tb-symptoms')] },
    },
    {
      kind: 'referral',
      id: 'refer-substance-misuse',
      toService: 'substance_misuse',
      reason: 'Second-stage health assessment: alcohol or drug treatment need',
      when: { kind: 'answers', match: 'all', conditions: [isYes('substance-treatment-need')] },
    },
    {
      kind: 'referral',
      id: 'refer-mental-health-inreach',
      toService: 'mental_health_inreach',
      reason: 'Second-stage health assessment: mental health need',
      when: { kind: 'answers', match: 'all', conditions: [isYes('mental-health-need')] },
    },
  ],
};
