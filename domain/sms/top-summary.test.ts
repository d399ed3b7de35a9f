// A report reads only a TOP's measure values (TOP_MEASURE_ITEM_IDS, from an index), never its whole
// answers: the measures it summarises from them must be exactly those of the whole TOP.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_DISCLOSED, type Answers } from '../templates/answers';
import { summariseTop, summariseTopMeasures, TOP_MEASURE_ITEM_IDS } from './top-summary';

const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(NOT_DISCLOSED), fc.integer({ min: 0, max: 20 }));

const measuresOf = (answers: Answers) => {
  const { days, ratings, injectingDays } = summariseTop(answers);
  return { days, ratings, injectingDays };
};

describe('TOP measures from their values alone', () => {
  it('come to the same days, ratings and days injected as the whole TOP', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: TOP_MEASURE_ITEM_IDS.length, maxLength: TOP_MEASURE_ITEM_IDS.length }), (values) => {
        const answers: Answers = { stage: 'review', 'interview-date': '2026-11-02', 'assault-violence': false };
        TOP_MEASURE_ITEM_IDS.forEach((id, i) => {
          const v = values[i];
          if (v !== undefined) answers[id] = v;
        });
        // As SQL reads them: a JSON array, where an item not answered is null.
        const read = JSON.parse(JSON.stringify(TOP_MEASURE_ITEM_IDS.map((id) => answers[id] ?? null))) as unknown[];
        expect(summariseTopMeasures(read)).toEqual(measuresOf(answers));
      }),
      { numRuns: 300 },
    );
  });

  it('count tobacco only where it was asked, and a value not disclosed never as a number', () => {
    const answers: Answers = { 'alcohol-week-1': 2, 'alcohol-week-2': NOT_DISCLOSED, 'alcohol-week-3': 1, 'alcohol-week-4': 0, 'psychological-health': 12 };
    const measures = summariseTopMeasures(TOP_MEASURE_ITEM_IDS.map((id) => answers[id] ?? null));
    expect(measures.days.map((d) => d.key)).not.toContain('tobacco');
    expect(measures.days.find((d) => d.key === 'alcohol')!.days).toEqual({ value: null, notDisclosed: true });
    expect(measures.ratings.find((r) => r.id === 'psychological-health')!.rating).toEqual({ value: 12, notDisclosed: false });
    const withTobacco = summariseTopMeasures(TOP_MEASURE_ITEM_IDS.map((id) => ({ ...answers, 'tobacco-week-1': 7, 'tobacco-week-2': 7, 'tobacco-week-3': 7, 'tobacco-week-4': 6 })[id] ?? null));
    expect(withTobacco.days.find((d) => d.key === 'tobacco')!.days).toEqual({ value: 27, notDisclosed: false });
  });
});
