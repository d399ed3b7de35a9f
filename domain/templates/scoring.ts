// Points per item and the range of a total. Shared by the validator (do the bands cover every
// reachable total?) and the evaluator (what is the total now?), so the two cannot disagree.
import type { AnswerValue } from './answers';
import type { Item, NumberBand, ScoreBand, ScoreRule } from './template-schema';

/** The band holding `points` for a number answer, or undefined when none does. */
export function numberBandFor(bands: readonly NumberBand[], value: number): NumberBand | undefined {
  return bands.find((b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value <= b.max));
}

/** Points for one valid answer. Returns 0 for anything a valid template cannot score. */
export function itemPoints(item: Item, value: AnswerValue, numberBands: readonly NumberBand[] | undefined): number {
  switch (item.kind) {
    case 'scored':
    case 'choice':
      return item.options.find((o) => o.value === value)?.score ?? 0;
    case 'multiChoice':
      return Array.isArray(value) ? item.options.filter((o) => value.includes(o.value)).reduce((sum, o) => sum + (o.score ?? 0), 0) : 0;
    case 'number':
      if (typeof value !== 'number') return 0;
      return numberBands ? (numberBandFor(numberBands, value)?.points ?? 0) : value;
    default:
      return 0;
  }
}

export type PointRange = { min: number; max: number };

/** The least and most points an item can add to a total, or a problem saying why it cannot be scored. */
export function itemPointRange(item: Item, numberBands: readonly NumberBand[] | undefined): PointRange | string {
  let range: PointRange;
  switch (item.kind) {
    case 'scored':
    case 'choice': {
      const scores = item.options.map((o) => o.score);
      if (scores.some((s) => s === undefined)) return 'every option of a scored item needs a score';
      range = { min: Math.min(...(scores as number[])), max: Math.max(...(scores as number[])) };
      break;
    }
    case 'multiChoice': {
      if (item.options.some((o) => o.score === undefined)) return 'every option of a scored item needs a score';
      range = { min: 0, max: item.options.reduce((sum, o) => sum + (o.score ?? 0), 0) };
      break;
    }
    case 'number':
      if (numberBands) {
        range = { min: Math.min(...numberBands.map((b) => b.points)), max: Math.max(...numberBands.map((b) => b.points)) };
      } else {
        // Whole numbers within known non-negative limits, so a total stays a whole number in a band.
        if (!item.integer || item.min === undefined || item.max === undefined || item.min < 0) {
          return 'a number counted directly needs integer: true and min >= 0 and max (or numberBands)';
        }
        range = { min: item.min, max: item.max };
      }
      break;
    default:
      return `a ${item.kind} item cannot be scored (use a scored item)`;
  }
  // An item that may be skipped (optional, or conditional) can add nothing.
  if (!item.required || item.enableWhen) range = { min: Math.min(0, range.min), max: range.max };
  return range;
}

/** The range of a total, given the items it sums; null when any item cannot be scored. */
export function scoreRange(rule: ScoreRule, itemsById: ReadonlyMap<string, Item>): PointRange | null {
  let min = 0;
  let max = 0;
  for (const id of rule.items) {
    const item = itemsById.get(id);
    if (!item) return null;
    const r = itemPointRange(item, rule.numberBands?.[id]);
    if (typeof r === 'string') return null;
    min += r.min;
    max += r.max;
  }
  return { min, max };
}

export function bandFor(bands: readonly ScoreBand[], value: number): ScoreBand | undefined {
  return bands.find((b) => value >= b.min && value <= b.max);
}
