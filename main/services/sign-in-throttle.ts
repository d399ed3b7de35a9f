// Applies the throttle policy (domain/access/sign-in-throttle-policy.ts) to usernames, with the
// counts kept in the database so that restarting the app does not reset them.
//
// An attempt is counted as a failure BEFORE its password is checked, in one synchronous step with
// the check of the wait, and cleared only when it succeeds. Password hashing is asynchronous, so
// counting afterwards would let any number of parallel guesses past the check before the first
// was counted. If the attempt cannot be recorded (disk full), it is refused unchecked.
import { recordFailure, throttleWaitMs } from '../../domain/access/sign-in-throttle-policy';
import type { SignInAttemptsRepo } from '../../db/sign-in-attempts-repo';

export type AttemptDecision =
  /** Go on and check the password; the attempt is already counted as a failure. `lockedForMs`: the wait after it, should it fail. */
  | { allowed: true; lockedForMs: number }
  | { allowed: false; waitMs: number };

export class AttemptNotRecordedError extends Error {
  constructor(cause: unknown) {
    super(`The sign-in attempt could not be recorded: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'AttemptNotRecordedError';
  }
}

export class SignInThrottle {
  constructor(
    private readonly attempts: SignInAttemptsRepo,
    private readonly nowMs: () => number,
  ) {}

  /** Milliseconds the caller must still wait before another attempt, 0 when it may try now. */
  check(username: string): number {
    return throttleWaitMs(this.attempts.get(username), this.nowMs());
  }

  /**
   * Decides whether an attempt may check its password, and if so counts it first. Synchronous
   * from the read to the write: no other attempt can come between them.
   */
  begin(username: string): AttemptDecision {
    const now = this.nowMs();
    const current = this.attempts.get(username);
    const waitMs = throttleWaitMs(current, now);
    if (waitMs > 0) return { allowed: false, waitMs };
    const next = recordFailure(current, now);
    try {
      this.attempts.put(username, next);
    } catch (err) {
      throw new AttemptNotRecordedError(err);
    }
    return { allowed: true, lockedForMs: throttleWaitMs(next, now) };
  }

  succeed(username: string): void {
    this.attempts.clear(username);
  }
}
