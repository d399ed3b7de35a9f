// The custody healthcare professional's assessment of a detainee in a police custody suite (nurse
// or paramedic). Its findings go to the custody officer verbally and in writing (use.handover), so
// the fitness, observation and rousing answers and the directions are all required.
//
// PACE Code C (paragraph 9.3 and Annex H): every detainee is visited at least hourly; anyone who
// may be intoxicated, may have swallowed drugs, or whose level of consciousness causes concern is
// visited and roused at least every 30 minutes. Observation levels 1-4 are those of the College of
// Policing Authorised Professional Practice (APP) on detention and custody.
//
// Choices made here (clinical safety):
// - "May have swallowed drugs" and "concern about consciousness" are asked of every detainee, not
//   only one who seems intoxicated: a packer or stuffer may not be intoxicated yet, and both are
//   PACE rousing criteria in their own right.
// - The engine has no cross-item validation, so rousing less often than every 30 minutes for a
//   detainee who meets a PACE rousing criterion cannot be refused; it raises the severe flag
//   ROUSING_BELOW_PACE_MINIMUM instead. A trigger is one all/any group, so "(intoxicated OR
//   swallowed OR consciousness) AND rousing below 30 minutes" is three rules with one code; the
//   record keeps one active flag per code.
// - No codes: nothing here is a clinical statement SONAR can code from the code list.
import type { Condition, Template } from '../template-schema';
import { chosen, isYes, MENTAL_HEALTH_SYMPTOMS, SUBSTANCES, SUBSTANCES_USED, whenAnyChosen, whenYes } from './screening-options';

/** Rousing set less often than every 30 minutes (answered "not required" or "every 60 minutes"). */
const ROUSING_BELOW_30: Condition[] = [
  { item: 'rousing', op: 'notEquals', value: '30' },
  { item: 'rousing', op: 'notEquals', value: '15' },
];

const PACE_ROUSING =
  'PACE Code C (paragraph 9.3 and Annex H): anyone who may be intoxicated, may have swallowed drugs or whose level of consciousness ' +
  'causes concern must be visited and roused at least every 30 minutes. A detainee who cannot be roused is a medical emergency: call an ambulance.';

