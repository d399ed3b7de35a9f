// What a saved TOP says, for the chart of a person's TOPs over time: days used per substance in the
// 4 weeks (the sum of the weeks) and the three 0-20 ratings. A value any part of which was "Not
// disclosed" is shown as not disclosed, never as a number: a gap in the line, named in words.
import { NOT_DISCLOSED, type Answers } from '../templates/answers';
import { TOP_RATINGS, TOP_STAGES, TOP_SUBSTANCES, TOP_TOBACCO, weekItemIds } from '../templates/library/top-items';

export const TOP_TEMPLATE_IDS = ['top-secure', 'top-community'] as const;

export type TopValue = { value: number; notDisclosed: false } | { value: null; notDisclosed: boolean };

export interface TopSummary {
  stage: string;
  stageLabel: string;
  /** yyyy-mm-dd */
  interviewDate: string | null;
  days: { key: string; label: string; days: TopValue }[];
  ratings: { id: string; label: string; rating: TopValue }[];
  injectingDays: TopValue;
}

const notAsked: TopValue = { value: null, notDisclosed: false };
const declined: TopValue = { value: null, notDisclosed: true };

function single(answers: Answers, id: string): TopValue {
  const v = answers[id];
  if (v === NOT_DISCLOSED) return declined;
  return typeof v === 'number' ? { value: v, notDisclosed: false } : notAsked;
}

function summed(answers: Answers, ids: readonly string[]): TopValue {
  let sum = 0;
  for (const id of ids) {
    const v = single(answers, id);
    if (v.value === null) return v;
    sum += v.value;
  }
  return { value: sum, notDisclosed: false };
}

export function summariseTop(answers: Answers): TopSummary {
  const stage = typeof answers.stage === 'string' ? answers.stage : '';
  const substances = answers[weekItemIds(TOP_TOBACCO.key)[0]!] !== undefined ? [...TOP_SUBSTANCES, TOP_TOBACCO] : TOP_SUBSTANCES;
  return {
    stage,
    stageLabel: TOP_STAGES.find((s) => s.value === stage)?.label ?? 'Not known',
    interviewDate: typeof answers['interview-date'] === 'string' ? answers['interview-date'] : null,
    days: substances.map((s) => ({ key: s.key, label: s.label, days: summed(answers, weekItemIds(s.key)) })),
    ratings: TOP_RATINGS.map((r) => ({ id: r.id, label: r.label, rating: single(answers, r.id) })),
    injectingDays: single(answers, 'injecting-days'),
  };
}
