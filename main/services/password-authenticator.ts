// Username and password: argon2id, a decoy hash for unknown usernames (timing says nothing), and
// the throttle that survives a restart. Failures say the same thing whichever part was wrong.
// The throttle counts each attempt before its password is checked (sign-in-throttle.ts), so no
// number of parallel guesses gets more checks than the policy allows, and an attempt that cannot
// be counted is refused without being checked.
import type { UserRow } from '../../db/users-repo';
import type { Call } from './call';
import type { Authenticator } from './authenticator';
import { decoyHash, verifyPassword } from './passwords';
import { ServiceError } from './service-error';
import { AttemptNotRecordedError, type SignInThrottle } from './sign-in-throttle';

function waitMessage(ms: number): string {
  return `Too many failed attempts. Try again in ${Math.ceil(ms / 1000)} seconds, or ask a site administrator to unlock your account.`;
}

export class PasswordAuthenticator implements Authenticator<{ username: string; password: string }> {
  readonly method = 'password' as const;

  constructor(private readonly throttle: SignInThrottle) {}

  async authenticate({ username, password }: { username: string; password: string }, call: Call): Promise<UserRow> {
    let attempt;
    try {
      attempt = this.throttle.begin(username);
    } catch (err) {
      if (!(err instanceof AttemptNotRecordedError)) throw err;
      call.note = { ...call.note, detail: { attemptNotRecorded: err.message.slice(0, 200) } };
      throw new ServiceError(
        'unavailable',
        'Sign-in is not possible on this computer just now: SONAR could not record the attempt (the disk may be full). Contact site IT.',
      );
    }
    if (!attempt.allowed) {
      call.note = { ...call.note, detail: { throttledForSeconds: Math.ceil(attempt.waitMs / 1000) } };
      throw new ServiceError('throttled', waitMessage(attempt.waitMs));
    }
    const user = call.reads.users.findByUsername(username);
    const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !matches || user.disabled) {
      if (attempt.lockedForMs > 0) call.note = { ...call.note, detail: { lockedOutForSeconds: Math.ceil(attempt.lockedForMs / 1000) } };
      throw new ServiceError('unauthenticated', 'The username or password is not right.', 'password');
    }
    this.throttle.succeed(username);
    return user;
  }
}
