// CIWA-Ar, the revised Clinical Institute Withdrawal Assessment for Alcohol (Sullivan JT et al.
// Br J Addict 1989;84:1353-7): nine items scored 0-7 and orientation 0-4, total 0-67. On the
// published form items 1-5 describe only 0, 1, 4 and 7; 2, 3, 5 and 6 are in-between scores with
// no words of their own, labelled here by where they sit.
//
// Bands are CONFIGURABLE (docs/clinical-content.md): published cut-offs and local protocols differ. The default
// is below; a site that uses others publishes them as a new template version (bands are data, and
// responses keep the version, so earlier scores keep their band).
//
// Codes: none. CIWA-Ar measures the severity of withdrawal once a clinician judges it present;
// the score does not diagnose alcohol withdrawal syndrome (191480000), which the clinician records.
import type { ScoreBand, Template } from '../template-schema';
import { pts, type ScoredOption } from './options';

export const CIWA_AR_DEFAULT_BANDS: ScoreBand[] = [
  { min: 0, max: 7, label: 'Minimal withdrawal', severity: 'low' },
  { min: 8, max: 14, label: 'Moderate withdrawal', severity: 'moderate' },
  { min: 15, max: 67, label: 'Severe withdrawal', severity: 'severe' },
];

/** Items 1-5: the published words for 0, 1, 4 and 7, and the scores in between. */
function anchored(zero: string, one: string, four: string, seven: string): ScoredOption[] {
  return [
    pts(0, zero),
    pts(1, one),
    pts(2, '2 (between 1 and 4)'),
    pts(3, '3 (between 1 and 4)'),
    pts(4, four),
    pts(5, '5 (between 4 and 7)'),
    pts(6, '6 (between 4 and 7)'),
    pts(7, seven),
  ];
}

/** Items 6-8: the same scale of hallucinations from 4 upwards. */
function disturbance(zero: string, one: string, two: string, three: string): ScoredOption[] {
  return [
    pts(0, zero),
    pts(1, one),
    pts(2, two),
    pts(3, three),
    pts(4, 'Moderately severe hallucinations'),
    pts(5, 'Severe hallucinations'),
    pts(6, 'Extremely severe hallucinations'),
    pts(7, 'Continuous hallucinations'),
  ];
}

const ITEMS = [
  'nausea-vomiting',
  'tremor',
  'paroxysmal-sweats',
  'anxiety',
  'agitation',
  'tactile',
  'auditory',
  'visual',
  'headache',
  'orientation',
];

