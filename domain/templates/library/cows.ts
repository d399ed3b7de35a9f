// COWS, the Clinical Opiate Withdrawal Scale (Wesson DR, Ling W. J Psychoactive Drugs
// 2003;35(2):253-9): 11 signs, each scored by the published descriptions; total 0-48. Bands: 5-12
// mild, 13-24 moderate, 25-36 moderately severe, more than 36 severe; below 5 is shown as no
// active withdrawal (the form gives no band below 5). Repeated over time and charted.
//
// Codes: none. A COWS score measures withdrawal signs; it does not diagnose opioid dependence
// (75544000 is a clinician's diagnosis), and the SONAR code list has no opioid-withdrawal concept.
import type { Template } from '../template-schema';
import { pts } from './options';

export const cows: Template = {
  id: 'cows',
  version: 1,
  use: { category: 'scale', siteTypes: ['custody', 'prison', 'community'], charted: true },
  title: 'Clinical Opiate Withdrawal Scale (COWS)',
  description:
    'For each item, choose the description that best fits the sign or symptom. Rate only what appears related to opiate withdrawal: ' +
    'a pulse raised by exercise just before the assessment does not add to the score.',
  sections: [
    {
      id: 'signs',
      title: 'Signs and symptoms',
      items: [
        {
          id: 'pulse',
          kind: 'number',
          label: 'Resting pulse rate',
          help: 'Measured after the patient has been sitting or lying for one minute. 80 or below scores 0; 81-100 scores 1; 101-120 scores 2; above 120 scores 4.',
          unit: 'beats/min',
          integer: true,
          // Limits catch a mistyped value; they are wide so that a real extreme can be recorded.
          min: 20,
          max: 250,
          required: true,
        },
        {
          id: 'sweating',
          kind: 'scored',
          label: 'Sweating',
          help: 'Over the past half hour, not accounted for by room temperature or activity.',
          required: true,
          options: [
            pts(0, 'No report of chills or flushing'),
            pts(1, 'Subjective report of chills or flushing'),
            pts(2, 'Flushed or observable moistness on face'),
            pts(3, 'Beads of sweat on brow or face'),
            pts(4, 'Sweat streaming off face'),
          ],
        },
        {
          id: 'restlessness',
          kind: 'scored',
          label: 'Restlessness',
          help: 'Observed during the assessment.',
          required: true,
          options: [
            pts(0, 'Able to sit still'),
            pts(1, 'Reports difficulty sitting still, but is able to do so'),
            pts(3, 'Frequent shifting or extraneous movements of legs or arms'),
            pts(5, 'Unable to sit still for more than a few seconds'),
          ],
        },
        {
          id: 'pupil-size',
          kind: 'scored',
          label: 'Pupil size',
          required: true,
          options: [
            pts(0, 'Pupils pinned or normal size for room light'),
            pts(1, 'Pupils possibly larger than normal for room light'),
            pts(2, 'Pupils moderately dilated'),
            pts(5, 'Pupils so dilated that only the rim of the iris is visible'),
          ],
        },
        {
          id: 'bone-joint-aches',
          kind: 'scored',
          label: 'Bone or joint aches',
          help: 'If the patient was in pain before, score only the additional part attributed to opiate withdrawal.',
          required: true,
          options: [
            pts(0, 'Not present'),
            pts(1, 'Mild diffuse discomfort'),
            pts(2, 'Reports severe diffuse aching of joints or muscles'),
            pts(4, 'Rubbing joints or muscles and unable to sit still because of discomfort'),
          ],
        },
        {
          id: 'runny-nose-tearing',
          kind: 'scored',
          label: 'Runny nose or tearing',
          help: 'Not accounted for by cold symptoms or allergies.',
          required: true,
          options: [
            pts(0, 'Not present'),
            pts(1, 'Nasal stuffiness or unusually moist eyes'),
            pts(2, 'Nose running or tearing'),
            pts(4, 'Nose constantly running or tears streaming down cheeks'),
          ],
        },
        {
          id: 'gi-upset',
          kind: 'scored',
          label: 'GI upset',
          help: 'Over the last half hour.',
          required: true,
          options: [
            pts(0, 'No GI symptoms'),
            pts(1, 'Stomach cramps'),
            pts(2, 'Nausea or loose stool'),
            pts(3, 'Vomiting or diarrhoea'),
            pts(5, 'Multiple episodes of diarrhoea or vomiting'),
          ],
        },
        {
          id: 'tremor',
          kind: 'scored',
          label: 'Tremor',
          help: 'Observation of outstretched hands.',
          required: true,
          options: [
            pts(0, 'No tremor'),
            pts(1, 'Tremor can be felt, but not observed'),
            pts(2, 'Slight tremor observable'),
            pts(4, 'Gross tremor or muscle twitching'),
          ],
        },
        {
          id: 'yawning',
          kind: 'scored',
          label: 'Yawning',
          help: 'Observed during the assessment.',
          required: true,
          options: [
            pts(0, 'No yawning'),
            pts(1, 'Yawning once or twice during the assessment'),
            pts(2, 'Yawning three or more times during the assessment'),
            pts(4, 'Yawning several times a minute'),
          ],
        },
        {
          id: 'anxiety-irritability',
          kind: 'scored',
          label: 'Anxiety or irritability',
          required: true,
          options: [
            pts(0, 'None'),
            pts(1, 'Reports increasing irritability or anxiousness'),
            pts(2, 'Obviously irritable or anxious'),
            pts(4, 'So irritable or anxious that taking part in the assessment is difficult'),
          ],
        },
        {
          id: 'gooseflesh',
          kind: 'scored',
          label: 'Gooseflesh skin',
          required: true,
          options: [
            pts(0, 'Skin is smooth'),
            pts(3, 'Piloerection of skin can be felt or hairs standing up on arms'),
            pts(5, 'Prominent piloerection'),
          ],
        },
      ],
    },
  ],
  scores: [
    {
      id: 'cows-total',
      label: 'COWS total',
      items: ['pulse', 'sweating', 'restlessness', 'pupil-size', 'bone-joint-aches', 'runny-nose-tearing', 'gi-upset', 'tremor', 'yawning', 'anxiety-irritability', 'gooseflesh'],
      numberBands: {
        pulse: [
          { max: 80, points: 0 },
          { min: 81, max: 100, points: 1 },
          { min: 101, max: 120, points: 2 },
          { min: 121, points: 4 },
        ],
      },
      max: 48,
      bands: [
        { min: 0, max: 4, label: 'No active withdrawal', severity: 'none' },
        { min: 5, max: 12, label: 'Mild withdrawal', severity: 'low' },
        { min: 13, max: 24, label: 'Moderate withdrawal', severity: 'moderate' },
        { min: 25, max: 36, label: 'Moderately severe withdrawal', severity: 'high' },
        { min: 37, max: 48, label: 'Severe withdrawal', severity: 'severe' },
      ],
    },
  ],
  flags: [
    {
      id: 'opiate-withdrawal',
      code: 'OPIATE_WITHDRAWAL',
      severity: 'high',
      label: 'Opiate withdrawal',
      reason: 'COWS 5 or more: signs of opiate withdrawal. Review with the prescriber and repeat COWS to follow the trend.',
      when: { kind: 'scoreBand', score: 'cows-total', bands: ['Mild withdrawal', 'Moderate withdrawal', 'Moderately severe withdrawal', 'Severe withdrawal'] },
    },
  ],
  codes: [],
};