export const custodyHcpAssessment: Template = {
  id: 'custody-hcp-assessment',
  version: 1,
  use: { category: 'assessment', siteTypes: ['custody'], handover: true },
  title: 'Custody healthcare assessment',
  description:
    'Assessment of a detainee by the custody healthcare professional. Give the findings and directions to the custody officer ' +
    'verbally and in writing, and record that they were handed over.',
  sections: [
    {
      id: 'presenting-needs',
      title: 'Presenting needs',
      items: [
        { id: 'reason-for-assessment', kind: 'text', label: 'Reason for assessment', help: 'Who asked for the assessment and why.', required: true },
        { id: 'presenting-complaint', kind: 'text', label: 'Presenting complaint', multiline: true, required: false },
      ],
    },
    {
      id: 'intoxication',
      title: 'Intoxication and consciousness',
      items: [
        { id: 'intoxicated', kind: 'yesNo', label: 'Is the detainee intoxicated, or may they be?', help: PACE_ROUSING, required: true },
        {
          id: 'intoxicants',
          kind: 'multiChoice',
          label: 'Substances thought to be involved',
          required: true,
          enableWhen: whenYes('intoxicated'),
          options: [...SUBSTANCES_USED, { value: 'not-known', label: 'Not known' }],
        },
        {
          id: 'intoxication-level',
          kind: 'choice',
          label: 'Level of intoxication',
          help: 'A detainee who is hard to rouse, or whose consciousness is falling, is not fit to detain: arrange transfer to hospital.',
          required: true,
          enableWhen: whenYes('intoxicated'),
          options: [
            { value: 'mild', label: 'Mild: alert and coherent, with some signs of intoxication' },
            { value: 'moderate', label: 'Moderate: slurred speech or unsteady, but responds normally' },
            { value: 'severe', label: 'Severe: drowsy, confused or unable to stand unaided' },
          ],
        },
        {
          id: 'may-have-swallowed-drugs',
          kind: 'yesNo',
          label: 'May the detainee have swallowed or concealed drugs?',
          help: 'Ask every detainee, intoxicated or not. Packages can leak or burst hours later. Follow local guidance on suspected drug swallowing and consider transfer to hospital.',
          required: true,
        },
        { id: 'consciousness-concern', kind: 'yesNo', label: "Is there any concern about the detainee's level of consciousness?", help: PACE_ROUSING, required: true },
      ],
    },
    {
      id: 'injuries',
      title: 'Injuries',
      items: [
        { id: 'has-injuries', kind: 'yesNo', label: 'Does the detainee have any injuries?', required: true },
        { id: 'injury-description', kind: 'text', label: 'Describe the injuries', help: 'Site, size and appearance of each injury.', multiline: true, required: true, enableWhen: whenYes('has-injuries') },
        {
          id: 'head-injury',
          kind: 'yesNo',
          label: 'Is there a head injury?',
          help: 'Including a reported blow to the head. Assess against NICE head injury guidance; signs of a worsening head injury need hospital care.',
          required: true,
          enableWhen: whenYes('has-injuries'),
        },
      ],
    },
    {
      id: 'medication',
      title: 'Medication',
      items: [
        { id: 'takes-medication', kind: 'yesNo', label: 'Does the detainee currently take any medication?', required: true },
        {
          id: 'medication-list',
          kind: 'text',
          label: 'Medication taken',
          help: 'Name, dose, how often and when last taken; say whether it has been verified (GP record, pharmacy, packaging).',
          multiline: true,
          required: true,
          enableWhen: whenYes('takes-medication'),
        },
        {
          id: 'medication-needed-in-custody',
          kind: 'yesNo',
          label: 'Is medication needed while detained?',
          help: 'Give what is to be given and when in the directions to custody staff.',
          required: true,
        },
      ],
    },
    {
      id: 'mental-health',
      title: 'Mental health',
      items: [
        { id: 'known-mental-health-condition', kind: 'yesNo', label: 'Does the detainee have a known mental health condition?', required: true },
        { id: 'mental-health-details', kind: 'text', label: 'Mental health condition: details', multiline: true, required: true, enableWhen: whenYes('known-mental-health-condition') },
        { id: 'mental-health-symptoms', kind: 'multiChoice', label: 'Current mental health symptoms', required: true, options: MENTAL_HEALTH_SYMPTOMS },
        { id: 'under-mental-health-services', kind: 'yesNo', label: 'Is the detainee currently under mental health services?', required: true },
      ],
    },
    {
      id: 'self-harm',
      title: 'Self-harm and suicide',
      items: [
        { id: 'current-self-harm-thoughts', kind: 'yesNo', label: 'Does the detainee have current thoughts of self-harm or suicide?', required: true },
        { id: 'previous-self-harm', kind: 'yesNo', label: 'Has the detainee ever self-harmed or attempted suicide?', required: true },
        {
          id: 'self-harm-last-12-months',
          kind: 'yesNo',
          label: 'Self-harm or a suicide attempt in the last 12 months?',
          required: true,
          enableWhen: whenYes('previous-self-harm'),
        },
        { id: 'protective-factors', kind: 'text', label: 'Protective factors', help: 'For example family, children, plans for the future, engagement with services.', multiline: true, required: false },
      ],
    },
    {
      id: 'substance-use',
      title: 'Substance use and withdrawal',
      items: [
        { id: 'substances-used', kind: 'multiChoice', label: 'Substances used in the last month', required: true, options: SUBSTANCES },
        {
          id: 'last-use',
          kind: 'dateTime',
          label: 'Last use of any of these',
          help: 'Date and time of the most recent use; withdrawal is timed from it.',
          required: true,
          enableWhen: whenAnyChosen('substances-used', SUBSTANCES),
        },
        { id: 'withdrawal-signs', kind: 'yesNo', label: 'Are there signs of withdrawal?', required: true, enableWhen: whenAnyChosen('substances-used', SUBSTANCES) },
        {
          id: 'withdrawal-monitoring',
          kind: 'info',
          label: 'Monitor withdrawal: record COWS for opiate withdrawal or CIWA-Ar for alcohol withdrawal, and repeat it to follow the trend.',
          required: false,
          enableWhen: whenYes('withdrawal-signs'),
        },
      ],
    },
    {
      id: 'fitness',
      title: 'Fitness',
      items: [
        {
          id: 'fit-to-detain',
          kind: 'choice',
          label: 'Fit to detain',
          required: true,
          options: [
            { value: 'fit', label: 'Fit to detain' },
            { value: 'fit-with-conditions', label: 'Fit to detain with conditions' },
            { value: 'not-fit-hospital', label: 'Not fit to detain: transfer to hospital' },
          ],
        },
        {
          id: 'detention-conditions',
          kind: 'text',
          label: 'Conditions of detention',
          help: 'What custody staff must do for the detainee to remain fit to detain, and when to call the healthcare professional back.',
          multiline: true,
          required: true,
          enableWhen: { match: 'all', conditions: [chosen('fit-to-detain', 'fit-with-conditions')] },
        },
        {
          id: 'not-fit-handover',
          kind: 'info',
          label: 'Tell the custody officer now, verbally and in writing, that the detainee is not fit to detain and must be transferred to hospital.',
          required: false,
          enableWhen: { match: 'all', conditions: [chosen('fit-to-detain', 'not-fit-hospital')] },
        },
        {
          id: 'fit-for-interview',
          kind: 'choice',
          label: 'Fit to be interviewed',
          help: 'PACE Code C Annex G: whether the interview could cause significant harm to the detainee, or anything they say could be unreliable.',
          required: true,
          enableWhen: { match: 'all', conditions: [{ item: 'fit-to-detain', op: 'notEquals', value: 'not-fit-hospital' }] },
          options: [
            { value: 'fit', label: 'Fit to be interviewed' },
            { value: 'fit-with-appropriate-adult', label: 'Fit to be interviewed with an appropriate adult' },
            { value: 'not-fit', label: 'Not fit to be interviewed' },
          ],
        },
      ],
    },
    {
      id: 'observation',
      title: 'Observation and rousing',
      items: [
        {
          id: 'observation-level',
          kind: 'choice',
          label: 'Observation level',
          help: 'Levels from the College of Policing APP on detention and custody. PACE Code C paragraph 9.3: every detainee is visited at least every hour.',
          required: true,
          options: [
            { value: '1', label: 'Level 1, general observation: visited in the cell at least every hour (the minimum for every detainee)' },
            { value: '2', label: 'Level 2, intermittent observation: visited and roused at least every 30 minutes' },
            { value: '3', label: 'Level 3, constant observation: watched at all times, in person or by CCTV, with physical visits and rousing' },
            { value: '4', label: 'Level 4, close proximity: physically supervised in close proximity at all times' },
          ],
        },
        {
          id: 'rousing',
          kind: 'choice',
          label: 'Rousing frequency',
          help: `${PACE_ROUSING} Rousing means a response to questions and commands, not just movement.`,
          required: true,
          options: [
            { value: 'not-required', label: 'Rousing not required' },
            { value: '60', label: 'Rouse every 60 minutes' },
            { value: '30', label: 'Rouse every 30 minutes' },
            { value: '15', label: 'Rouse every 15 minutes' },
          ],
        },
      ],
    },
    {
      id: 'directions',
      title: 'Directions to custody staff',
      items: [
        {
          id: 'directions',
          kind: 'text',
          label: 'Directions to custody staff',
          help: 'What to check and how often, medication to give and when, what to do if the detainee deteriorates, and when to call the healthcare professional back.',
          multiline: true,
          required: true,
        },
      ],
    },
  ],
  scores: [],
  flags: [
    {
      id: 'not-fit-to-detain',
      code: 'NOT_FIT_TO_DETAIN',
      partnerAdvice: 'Not fit to be detained: arrange transfer to hospital now, as directed by the healthcare professional.',
      severity: 'severe',
      label: 'Not fit to detain: transfer to hospital',
      reason: 'The healthcare professional assessed the detainee as not fit to detain: transfer to hospital. Tell the custody officer verbally and in writing.',
      when: { kind: 'answers', match: 'all', conditions: [chosen('fit-to-detain', 'not-fit-hospital')] },
    },
    {
      id: 'possible-drug-swallowing',
      code: 'POSSIBLE_DRUG_SWALLOWING',
      partnerAdvice: 'May have swallowed drugs: rouse and check at least every 30 minutes; if unrousable or unwell, call an ambulance and the healthcare professional.',
      severity: 'severe',
      label: 'May have swallowed drugs',
      reason: 'The detainee may have swallowed or concealed drugs. PACE Code C: rouse at least every 30 minutes; consider transfer to hospital.',
      when: { kind: 'answers', match: 'all', conditions: [isYes('may-have-swallowed-drugs')] },
    },
    {
      id: 'rousing-below-pace-intoxicated',
      code: 'ROUSING_BELOW_PACE_MINIMUM',
      partnerAdvice: 'Rouse and check at least every 30 minutes (PACE Code C); speak to the healthcare professional now.',
      severity: 'severe',
      label: 'Rousing below the PACE Code C minimum',
      reason: 'The detainee may be intoxicated, but rousing is set less often than every 30 minutes. PACE Code C requires rousing at least every 30 minutes.',
      when: { kind: 'answers', match: 'all', conditions: [isYes('intoxicated'), ...ROUSING_BELOW_30] },
    },
    {
      id: 'rousing-below-pace-swallowed',
      code: 'ROUSING_BELOW_PACE_MINIMUM',
      partnerAdvice: 'Rouse and check at least every 30 minutes (PACE Code C); speak to the healthcare professional now.',
      severity: 'severe',
      label: 'Rousing below the PACE Code C minimum',
      reason: 'The detainee may have swallowed drugs, but rousing is set less often than every 30 minutes. PACE Code C requires rousing at least every 30 minutes.',
      when: { kind: 'answers', match: 'all', conditions: [isYes('may-have-swallowed-drugs'), ...ROUSING_BELOW_30] },
    },
    {
      id: 'rousing-below-pace-consciousness',
      code: 'ROUSING_BELOW_PACE_MINIMUM',
      partnerAdvice: 'Rouse and check at least every 30 minutes (PACE Code C); speak to the healthcare professional now.',
      severity: 'severe',
      label: 'Rousing below the PACE Code C minimum',
      reason:
        "There is concern about the detainee's level of consciousness, but rousing is set less often than every 30 minutes. PACE Code C requires rousing at least every 30 minutes.",
      when: { kind: 'answers', match: 'all', conditions: [isYes('consciousness-concern'), ...ROUSING_BELOW_30] },
    },
    {
      id: 'self-harm-risk',
      code: 'SELF_HARM_RISK',
      partnerAdvice: 'Risk of self-harm: follow the observation level set; remove ligature risks; tell the healthcare professional of any change.',
      severity: 'high',
      label: 'Self-harm risk',
      reason: 'Detainee reports current thoughts of self-harm or suicide, or self-harm or a suicide attempt in the last 12 months.',
      when: { kind: 'answers', match: 'any', conditions: [isYes('current-self-harm-thoughts'), isYes('self-harm-last-12-months')] },
    },
    {
      id: 'head-injury',
      code: 'HEAD_INJURY',
      partnerAdvice: 'Head injury: rouse and check as directed; if drowsy, confused, vomiting or unrousable, call an ambulance.',
      severity: 'high',
      label: 'Head injury',
      reason: 'The detainee has a head injury. Watch for drowsiness, confusion, vomiting or worsening headache and call the healthcare professional at once.',
      when: { kind: 'answers', match: 'all', conditions: [isYes('head-injury')] },
    },
    {
      id: 'heightened-observation',
      code: 'HEIGHTENED_OBSERVATION',
      partnerAdvice: 'Constant or close-proximity observation as directed by the healthcare professional.',
      severity: 'high',
      label: 'Heightened observation',
      reason: 'The healthcare professional set observation level 3 (constant observation) or 4 (close proximity).',
      when: { kind: 'answers', match: 'any', conditions: [chosen('observation-level', '3'), chosen('observation-level', '4')] },
    },
    {
      id: 'rouse-30-minutes',
      code: 'ROUSE_30_MINUTES',
      partnerAdvice: 'Rouse and check at least every 30 minutes; if unrousable, call an ambulance and the healthcare professional.',
      severity: 'high',
      label: 'Rouse at least every 30 minutes',
      reason: 'The healthcare professional directed rousing every 30 minutes or every 15 minutes.',
      when: { kind: 'answers', match: 'any', conditions: [chosen('rousing', '30'), chosen('rousing', '15')] },
    },
  ],
  codes: [],
};
