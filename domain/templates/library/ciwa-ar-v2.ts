// CIWA-Ar version 2. The ten scored items, their scores, the total and the bands are version 1's
// (Sullivan JT et al. Br J Addict 1989;84:1353-7). Added from the published form and its use:
// - pulse (taken for one minute) and blood pressure, recorded on the form and not scored;
// - the scale rests on the patient's answers: it is not valid for someone who cannot communicate
//   (delirium, severe intoxication, a head injury, no interpreter), who needs a medical review;
// - previous withdrawal fits or delirium tremens mean a high risk of complicated withdrawal
//   whatever today's score (NICE CG100, alcohol-use disorders: physical complications, 1.1.1.1):
//   WITHDRAWAL_SEIZURE_RISK is raised on that answer alone.
// It completes the alcohol withdrawal assessment task that AUDIT question 6 (morning drinking)
// creates.
import type { Item, Template } from '../template-schema';
import { ALCOHOL_WITHDRAWAL_ASSESSMENT_TASK } from './audit-v2';
import { ciwaAr } from './ciwa-ar';
import { WITHDRAWAL_SEIZURE_RISK_FLAG } from './shared-flags';

const BEFORE: Item[] = [
  {
    id: 'communication-note',
    kind: 'info',
    label:
      'CIWA-Ar relies on what the patient tells you. Do not use it for someone who cannot communicate (delirium, severe intoxication, a head injury, ' +
      'no interpreter): get a medical review instead, as a low score would mislead.',
    required: false,
  },
  {
    id: 'previous-withdrawal-fits',
    kind: 'yesNo',
    label: 'Has the patient ever had a withdrawal fit (seizure) or delirium tremens?',
    help: 'A history of either means a high risk of complicated withdrawal, whatever the score today.',
    required: true,
  },
];

const OBSERVATIONS: Item[] = [
  { id: 'pulse', kind: 'number', label: 'Pulse or heart rate, taken for one minute', unit: 'beats/min', integer: true, min: 20, max: 250, required: true },
  { id: 'bp-systolic', kind: 'number', label: 'Blood pressure: systolic', unit: 'mmHg', integer: true, min: 40, max: 300, required: true },
  { id: 'bp-diastolic', kind: 'number', label: 'Blood pressure: diastolic', unit: 'mmHg', integer: true, min: 20, max: 200, required: true },
];

export const ciwaArV2: Template = {
  ...ciwaAr,
  version: 2,
  use: { ...ciwaAr.use!, completesTask: ALCOHOL_WITHDRAWAL_ASSESSMENT_TASK },
  sections: [
    { id: 'before-scoring', title: 'Before scoring', items: BEFORE },
    { id: 'observations', title: 'Observations (not scored)', items: OBSERVATIONS },
    ...ciwaAr.sections,
  ],
  flags: [
    ...ciwaAr.flags.map((f) => ({
      ...f,
      partnerAdvice: 'Alcohol withdrawal: check on the person as directed; if they are confused, seeing things, very shaky or fitting, call an ambulance and the healthcare professional.',
    })),
    { ...WITHDRAWAL_SEIZURE_RISK_FLAG, when: { kind: 'answers', match: 'all', conditions: [{ item: 'previous-withdrawal-fits', op: 'equals', value: true }] } },
  ],
  advice: [
    {
      id: 'severe-withdrawal',
      urgency: 'emergency',
      text: 'Severe withdrawal (CIWA-Ar 15 or more): medical review now; delirium tremens and withdrawal fits need hospital care.',
      when: { kind: 'scoreBand', score: 'ciwa-ar-total', bands: ['Severe withdrawal'] },
    },
    {
      id: 'previous-fits',
      urgency: 'action',
      text: 'Previous withdrawal fits or delirium tremens: treat as high risk whatever the score; start medically assisted withdrawal under the local protocol and keep under close observation.',
      when: { kind: 'answers', match: 'all', conditions: [{ item: 'previous-withdrawal-fits', op: 'equals', value: true }] },
    },
  ],
};
