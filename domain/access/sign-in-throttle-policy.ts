// How long a username must wait after failed sign-ins. Slows guessing without locking a clinician
// out for long (a lockout is itself a hazard): five free failures within 15 minutes, then 30 s,
// doubling with each further failure up to 5 minutes. A quiet spell resets the count.

export const THROTTLE_POLICY = {
  windowMs: 15 * 60 * 1000,
  freeFailures: 5,
  firstDelayMs: 30_000,
  maxDelayMs: 5 * 60_000,
} as const;

export interface FailureRecord {
  failures: number;
  firstFailedAt: number;
  lastFailedAt: number;
}

/** Whether the record has lapsed: outside the window and past the longest delay. */
export function throttleLapsed(r: FailureRecord, nowMs: number): boolean {
  return nowMs - r.firstFailedAt > THROTTLE_POLICY.windowMs && nowMs - r.lastFailedAt > THROTTLE_POLICY.maxDelayMs;
}

/** Milliseconds still to wait before another attempt (0 = may try now). */
export function throttleWaitMs(r: FailureRecord | null, nowMs: number): number {
  if (!r || throttleLapsed(r, nowMs) || r.failures < THROTTLE_POLICY.freeFailures) return 0;
  const delay = Math.min(THROTTLE_POLICY.maxDelayMs, THROTTLE_POLICY.firstDelayMs * 2 ** (r.failures - THROTTLE_POLICY.freeFailures));
  return Math.max(0, r.lastFailedAt + delay - nowMs);
}

export function recordFailure(r: FailureRecord | null, nowMs: number): FailureRecord {
  if (!r || throttleLapsed(r, nowMs)) return { failures: 1, firstFailedAt: nowMs, lastFailedAt: nowMs };
  return { failures: r.failures + 1, firstFailedAt: r.firstFailedAt, lastFailedAt: nowMs };
}
