// Slows password guessing without locking a clinician out for long (a lockout is itself a hazard):
// after 5 failures within 15 minutes, each further attempt waits 30 s, doubling to at most 5 min.
// In memory for now; persisting it across restarts is part of the staff-access work.

const WINDOW_MS = 15 * 60 * 1000;
const FREE_FAILURES = 5;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 5 * 60_000;

interface Record {
  failures: number;
  firstAt: number;
  lastAt: number;
}

export class SignInThrottle {
  private readonly byName = new Map<string, Record>();

  constructor(private readonly nowMs: () => number) {}

  /** Milliseconds the caller must still wait before another attempt, 0 when it may try now. */
  check(username: string): number {
    const r = this.byName.get(username);
    if (!r) return 0;
    const now = this.nowMs();
    if (now - r.firstAt > WINDOW_MS && now - r.lastAt > MAX_DELAY_MS) {
      this.byName.delete(username);
      return 0;
    }
    if (r.failures < FREE_FAILURES) return 0;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (r.failures - FREE_FAILURES));
    return Math.max(0, r.lastAt + delay - now);
  }

  fail(username: string): void {
    const now = this.nowMs();
    const r = this.byName.get(username);
    if (r) {
      r.failures++;
      r.lastAt = now;
    } else {
      this.byName.set(username, { failures: 1, firstAt: now, lastAt: now });
    }
  }

  succeed(username: string): void {
    this.byName.delete(username);
  }
}
