// Signed-in sessions, in memory: a restart signs everyone out, which is the safe failure on a
// shared PC. Tokens are 32 random bytes; they never reach the database or the logs.
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
}

/** A session ends after this long whatever happens (a shift and a half). */
const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly nowMs: () => number) {}

  start(user: Omit<Session, 'token' | 'startedAt' | 'lastSeenAt'>): Session {
    const now = this.nowMs();
    const session: Session = { ...user, token: randomBytes(32).toString('base64url'), startedAt: now, lastSeenAt: now };
    this.sessions.set(session.token, session);
    return session;
  }

  resolve(token: string | null): Session | null {
    if (typeof token !== 'string' || token.length === 0 || token.length > 100) return null;
    const session = this.sessions.get(token);
    if (!session) return null;
    const now = this.nowMs();
    if (now - session.startedAt > ABSOLUTE_LIFETIME_MS) {
      this.sessions.delete(token);
      return null;
    }
    session.lastSeenAt = now;
    return session;
  }

  end(token: string): void {
    this.sessions.delete(token);
  }
}
