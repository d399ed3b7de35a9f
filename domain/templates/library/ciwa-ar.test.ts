import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { validateTemplate } from '../validate-template';
import { CIWA_AR_DEFAULT_BANDS, ciwaAr } from './ciwa-ar';

const IDS = ['nausea-vomiting', 'tremor', 'paroxysmal-sweats', 'anxiety', 'agitation', 'tactile', 'auditory', 'visual', 'headache', 'orientation'] as const;
type Points = Partial<Record<(typeof IDS)[number], number>>;

/** Every item at 0 unless given; values are the points (stored as text). */
function answers(points: Points): Answers {
  return Object.fromEntries(IDS.map((id) => [id, String(points[id] ?? 0)]));
}

function total(points: Points) {
  const e = evaluateResponse(ciwaAr, answers(points));
  expect(e.issues).toEqual([]);
  return { value: e.scores[0]!.value, band: e.scores[0]!.band?.label, flags: e.flags.map((f) => f.code) };
}

describe('CIWA-Ar template', () => {
  it('is valid: nine items 0-7 and orientation 0-4, maximum 67', () => {
    expect(validateTemplate(ciwaAr, { earlierVersion: true }).ok).toBe(true);
    const items = ciwaAr.sections[0]!.items;
    expect(items.map((i) => i.id)).toEqual([...IDS]);
    for (const item of items.slice(0, 9)) expect('options' in item && item.options.map((o) => o.score)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect('options' in items[9]! && items[9].options.map((o) => o.score)).toEqual([0, 1, 2, 3, 4]);
    expect(ciwaAr.scores[0]!.max).toBe(67);
  });

  it('worked example: total 14, moderate withdrawal', () => {
    // Nausea "mild, no vomiting" 1, tremor "moderate with arms extended" 4, sweats "palms moist" 1,
    // anxiety "moderately anxious or guarded" 4, agitation "somewhat more than normal" 1, tactile 0,
    // auditory 0, visual "very mild sensitivity" 1, headache "mild" 2, orientation 0.
    // 1+4+1+4+1+0+0+1+2+0 = 14 -> 8-14 moderate.
    const e = evaluateResponse(ciwaAr, answers({ 'nausea-vomiting': 1, tremor: 4, 'paroxysmal-sweats': 1, anxiety: 4, agitation: 1, visual: 1, headache: 2 }));
    expect(e.scores[0]).toMatchObject({ value: 14, complete: true, band: { label: 'Moderate withdrawal', severity: 'moderate' } });
    expect(e.flags.map((f) => [f.code, f.because])).toEqual([['ALCOHOL_WITHDRAWAL', 'CIWA-Ar total 14: Moderate withdrawal']]);
    expect(e.codes).toEqual([]); // the score does not diagnose alcohol withdrawal syndrome
  });

  it('puts every band edge in the right band: 7/8 and 14/15', () => {
    // 7: nausea 1, tremor 1, sweats 1, anxiety 1, agitation 1, headache 2.
    const seven = { 'nausea-vomiting': 1, tremor: 1, 'paroxysmal-sweats': 1, anxiety: 1, agitation: 1, headache: 2 };
    expect(total(seven)).toEqual({ value: 7, band: 'Minimal withdrawal', flags: [] });
    // 8: the same + visual "very mild sensitivity" 1.
    expect(total({ ...seven, visual: 1 })).toEqual({ value: 8, band: 'Moderate withdrawal', flags: ['ALCOHOL_WITHDRAWAL'] });
    // 14: tremor 4, anxiety 4, agitation 4, headache 2.
    const fourteen = { tremor: 4, anxiety: 4, agitation: 4, headache: 2 };
    expect(total(fourteen)).toEqual({ value: 14, band: 'Moderate withdrawal', flags: ['ALCOHOL_WITHDRAWAL'] });
    // 15: the same + orientation "uncertain about date" 1.
    expect(total({ ...fourteen, orientation: 1 })).toEqual({ value: 15, band: 'Severe withdrawal', flags: ['ALCOHOL_WITHDRAWAL'] });
  });

  it('reaches 0 and 67 at the ends', () => {
    expect(total({})).toEqual({ value: 0, band: 'Minimal withdrawal', flags: [] });
    // 9 x 7 + 4 = 67.
    const max = Object.fromEntries(IDS.map((id) => [id, id === 'orientation' ? 4 : 7]));
    expect(total(max)).toMatchObject({ value: 67, band: 'Severe withdrawal' });
  });

  it('accepts the in-between scores that have no words on the form', () => {
    // Nausea 2, tremor 3, sweats 5, anxiety 6: 2+3+5+6 = 16.
    expect(total({ 'nausea-vomiting': 2, tremor: 3, 'paroxysmal-sweats': 5, anxiety: 6 })).toMatchObject({ value: 16, band: 'Severe withdrawal' });
  });

  it('refuses invalid input at its item: orientation 5, tremor 8, a number instead of an option', () => {
    const e = evaluateResponse(ciwaAr, { ...answers({}), orientation: '5', tremor: '8', headache: 3 });
    expect(e.issues).toEqual([
      { itemId: 'tremor', kind: 'unknownOption', message: '"8" is not one of the options for this question' },
      { itemId: 'headache', kind: 'invalid', message: 'Select one of the options' },
      { itemId: 'orientation', kind: 'unknownOption', message: '"5" is not one of the options for this question' },
    ]);
    expect(e.scores[0]!.complete).toBe(false);
  });

  it('keeps its default bands in one exported constant (configurable per site)', () => {
    expect(CIWA_AR_DEFAULT_BANDS.map((b) => [b.min, b.max])).toEqual([[0, 7], [8, 14], [15, 67]]);
    expect(ciwaAr.scores[0]!.bands).toBe(CIWA_AR_DEFAULT_BANDS);
  });
});
