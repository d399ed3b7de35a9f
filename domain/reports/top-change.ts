// TOP change between start and review: for each measure (days used per substance in the 28 days,
// days injected, and the three 0-20 ratings), the mean of (review - start) over the people who have a value at
// both, and how many people that is. A value not asked or not disclosed at either end leaves the
// person out of that measure only, never counted as 0.
import type { TopMeasures } from '../sms/top-summary';

/** A person's start TOP and latest review, summarised (summariseTop, or summariseTopMeasures from the values a report reads). */
export interface TopPair {
  start: TopMeasures;
  review: TopMeasures;
}

export interface TopChange {
  id: string;
  label: string;
  kind: 'days' | 'rating';
  people: number;
  /** Mean change, one decimal place; null when nobody has both values. */
  meanChange: number | null;
  meanStart: number | null;
  meanReview: number | null;
}

const mean = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);

export function topChanges(pairs: readonly TopPair[]): TopChange[] {
  const measures = new Map<string, { label: string; kind: TopChange['kind']; start: number[]; review: number[] }>();
  const add = (id: string, label: string, kind: TopChange['kind'], start: number | null, review: number | null) => {
    const m = measures.get(id) ?? { label, kind, start: [], review: [] };
    measures.set(id, m);
    if (start === null || review === null) return;
    m.start.push(start);
    m.review.push(review);
  };
  for (const { start, review } of pairs) {
    for (const d of start.days) add(`days-${d.key}`, `${d.label}: days used`, 'days', d.days.value, review.days.find((x) => x.key === d.key)?.days.value ?? null);
    add('injecting-days', 'Injecting: days injected', 'days', start.injectingDays.value, review.injectingDays.value);
    for (const r of start.ratings) add(r.id, r.label, 'rating', r.rating.value, review.ratings.find((x) => x.id === r.id)?.rating.value ?? null);
  }
  return [...measures].map(([id, m]) => ({
    id,
    label: m.label,
    kind: m.kind,
    people: m.start.length,
    meanChange: mean(m.review.map((v, i) => v - m.start[i]!)),
    meanStart: mean(m.start),
    meanReview: mean(m.review),
  }));
}
