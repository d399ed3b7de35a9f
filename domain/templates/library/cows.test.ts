import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { finaliseResponse } from '../response';
import { validateTemplate } from '../validate-template';
import { cows } from './cows';

// COWS answers in the order of the form. Scored items are given as their points (the stored value
// is the points as text); the pulse is the measured rate.
type Cows = {
  pulse: number;
  sweating: number;
  restlessness: number;
  pupil: number;
  bone: number;
  nose: number;
  gi: number;
  tremor: number;
  yawning: number;
  anxiety: number;
  gooseflesh: number;
};

function answers(c: Cows): Answers {
  return {
    pulse: c.pulse,
    sweating: String(c.sweating),
    restlessness: String(c.restlessness),
    'pupil-size': String(c.pupil),
    'bone-joint-aches': String(c.bone),
    'runny-nose-tearing': String(c.nose),
    'gi-upset': String(c.gi),
    tremor: String(c.tremor),
    yawning: String(c.yawning),
    'anxiety-irritability': String(c.anxiety),
    gooseflesh: String(c.gooseflesh),
  };
}

const none: Cows = { pulse: 72, sweating: 0, restlessness: 0, pupil: 0, bone: 0, nose: 0, gi: 0, tremor: 0, yawning: 0, anxiety: 0, gooseflesh: 0 };

function total(c: Partial<Cows>) {
  const e = evaluateResponse(cows, answers({ ...none, ...c }));
  expect(e.issues).toEqual([]);
  const s = e.scores[0]!;
  return { value: s.value, complete: s.complete, band: s.band?.label, flags: e.flags.map((f) => f.code) };
}

