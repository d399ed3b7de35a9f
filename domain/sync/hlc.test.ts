import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HLC_ZERO, compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc } from './hlc';

describe('hybrid logical clock', () => {
  it('takes the wall clock when it moves forward and counts within a millisecond', () => {
    const a = tickHlc(HLC_ZERO, 1000);
    expect(a).toEqual({ l: 1000, c: 0 });
    expect(tickHlc(a, 1000)).toEqual({ l: 1000, c: 1 });
    expect(tickHlc(a, 1001)).toEqual({ l: 1001, c: 0 });
  });

  it('never goes backwards when the wall clock does', () => {
    const a = tickHlc(HLC_ZERO, 5000);
    const b = tickHlc(a, 1000);
    expect(b).toEqual({ l: 5000, c: 1 });
  });

  it('moves past a remote timestamp from the future', () => {
    const local = { l: 1000, c: 3 };
    expect(receiveHlc(local, { l: 2000, c: 7 }, 1500)).toEqual({ l: 2000, c: 8 });
    expect(receiveHlc(local, { l: 1000, c: 9 }, 900)).toEqual({ l: 1000, c: 10 });
    expect(receiveHlc(local, { l: 500, c: 1 }, 3000)).toEqual({ l: 3000, c: 0 });
  });

  it('encodes as 48-bit ms + 16-bit counter, order-preserving', () => {
    const h = { l: 1_795_000_000_000, c: 65535 };
    expect(decodeHlc(encodeHlc(h))).toEqual(h);
    fc.assert(
      fc.property(
        fc.record({ l: fc.integer({ min: 0, max: 2 ** 47 }), c: fc.integer({ min: 0, max: 65535 }) }),
        fc.record({ l: fc.integer({ min: 0, max: 2 ** 47 }), c: fc.integer({ min: 0, max: 65535 }) }),
        (a, b) => Math.sign(compareHlc(a, b)) === Math.sign(Number(encodeHlc(a) - encodeHlc(b))),
      ),
    );
  });

  it('is strictly increasing over any sequence of local ticks and receives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.record({ now: fc.integer({ min: 0, max: 10_000 }) }), fc.record({ now: fc.integer({ min: 0, max: 10_000 }), remote: fc.integer({ min: 0, max: 10_000 }) }))),
        (steps) => {
          let clock = HLC_ZERO;
          for (const s of steps) {
            const next = 'remote' in s ? receiveHlc(clock, { l: s.remote, c: 0 }, s.now) : tickHlc(clock, s.now);
            if (compareHlc(next, clock) <= 0) return false;
            clock = next;
          }
          return true;
        },
      ),
    );
  });
});
