// Username and password: argon2id, a decoy hash for unknown usernames (timing says nothing), and
// the throttle that survives a restart. Failures say the same thing whichever part was wrong.
import type { UserRow } from '../../db/users-repo';
import type { Call } from './call';
import type { Authenticator } from './authenticator';
import { decoyHash, verifyPassword } from './passwords';
import { ServiceError } from './service-error';
import type { SignInThrottle } from './sign-in-throttle';

function waitMessage(ms: number): string {
  return `Too many failed attempts. Try again in ${Math.ceil(ms / 1000)} seconds, or ask a site administrator to unlock your account.`;
}

export class PasswordAuthenticator implements Authenticator<{ username: string; password: string }> {
  readonly method = 'password' as const;

  constructor(private readonly throttle: SignInThrottle) {}

  async authenticate({ username, password }: { username: string; password: string }, call: Call): Promise<UserRow> {
    const wait = this.throttle.check(username);
    if (wait > 0) {
      call.note = { ...call.note, detail: { throttledForSeconds: Math.ceil(wait / 1000) } };
      throw new ServiceError('throttled', waitMessage(wait));
    }
    const user = call.reads.users.findByUsername(username);
    const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
    if (!user || !matches || user.disabled) {
      const lockedFor = this.throttle.fail(username);
      if (lockedFor > 0) call.note = { ...call.note, detail: { lockedOutForSeconds: Math.ceil(lockedFor / 1000) } };
      throw new ServiceError('unauthenticated', 'The username or password is not right.', 'password');
    }
    this.throttle.succeed(username);
    return user;
  }
}
