// A token bucket: `capacity` calls at once, refilled at `perSecond`. Time comes from the caller so
// the app's clock (and a test's) decides.

export interface BucketLimits {
  capacity: number;
  perSecond: number;
}

export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly limits: BucketLimits,
    nowMs: number,
  ) {
    this.tokens = limits.capacity;
    this.at = nowMs;
  }

  /** Takes one token if there is one. */
  take(nowMs: number): boolean {
    this.refill(nowMs);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a token is there, without taking it. */
  has(nowMs: number): boolean {
    this.refill(nowMs);
    return this.tokens >= 1;
  }

  /** Whether the bucket is full again (nothing to remember). */
  full(nowMs: number): boolean {
    this.refill(nowMs);
    return this.tokens >= this.limits.capacity;
  }

  private refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.at) / 1000;
    this.tokens = Math.min(this.limits.capacity, this.tokens + elapsed * this.limits.perSecond);
    this.at = nowMs;
  }
}