describe('COWS template', () => {
  it('is a valid template with the 11 published items, total 0-48', () => {
    expect(validateTemplate(cows, { earlierVersion: true }).ok).toBe(true);
    expect(cows.sections.flatMap((s) => s.items).map((i) => i.id)).toEqual([
      'pulse', 'sweating', 'restlessness', 'pupil-size', 'bone-joint-aches', 'runny-nose-tearing', 'gi-upset', 'tremor', 'yawning', 'anxiety-irritability', 'gooseflesh',
    ]);
    const scores = (id: string) => {
      const item = cows.sections[0]!.items.find((i) => i.id === id)!;
      return 'options' in item ? item.options.map((o) => o.score) : null;
    };
    expect(scores('sweating')).toEqual([0, 1, 2, 3, 4]);
    expect(scores('restlessness')).toEqual([0, 1, 3, 5]);
    expect(scores('pupil-size')).toEqual([0, 1, 2, 5]);
    expect(scores('bone-joint-aches')).toEqual([0, 1, 2, 4]);
    expect(scores('runny-nose-tearing')).toEqual([0, 1, 2, 4]);
    expect(scores('gi-upset')).toEqual([0, 1, 2, 3, 5]);
    expect(scores('tremor')).toEqual([0, 1, 2, 4]);
    expect(scores('yawning')).toEqual([0, 1, 2, 4]);
    expect(scores('anxiety-irritability')).toEqual([0, 1, 2, 4]);
    expect(scores('gooseflesh')).toEqual([0, 3, 5]);
  });

  it('worked example: total 14, moderate withdrawal, flagged', () => {
    // pulse 104 -> 2 (101-120), sweating "flushed or observable moistness" 2, restlessness
    // "frequent shifting" 3, pupils "possibly larger" 1, bone/joint "severe diffuse aching" 2,
    // nose "stuffiness or moist eyes" 1, GI "nausea or loose stool" 2, tremor "felt, not observed" 1,
    // yawning 0, anxiety 0, gooseflesh 0.  2+2+3+1+2+1+2+1+0+0+0 = 14 -> 13-24 moderate.
    const e = evaluateResponse(cows, answers({ pulse: 104, sweating: 2, restlessness: 3, pupil: 1, bone: 2, nose: 1, gi: 2, tremor: 1, yawning: 0, anxiety: 0, gooseflesh: 0 }));
    expect(e.issues).toEqual([]);
    expect(e.scores).toEqual([
      { id: 'cows-total', label: 'COWS total', value: 14, max: 48, complete: true, missing: [], band: { label: 'Moderate withdrawal', severity: 'moderate', min: 13, max: 24 } },
    ]);
    expect(e.flags).toEqual([
      expect.objectContaining({ code: 'OPIATE_WITHDRAWAL', because: 'COWS total 14: Moderate withdrawal' }),
    ]);
    expect(e.codes).toEqual([]); // a withdrawal score codes no diagnosis
  });

  it('scores the pulse by the published ranges: <=80 0, 81-100 1, 101-120 2, >120 4', () => {
    const cases: [number, number][] = [[20, 0], [80, 0], [81, 1], [100, 1], [101, 2], [120, 2], [121, 4], [250, 4]];
    for (const [pulse, points] of cases) expect(total({ pulse }).value, `pulse ${pulse}`).toBe(points);
  });

  it('puts every band edge in the right band: 4/5, 12/13, 24/25, 36/37', () => {
    // 4: sweating 1 + restlessness 1 + pupils 1 + bone 1 (pulse 72 -> 0).
    expect(total({ sweating: 1, restlessness: 1, pupil: 1, bone: 1 })).toMatchObject({ value: 4, band: 'No active withdrawal', flags: [] });
    // 5: the same + nose 1.
    expect(total({ sweating: 1, restlessness: 1, pupil: 1, bone: 1, nose: 1 })).toMatchObject({ value: 5, band: 'Mild withdrawal', flags: ['OPIATE_WITHDRAWAL'] });
    // 12: pulse 110 -> 2, sweating 2, restlessness 3, pupils 2, bone 2, nose 1.
    const twelve = { pulse: 110, sweating: 2, restlessness: 3, pupil: 2, bone: 2, nose: 1 };
    expect(total(twelve)).toMatchObject({ value: 12, band: 'Mild withdrawal' });
    // 13: the same + tremor 1.
    expect(total({ ...twelve, tremor: 1 })).toMatchObject({ value: 13, band: 'Moderate withdrawal' });
    // 24: pulse 130 -> 4, sweating 3, restlessness 3, pupils 2, bone 2, nose 2, GI 3, tremor 2, yawning 2, anxiety 1.
    const twentyFour = { pulse: 130, sweating: 3, restlessness: 3, pupil: 2, bone: 2, nose: 2, gi: 3, tremor: 2, yawning: 2, anxiety: 1 };
    expect(total(twentyFour)).toMatchObject({ value: 24, band: 'Moderate withdrawal' });
    // 25: anxiety 2 instead of 1.
    expect(total({ ...twentyFour, anxiety: 2 })).toMatchObject({ value: 25, band: 'Moderately severe withdrawal' });
    // 36: pulse 130 -> 4, sweating 4, restlessness 5, pupils 5, bone 4, nose 4, GI 5, tremor 2, yawning 2, anxiety 1.
    const thirtySix = { pulse: 130, sweating: 4, restlessness: 5, pupil: 5, bone: 4, nose: 4, gi: 5, tremor: 2, yawning: 2, anxiety: 1 };
    expect(total(thirtySix)).toMatchObject({ value: 36, band: 'Moderately severe withdrawal' });
    // 37: anxiety 2 instead of 1 -> more than 36, severe.
    expect(total({ ...thirtySix, anxiety: 2 })).toMatchObject({ value: 37, band: 'Severe withdrawal', flags: ['OPIATE_WITHDRAWAL'] });
  });

  it('reaches 0 and 48 at the ends', () => {
    expect(total({})).toMatchObject({ value: 0, band: 'No active withdrawal' });
    // 4+4+5+5+4+4+5+4+4+4+5 = 48.
    const max = { pulse: 140, sweating: 4, restlessness: 5, pupil: 5, bone: 4, nose: 4, gi: 5, tremor: 4, yawning: 4, anxiety: 4, gooseflesh: 5 };
    expect(total(max)).toMatchObject({ value: 48, band: 'Severe withdrawal' });
  });

  it('refuses invalid input, each problem at its item', () => {
    const bad = { ...answers(none), pulse: 19, sweating: '5', restlessness: '2', yawning: null, tremor: '4' };
    const e = evaluateResponse(cows, bad);
    expect(e.issues).toEqual([
      { itemId: 'pulse', kind: 'outOfRange', message: 'Enter a value between 20 and 250 beats/min' },
      { itemId: 'sweating', kind: 'unknownOption', message: '"5" is not one of the options for this question' },
      // Restlessness has no 2 (its scores are 0, 1, 3, 5).
      { itemId: 'restlessness', kind: 'unknownOption', message: '"2" is not one of the options for this question' },
      { itemId: 'yawning', kind: 'required', message: 'Select an answer' },
    ]);
    expect(e.scores[0]).toMatchObject({ complete: false, missing: ['pulse', 'sweating', 'restlessness', 'yawning'] });
    expect(evaluateResponse(cows, { ...answers(none), pulse: 80.5 }).issues).toEqual([{ itemId: 'pulse', kind: 'invalid', message: 'Enter a whole number' }]);
    expect(evaluateResponse(cows, { ...answers(none), pulse: '104' }).issues).toEqual([{ itemId: 'pulse', kind: 'invalid', message: 'Enter a number' }]);
    expect(evaluateResponse(cows, { ...answers(none), pulse: 251 }).issues[0]?.kind).toBe('outOfRange');
  });

  it('will not save with a required item missing, and says which', () => {
    const { gooseflesh: _g, ...rest } = answers(none);
    const r = finaliseResponse(cows, rest, { id: 'r1', at: '2025-03-01T10:00:00Z', by: 'nurse-1' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INCOMPLETE', issues: [{ itemId: 'gooseflesh', kind: 'required', message: 'Select an answer' }] } });
  });

  it('gives a live, incomplete score while the clinician types', () => {
    // Pulse 124 -> 4, sweating 3: 7 so far, nothing else answered; no flag until complete.
    const e = evaluateResponse(cows, { pulse: 124, sweating: '3' });
    expect(e.scores[0]).toMatchObject({ value: 7, complete: false, band: { label: 'Mild withdrawal' } });
    expect(e.scores[0]!.missing).toHaveLength(9);
    expect(e.flags).toEqual([]);
    expect(evaluateResponse(cows, {}).scores[0]).toMatchObject({ value: 0, complete: false, band: null });
  });

  it('property: any complete answer set scores the sum of its item points and falls in exactly one band', () => {
    const items = cows.sections[0]!.items.filter((i) => i.kind === 'scored');
    const pulsePoints = (p: number) => (p <= 80 ? 0 : p <= 100 ? 1 : p <= 120 ? 2 : 4);
    const arb = fc.record({
      pulse: fc.integer({ min: 20, max: 250 }),
      picks: fc.tuple(...items.map((i) => fc.constantFrom(...('options' in i ? i.options : [])))),
    });
    fc.assert(
      fc.property(arb, ({ pulse, picks }) => {
        const a: Answers = { pulse };
        items.forEach((item, k) => (a[item.id] = picks[k]!.value));
        const expected = pulsePoints(pulse) + picks.reduce((sum, o) => sum + (o.score ?? 0), 0);
        const s = evaluateResponse(cows, a).scores[0]!;
        const bands = cows.scores[0]!.bands.filter((b) => s.value >= b.min && s.value <= b.max);
        return s.complete && s.value === expected && bands.length === 1 && s.band?.label === bands[0]!.label;
      }),
      { numRuns: 2000 },
    );
  });
});
