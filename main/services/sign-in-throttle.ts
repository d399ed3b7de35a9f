// Applies the throttle policy (domain/access/sign-in-throttle-policy.ts) to usernames, with the
// counts kept in the database so that restarting the app does not reset them.
import { recordFailure, throttleWaitMs } from '../../domain/access/sign-in-throttle-policy';
import type { SignInAttemptsRepo } from '../../db/sign-in-attempts-repo';

export class SignInThrottle {
  constructor(
    private readonly attempts: SignInAttemptsRepo,
    private readonly nowMs: () => number,
  ) {}

  /** Milliseconds the caller must still wait before another attempt, 0 when it may try now. */
  check(username: string): number {
    return throttleWaitMs(this.attempts.get(username), this.nowMs());
  }

  /** Records a failure; returns how long the next attempt must wait (0 while failures are still free). */
  fail(username: string): number {
    const now = this.nowMs();
    const next = recordFailure(this.attempts.get(username), now);
    this.attempts.put(username, next);
    return throttleWaitMs(next, now);
  }

  succeed(username: string): void {
    this.attempts.clear(username);
  }
}
