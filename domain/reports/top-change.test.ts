import { describe, expect, it } from 'vitest';
import { NOT_DISCLOSED, type Answers } from '../templates/answers';
import { TOP_SUBSTANCES, weekItemIds } from '../templates/library/top-items';
import { summariseTop, type TopMeasures } from '../sms/top-summary';
import { topChanges } from './top-change';

function top(stage: string, opioidDays: number | typeof NOT_DISCLOSED, psych: number): TopMeasures {
  return summariseTop(answersOf(stage, opioidDays, psych));
}

function answersOf(stage: string, opioidDays: number | typeof NOT_DISCLOSED, psych: number): Answers {
  const a: Answers = { stage };
  for (const s of TOP_SUBSTANCES) for (const id of weekItemIds(s.key)) a[id] = 0;
  const weeks = weekItemIds('opioids');
  if (opioidDays === NOT_DISCLOSED) a[weeks[0]!] = NOT_DISCLOSED;
  else a[weeks[0]!] = opioidDays;
  return { ...a, 'injecting-days': typeof opioidDays === 'number' ? Math.min(opioidDays, 3) : 0, 'psychological-health': psych, 'physical-health': 10, 'quality-of-life': 10 };
}

describe('TOP change', () => {
  it('averages review minus start over people with both values, leaving out a value not disclosed', () => {
    const changes = topChanges([
      { start: top('start', 7, 4), review: top('review', 2, 10) },
      { start: top('start', 5, 8), review: top('review', 0, 8) },
      { start: top('start', NOT_DISCLOSED, 6), review: top('review', 3, 9) },
    ]);
    const opioids = changes.find((c) => c.id === 'days-opioids')!;
    expect(opioids).toMatchObject({ people: 2, meanStart: 6, meanReview: 1, meanChange: -5 });
    expect(changes.find((c) => c.id === 'psychological-health')).toMatchObject({ people: 3, meanChange: 3 });
    expect(changes.find((c) => c.id === 'physical-health')).toMatchObject({ people: 3, meanChange: 0 });
    // Days injected (at most 3 here): 3 -> 2, 3 -> 0, 0 -> 3.
    expect(changes.find((c) => c.id === 'injecting-days')).toMatchObject({ label: 'Injecting: days injected', people: 3, meanStart: 2, meanReview: 1.7, meanChange: -0.3 });
  });

  it('has no mean when nobody has both', () => {
    expect(topChanges([]).length).toBe(0);
    expect(topChanges([{ start: top('start', NOT_DISCLOSED, 4), review: top('review', 1, 5) }]).find((c) => c.id === 'days-opioids')).toMatchObject({ people: 0, meanChange: null });
  });
});
