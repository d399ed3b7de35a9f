// Keeps the audit trail meaningful and bounded under a flood of calls nobody is accountable for
// (no session) or that are refused. In each minute, the first few such calls of each kind are
// recorded one by one, up to a cap per caller; the rest are counted, and when the minute ends one
// row per caller, outcome and reason records how many there were, on which channels, and a sample
// of the usernames and people named. Successful calls of a signed-in user, sign-ins, first-run
// setup and failures are never coalesced: the router decides what is offered here.
import type { AuditEntry } from '../../db/audit-log';

export interface CoalesceLimits {
  /** Individual rows per caller, channel, outcome and reason in one minute. */
  perKeyPerMinute: number;
  /** Individual rows per caller in one minute, whatever the kind. */
  perCallerPerMinute: number;
}

const WINDOW_MS = 60_000;
const SAMPLE = 10;
const CHANNEL_NAMES = 20;

interface Summary {
  first: AuditEntry;
  count: number;
  channels: Map<string, number>;
  usernames: Set<string>;
  personIds: Set<string>;
}

/** The reason's code: "invalid_input: familyName: ..." -> "invalid_input". */
export function reasonCode(reason: string | null): string {
  if (!reason) return 'none';
  const colon = reason.indexOf(':');
  return (colon > 0 ? reason.slice(0, colon) : reason).slice(0, 40);
}

/** Unknown channel names are the caller's own text: one bucket for all of them. */
function channelKey(channel: string): string {
  return channel.startsWith('unknown:') ? 'unknown' : channel;
}

export class AuditCoalescer {
  private windowStart: number;
  private readonly perKey = new Map<string, number>();
  private readonly perCaller = new Map<string, number>();
  private readonly summaries = new Map<string, Summary>();

  constructor(
    private readonly limits: CoalesceLimits,
    private readonly write: (entry: AuditEntry) => void,
    private readonly newId: () => string,
    nowMs: number,
  ) {
    this.windowStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
  }

  /** True when the entry was counted into this minute's summary instead of being written on its own. */
  absorb(entry: AuditEntry, nowMs: number): boolean {
    this.roll(nowMs);
    const caller = entry.userId ?? 'anonymous';
    // A lockout is counted apart from plain failures, so a flood of failures cannot hide one.
    const code = reasonCode(entry.reason) + (entry.detail?.includes('lockedOutForSeconds') ? '+lockout' : '');
    const key = `${caller}|${channelKey(entry.channel)}|${entry.outcome}|${code}`;
    const ofKey = (this.perKey.get(key) ?? 0) + 1;
    const ofCaller = (this.perCaller.get(caller) ?? 0) + 1;
    this.perKey.set(key, ofKey);
    this.perCaller.set(caller, ofCaller);
    if (ofKey <= this.limits.perKeyPerMinute && ofCaller <= this.limits.perCallerPerMinute) return false;

    const summaryKey = `${caller}|${entry.outcome}|${code}`;
    let summary = this.summaries.get(summaryKey);
    if (!summary) {
      summary = { first: entry, count: 0, channels: new Map(), usernames: new Set(), personIds: new Set() };
      this.summaries.set(summaryKey, summary);
    }
    summary.count++;
    const channel = channelKey(entry.channel);
    if (summary.channels.has(channel) || summary.channels.size < CHANNEL_NAMES) summary.channels.set(channel, (summary.channels.get(channel) ?? 0) + 1);
    if (entry.username && summary.usernames.size < SAMPLE) summary.usernames.add(entry.username);
    if (entry.personId && summary.personIds.size < SAMPLE) summary.personIds.add(entry.personId);
    return true;
  }

  /** Starts a new minute when this one is over, writing its summaries. */
  roll(nowMs: number): void {
    if (nowMs < this.windowStart + WINDOW_MS) return;
    this.flush(nowMs);
    this.windowStart = Math.floor(nowMs / WINDOW_MS) * WINDOW_MS;
  }

  /** Writes the summaries counted so far (at the end of a minute, and when the app closes). */
  flush(nowMs: number): void {
    const from = new Date(this.windowStart).toISOString();
    const to = new Date(Math.min(nowMs, this.windowStart + WINDOW_MS)).toISOString();
    const pendingKeys = [...this.summaries.entries()];
    this.summaries.clear();
    this.perKey.clear();
    this.perCaller.clear();
    for (const [key, s] of pendingKeys) {
      const code = key.split('|')[2] ?? reasonCode(s.first.reason);
      const channels = Object.fromEntries(s.channels);
      this.write({
        id: this.newId(),
        at: to,
        userId: s.first.userId,
        username: s.first.userId ? s.first.username : null,
        roles: s.first.roles,
        channel: s.channels.size === 1 ? (s.channels.keys().next().value ?? 'coalesced') : 'coalesced',
        action: `${s.count} more calls like this, counted rather than recorded one by one`,
        personId: null,
        outcome: s.first.outcome,
        reason: `${code}: ${s.count} calls between ${from} and ${to}`,
        detail: JSON.stringify({ coalesced: s.count, from, to, channels, usernames: [...s.usernames], personIds: [...s.personIds] }),
      });
    }
  }
}
