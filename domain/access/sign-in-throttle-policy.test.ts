import { describe, expect, it } from 'vitest';
import { recordFailure, throttleWaitMs, type FailureRecord } from './sign-in-throttle-policy';

function fail(times: number, at: number): FailureRecord {
  let r: FailureRecord | null = null;
  for (let i = 0; i < times; i++) r = recordFailure(r, at);
  return r!;
}

describe('sign-in throttle policy', () => {
  it('lets five failures through, then waits 30 s, doubling to at most 5 minutes', () => {
    expect(throttleWaitMs(fail(4, 0), 0)).toBe(0);
    expect(throttleWaitMs(fail(5, 0), 0)).toBe(30_000);
    expect(throttleWaitMs(fail(6, 0), 0)).toBe(60_000);
    expect(throttleWaitMs(fail(9, 0), 0)).toBe(300_000);
    expect(throttleWaitMs(fail(20, 0), 0)).toBe(300_000);
    expect(throttleWaitMs(fail(5, 0), 29_000)).toBe(1_000);
  });

  it('forgets after a quiet spell past the window', () => {
    const r = fail(8, 0);
    expect(throttleWaitMs(r, 16 * 60_000)).toBe(0);
    expect(recordFailure(r, 16 * 60_000)).toEqual({ failures: 1, firstFailedAt: 16 * 60_000, lastFailedAt: 16 * 60_000 });
  });
});