export const ciwaAr: Template = {
  id: 'ciwa-ar',
  version: 1,
  use: { category: 'scale', siteTypes: ['custody', 'prison', 'community'], charted: true },
  title: 'Clinical Institute Withdrawal Assessment for Alcohol, revised (CIWA-Ar)',
  description: 'Ask the questions as written and observe. Score each item for what you find now.',
  sections: [
    {
      id: 'assessment',
      title: 'Assessment',
      items: [
        {
          id: 'nausea-vomiting',
          kind: 'scored',
          label: 'Nausea and vomiting',
          help: 'Ask "Do you feel sick to your stomach? Have you vomited?" Observe.',
          required: true,
          options: anchored('No nausea and no vomiting', 'Mild nausea with no vomiting', 'Intermittent nausea with dry heaves', 'Constant nausea, frequent dry heaves and vomiting'),
        },
        {
          id: 'tremor',
          kind: 'scored',
          label: 'Tremor',
          help: 'Arms extended and fingers spread apart. Observe.',
          required: true,
          options: anchored('No tremor', 'Not visible, but can be felt fingertip to fingertip', "Moderate, with patient's arms extended", 'Severe, even with arms not extended'),
        },
        {
          id: 'paroxysmal-sweats',
          kind: 'scored',
          label: 'Paroxysmal sweats',
          help: 'Observe.',
          required: true,
          options: anchored('No sweat visible', 'Barely perceptible sweating, palms moist', 'Beads of sweat obvious on forehead', 'Drenching sweats'),
        },
        {
          id: 'anxiety',
          kind: 'scored',
          label: 'Anxiety',
          help: 'Ask "Do you feel nervous?" Observe.',
          required: true,
          options: anchored(
            'No anxiety, at ease',
            'Mildly anxious',
            'Moderately anxious, or guarded, so anxiety is inferred',
            'Equivalent to acute panic states as seen in severe delirium or acute schizophrenic reactions',
          ),
        },
        {
          id: 'agitation',
          kind: 'scored',
          label: 'Agitation',
          help: 'Observe.',
          required: true,
          options: anchored(
            'Normal activity',
            'Somewhat more than normal activity',
            'Moderately fidgety and restless',
            'Paces back and forth during most of the interview, or constantly thrashes about',
          ),
        },
        {
          id: 'tactile',
          kind: 'scored',
          label: 'Tactile disturbances',
          help: 'Ask "Have you any itching, pins and needles sensations, any burning, any numbness, or do you feel bugs crawling on or under your skin?" Observe.',
          required: true,
          options: disturbance(
            'None',
            'Very mild itching, pins and needles, burning or numbness',
            'Mild itching, pins and needles, burning or numbness',
            'Moderate itching, pins and needles, burning or numbness',
          ),
        },
        {
          id: 'auditory',
          kind: 'scored',
          label: 'Auditory disturbances',
          help:
            'Ask "Are you more aware of sounds around you? Are they harsh? Do they frighten you? Are you hearing anything that is disturbing to you? ' +
            'Are you hearing things you know are not there?" Observe.',
          required: true,
          options: disturbance('Not present', 'Very mild harshness or ability to frighten', 'Mild harshness or ability to frighten', 'Moderate harshness or ability to frighten'),
        },
        {
          id: 'visual',
          kind: 'scored',
          label: 'Visual disturbances',
          help:
            'Ask "Does the light appear to be too bright? Is its colour different? Does it hurt your eyes? Are you seeing anything that is disturbing to you? ' +
            'Are you seeing things you know are not there?" Observe.',
          required: true,
          options: disturbance('Not present', 'Very mild sensitivity', 'Mild sensitivity', 'Moderate sensitivity'),
        },
        {
          id: 'headache',
          kind: 'scored',
          label: 'Headache, fullness in head',
          help: 'Ask "Does your head feel different? Does it feel like there is a band around your head?" Do not rate dizziness or light-headedness; otherwise rate severity.',
          required: true,
          options: [
            pts(0, 'Not present'),
            pts(1, 'Very mild'),
            pts(2, 'Mild'),
            pts(3, 'Moderate'),
            pts(4, 'Moderately severe'),
            pts(5, 'Severe'),
            pts(6, 'Very severe'),
            pts(7, 'Extremely severe'),
          ],
        },
        {
          id: 'orientation',
          kind: 'scored',
          label: 'Orientation and clouding of sensorium',
          help: 'Ask "What day is this? Where are you? Who am I?"',
          required: true,
          options: [
            pts(0, 'Oriented and can do serial additions'),
            pts(1, 'Cannot do serial additions or is uncertain about date'),
            pts(2, 'Disoriented for date by no more than 2 calendar days'),
            pts(3, 'Disoriented for date by more than 2 calendar days'),
            pts(4, 'Disoriented for place and/or person'),
          ],
        },
      ],
    },
  ],
  scores: [{ id: 'ciwa-ar-total', label: 'CIWA-Ar total', items: ITEMS, max: 67, bands: CIWA_AR_DEFAULT_BANDS }],
  flags: [
    {
      id: 'alcohol-withdrawal',
      code: 'ALCOHOL_WITHDRAWAL',
      severity: 'high',
      label: 'Alcohol withdrawal',
      reason: 'CIWA-Ar 8 or more: moderate or severe alcohol withdrawal. Act on the local alcohol withdrawal protocol and repeat CIWA-Ar to follow the trend.',
      when: { kind: 'scoreBand', score: 'ciwa-ar-total', bands: ['Moderate withdrawal', 'Severe withdrawal'] },
    },
  ],
  codes: [],
};
