// Signed-in sessions, in memory: a restart signs everyone out, which is the safe failure on a
// shared PC. Tokens are 32 random bytes; they never reach the database or the logs.
//
// A session idle for longer than the site's idle period is locked: it answers nothing but unlock
// (the same user's password) and sign out until unlocked. The lock is
// decided here, on the server, so a page that stops counting cannot keep patient data open.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/access/roles';

export interface Session {
  token: string;
  userId: string;
  username: string;
  fullName: string;
  roles: Role[];
  startedAt: number;
  lastSeenAt: number;
  locked: boolean;
  /** Signed in with a temporary password: only a password change is allowed. */
  mustChangePassword: boolean;
}

/** A session ends after this long whatever happens (a shift and a half). */
const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly nowMs: () => number,
    private readonly idleMs: number,
  ) {}

  start(user: Pick<Session, 'userId' | 'username' | 'fullName' | 'roles' | 'mustChangePassword'>): Session {
    const now = this.nowMs();
    const session: Session = { ...user, token: randomBytes(32).toString('base64url'), startedAt: now, lastSeenAt: now, locked: false };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The session for a token, locked first if it has been idle too long. Touching it counts as activity unless it is locked. */
  resolve(token: string | null): Session | null {
    if (typeof token !== 'string' || token.length === 0 || token.length > 100) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.nowMs();
    if (now - session.startedAt > ABSOLUTE_LIFETIME_MS) {
      this.sessions.delete(token);
      return null;
    }
    if (now - session.lastSeenAt > this.idleMs) session.locked = true;
    if (!session.locked) session.lastSeenAt = now;
    return session;
  }

  /** The session for a token without counting as activity (background reads); locked first if idle too long. */
  peek(token: string | null): Session | null {
    if (typeof token !== 'string' || token.length === 0 || token.length > 100) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.nowMs();
    if (now - session.startedAt > ABSOLUTE_LIFETIME_MS) {
      this.sessions.delete(token);
      return null;
    }
    if (now - session.lastSeenAt > this.idleMs) session.locked = true;
    return session;
  }

  lock(session: Session): void {
    session.locked = true;
  }

  unlock(session: Session): void {
    session.locked = false;
    session.lastSeenAt = this.nowMs();
  }

  passwordChanged(session: Session): void {
    session.mustChangePassword = false;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }

  /** Every session of a user (an administrator disabling an account ends them). */
  endAllFor(userId: string): void {
    for (const [token, s] of this.sessions) if (s.userId === userId) this.sessions.delete(token);
  }
}
