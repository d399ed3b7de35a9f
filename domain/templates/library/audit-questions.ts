// The ten AUDIT questions with the WHO wording and scores (Babor TF, Higgins-Biddle JC, Saunders
// JB, Monteiro MG. AUDIT: Guidelines for Use in Primary Care, 2nd ed. WHO 2001, Box 4, interview
// version). Shared by audit.ts and audit-c.ts (AUDIT-C is questions 1-3), so the two can never
// word or score a question differently.
//
// The WHO form's skip rules are kept as enableWhen: "Never" at Q1 skips to Q9-10, and a total of 0
// for Q2 + Q3 skips to Q9-10. A skipped question scores 0, which is what the form intends. Since
// Q2 and Q3 score 0 only for "1 or 2" and "Never", "Q2 + Q3 > 0" is "Q2 is not 1-2 or Q3 is not
// Never".
//
// The UK (OHID) forms ask the same questions in UK units ("How many units...", "6 or more units if
// female, or 8 or more if male"); a site wanting that wording publishes it as its own template.
import type { ChoiceOption, ConditionGroup, Item } from '../template-schema';

type Scored = ChoiceOption & { score: number };

const FREQUENCY: Scored[] = [
  { value: 'never', label: 'Never', score: 0 },
  { value: 'less-than-monthly', label: 'Less than monthly', score: 1 },
  { value: 'monthly', label: 'Monthly', score: 2 },
  { value: 'weekly', label: 'Weekly', score: 3 },
  { value: 'daily-or-almost-daily', label: 'Daily or almost daily', score: 4 },
];

const HARM: Scored[] = [
  { value: 'no', label: 'No', score: 0 },
  { value: 'yes-not-last-year', label: 'Yes, but not in the last year', score: 2 },
  { value: 'yes-last-year', label: 'Yes, during the last year', score: 4 },
];

/** Q2-Q3 are asked unless the person never drinks. */
const DRINKS: ConditionGroup = { match: 'all', conditions: [{ item: 'q1', op: 'notEquals', value: 'never' }] };

/** Q4-Q8 are asked when Q2 + Q3 > 0. */
const CONSUMES: ConditionGroup = {
  match: 'any',
  conditions: [
    { item: 'q2', op: 'notEquals', value: '1-2' },
    { item: 'q3', op: 'notEquals', value: 'never' },
  ],
};

function frequency(id: string, label: string): Item {
  return { id, kind: 'scored', label, required: true, enableWhen: CONSUMES, options: FREQUENCY };
}

export const AUDIT_Q1_TO_Q3: Item[] = [
  {
    id: 'q1',
    kind: 'scored',
    label: 'How often do you have a drink containing alcohol?',
    required: true,
    options: [
      { value: 'never', label: 'Never', score: 0 },
      { value: 'monthly-or-less', label: 'Monthly or less', score: 1 },
      { value: '2-4-times-a-month', label: '2 to 4 times a month', score: 2 },
      { value: '2-3-times-a-week', label: '2 to 3 times a week', score: 3 },
      { value: '4-or-more-times-a-week', label: '4 or more times a week', score: 4 },
    ],
  },
  {
    id: 'q2',
    kind: 'scored',
    label: 'How many drinks containing alcohol do you have on a typical day when you are drinking?',
    help: 'Count standard drinks (the WHO AUDIT assumes about 10 g of alcohol in a standard drink).',
    required: true,
    enableWhen: DRINKS,
    options: [
      { value: '1-2', label: '1 or 2', score: 0 },
      { value: '3-4', label: '3 or 4', score: 1 },
      { value: '5-6', label: '5 or 6', score: 2 },
      { value: '7-9', label: '7, 8 or 9', score: 3 },
      { value: '10-or-more', label: '10 or more', score: 4 },
    ],
  },
  {
    id: 'q3',
    kind: 'scored',
    label: 'How often do you have six or more drinks on one occasion?',
    required: true,
    enableWhen: DRINKS,
    options: FREQUENCY,
  },
];

export const AUDIT_Q4_TO_Q10: Item[] = [
  frequency('q4', 'How often during the last year have you found that you were not able to stop drinking once you had started?'),
  frequency('q5', 'How often during the last year have you failed to do what was normally expected from you because of drinking?'),
  frequency('q6', 'How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?'),
  frequency('q7', 'How often during the last year have you had a feeling of guilt or remorse after drinking?'),
  frequency('q8', 'How often during the last year have you been unable to remember what happened the night before because you had been drinking?'),
  { id: 'q9', kind: 'scored', label: 'Have you or someone else been injured as a result of your drinking?', required: true, options: HARM },
  {
    id: 'q10',
    kind: 'scored',
    label: 'Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?',
    required: true,
    options: HARM,
  },
];
