// What a saved TOP says, for the chart of a person's TOPs over time: days used per substance in the
// 4 weeks (the sum of the weeks) and the three 0-20 ratings. A value any part of which was "Not
// disclosed" is shown as not disclosed, never as a number: a gap in the line, named in words.
import { NOT_DISCLOSED, type Answers } from '../templates/answers';
import { TOP_RATINGS, TOP_STAGES, TOP_SUBSTANCES, TOP_TOBACCO, weekItemIds } from '../templates/library/top-items';

export const TOP_TEMPLATE_IDS = ['top-secure', 'top-community'] as const;

export type TopValue = { value: number; notDisclosed: false } | { value: null; notDisclosed: boolean };

/** What the measures of a TOP come to: days used per substance, the ratings, days injected. */
export interface TopMeasures {
  days: { key: string; label: string; days: TopValue }[];
  ratings: { id: string; label: string; rating: TopValue }[];
  injectingDays: TopValue;
}

export interface TopSummary extends TopMeasures {
  stage: string;
  stageLabel: string;
  /** yyyy-mm-dd */
  interviewDate: string | null;
}

const notAsked: TopValue = { value: null, notDisclosed: false };
const declined: TopValue = { value: null, notDisclosed: true };

function valueOf(v: unknown): TopValue {
  if (v === NOT_DISCLOSED) return declined;
  return typeof v === 'number' ? { value: v, notDisclosed: false } : notAsked;
}

/** The sum of the values at `at`; not disclosed or not asked if any of them is. */
function sumOf(values: readonly unknown[], at: readonly number[]): TopValue {
  let sum = 0;
  for (const i of at) {
    const v = valueOf(values[i]);
    if (v.value === null) return v;
    sum += v.value;
  }
  return { value: sum, notDisclosed: false };
}

const SUBSTANCE_WEEKS = TOP_SUBSTANCES.map((s) => ({ key: s.key, label: s.label, weeks: weekItemIds(s.key) }));
const TOBACCO_WEEKS = { key: TOP_TOBACCO.key, label: TOP_TOBACCO.label, weeks: weekItemIds(TOP_TOBACCO.key) };

/**
 * Every answer the measures read (days per substance, tobacco's included; days injected; the
 * ratings), in a fixed order: a report reads these values alone, never the whole TOP.
 */
export const TOP_MEASURE_ITEM_IDS: readonly string[] = [...SUBSTANCE_WEEKS, TOBACCO_WEEKS].flatMap((s) => s.weeks).concat('injecting-days', TOP_RATINGS.map((r) => r.id));

// Where each measure's answers are among the values, worked out once (a report summarises thousands of TOPs).
const at = (id: string) => TOP_MEASURE_ITEM_IDS.indexOf(id);
const dayPlan = (s: { key: string; label: string; weeks: string[] }) => ({ key: s.key, label: s.label, at: s.weeks.map(at) });
const DAYS = SUBSTANCE_WEEKS.map(dayPlan);
const DAYS_WITH_TOBACCO = [...DAYS, dayPlan(TOBACCO_WEEKS)];
const TOBACCO_FIRST_WEEK = at(TOBACCO_WEEKS.weeks[0]!);
const RATINGS = TOP_RATINGS.map((r) => ({ id: r.id, label: r.label, at: at(r.id) }));
const INJECTING_DAYS = at('injecting-days');

/** The measures of a TOP from its measure values, in TOP_MEASURE_ITEM_IDS order (null or absent: not answered). */
export function summariseTopMeasures(values: readonly unknown[]): TopMeasures {
  // Tobacco is asked in some settings only: counted where its first week was answered.
  const tobacco = values[TOBACCO_FIRST_WEEK];
  const days = tobacco !== undefined && tobacco !== null ? DAYS_WITH_TOBACCO : DAYS;
  return {
    days: days.map((d) => ({ key: d.key, label: d.label, days: sumOf(values, d.at) })),
    ratings: RATINGS.map((r) => ({ id: r.id, label: r.label, rating: valueOf(values[r.at]) })),
    injectingDays: valueOf(values[INJECTING_DAYS]),
  };
}

export function summariseTop(answers: Answers): TopSummary {
  const stage = typeof answers.stage === 'string' ? answers.stage : '';
  return {
    stage,
    stageLabel: TOP_STAGES.find((s) => s.value === stage)?.label ?? 'Not known',
    interviewDate: typeof answers['interview-date'] === 'string' ? answers['interview-date'] : null,
    ...summariseTopMeasures(TOP_MEASURE_ITEM_IDS.map((id) => answers[id])),
  };
}
