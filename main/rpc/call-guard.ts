// What the router asks before and after each call, so that a caller without a session, or one
// whose calls keep being refused, cannot fill the disk or tie up the app: calls without a session
// share one token bucket; each session has a bucket for its refused calls; the audit rows of calls
// without a session, and a session's refusals that name nothing it tried to reach, are coalesced
// (audit-coalescer.ts). It also holds the store's health: once the database is
// found damaged, every call is answered with that, plainly, instead of reading or writing it.
import type { AuditEntry } from '../../db/audit-log';
import type { RpcError } from '../../contract/result';
import type { Session } from '../services/sessions';
import { AuditCoalescer, reasonCode, type CoalesceLimits } from './audit-coalescer';
import { TokenBucket, type BucketLimits } from './token-bucket';

export interface CallLimits {
  /** All calls made without a session (sign-in, first-run setup, forged or expired tokens, unknown channels). */
  anonymous: BucketLimits;
  /** Refused calls of one signed-in session. */
  refusalsPerSession: BucketLimits;
  coalesce: CoalesceLimits;
}

/** Generous for a person at a keyboard, tight for a script: 60 at once, then 10 a second. */
export const DEFAULT_CALL_LIMITS: CallLimits = {
  anonymous: { capacity: 60, perSecond: 10 },
  refusalsPerSession: { capacity: 60, perSecond: 10 },
  coalesce: { perKeyPerMinute: 5, perCallerPerMinute: 30 },
};

export interface CallGuardDeps {
  nowMs: () => number;
  newId: () => string;
  /** Writes one audit row on its own (the store's audit-only write). */
  writeAudit: (entry: AuditEntry) => void;
  log: (message: string) => void;
}

const FLUSH_EVERY_MS = 15_000;

export class CallGuard {
  private readonly anonymous: TokenBucket;
  private readonly sessionBuckets = new Map<string, TokenBucket>();
  private readonly coalescer: AuditCoalescer;
  private readonly timer: NodeJS.Timeout;
  private damage: string | null = null;

  constructor(
    private readonly limits: CallLimits,
    private readonly deps: CallGuardDeps,
  ) {
    const now = deps.nowMs();
    this.anonymous = new TokenBucket(limits.anonymous, now);
    this.coalescer = new AuditCoalescer(limits.coalesce, (e) => this.safeWrite(e), deps.newId, now);
    this.timer = setInterval(() => this.tick(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  /** The database was found damaged: from now on every call is answered with this. */
  markDamaged(problem: string): void {
    this.damage = problem;
  }

  get damaged(): string | null {
    return this.damage;
  }

  /** Before a call: an error to answer with straight away, or null to go on. */
  admit(session: Session | null): RpcError | null {
    if (this.damage) {
      return {
        code: 'unavailable',
        message: `SONAR's database on this computer is damaged and SONAR has stopped using it (${this.damage.slice(0, 200)}). Nothing more can be seen or saved here. Contact site IT now; use the downtime procedure meanwhile.`,
      };
    }
    const now = this.deps.nowMs();
    if (!session) {
      if (this.anonymous.take(now)) return null;
      return { code: 'rate_limited', message: 'Too many requests in a short time. Wait a few seconds and try again.' };
    }
    const bucket = this.sessionBuckets.get(session.token);
    if (bucket && !bucket.has(now)) {
      return { code: 'rate_limited', message: 'Too many refused requests in a short time. Wait a few seconds and try again.' };
    }
    return null;
  }

  /** Writes a call's audit row, or counts it into this minute's summary. */
  audit(entry: AuditEntry, session: Session | null, write: (entry: AuditEntry) => void): void {
    const now = this.deps.nowMs();
    this.coalescer.roll(now);
    if (entry.outcome === 'refused' && session) {
      let bucket = this.sessionBuckets.get(session.token);
      if (!bucket) {
        bucket = new TokenBucket(this.limits.refusalsPerSession, now);
        this.sessionBuckets.set(session.token, bucket);
      }
      bucket.take(now);
    }
    if (coalescible(entry, session) && this.coalescer.absorb(entry, now)) return;
    write(entry);
  }

  /** Writes what has been counted (the app is closing) and stops the timer. */
  close(): void {
    clearInterval(this.timer);
    this.coalescer.flush(this.deps.nowMs());
  }

  private tick(): void {
    const now = this.deps.nowMs();
    this.coalescer.roll(now);
    for (const [token, bucket] of this.sessionBuckets) if (bucket.full(now)) this.sessionBuckets.delete(token);
  }

  private safeWrite(entry: AuditEntry): void {
    if (this.damage) return;
    try {
      this.deps.writeAudit(entry);
    } catch (err) {
      this.deps.log(`audit summary write failed: ${(err as Error).message}`);
    }
  }
}

/**
 * Refusals of a signed-in user that say nothing about what they tried to reach: malformed input,
 * calls turned away by the rate limit, calls while locked. A refusal for lack of permission or of a
 * relationship with a person is a governance event and is always recorded on its own (the
 * session's rate limit bounds how many there can be).
 */
const SESSION_NOISE = new Set(['invalid_input', 'rate_limited', 'locked', 'password_change_required']);

/**
 * Calls nobody is accountable for (no session), except sign-ins and first-run setup that succeed,
 * and a signed-in user's noise. Successful calls of a signed-in user and failures are always
 * recorded one by one.
 */
function coalescible(entry: AuditEntry, session: Session | null): boolean {
  if (entry.outcome === 'failed') return false;
  if (entry.outcome === 'ok') return !session && entry.channel !== 'auth.signIn' && entry.channel !== 'setup.createFirstAdmin';
  return !session || SESSION_NOISE.has(reasonCode(entry.reason));
}
