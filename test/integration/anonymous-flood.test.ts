// Issue 7 item 5: a caller without a session (or one whose calls keep being refused) cannot fill
// the disk with audit rows. Calls beyond the rate limit are turned away before any work, and the
// audit rows of such calls are coalesced into a count per minute and reason, which adds up.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CALL_LIMITS } from '../../main/rpc/call-guard';
import { signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

let site: TempSite | null = null;
afterEach(() => {
  site?.cleanup();
  site = null;
});

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

interface CoalescedDetail {
  coalesced: number;
}

function auditRows(s: TempSite, sinceSeq: number): { individual: number; summaries: number; counted: number } {
  const rows = s.app.store.raw.prepare('SELECT action, detail FROM audit_events WHERE seq > ?').all(sinceSeq) as { action: string; detail: string | null }[];
  let summaries = 0;
  let counted = 0;
  for (const r of rows) {
    const detail = r.detail ? (JSON.parse(r.detail) as Partial<CoalescedDetail>) : {};
    if (typeof detail.coalesced === 'number') {
      summaries++;
      counted += detail.coalesced;
    }
  }
  return { individual: rows.length - summaries, summaries, counted };
}

const lastSeq = (s: TempSite) => (s.app.store.raw.prepare('SELECT coalesce(max(seq), 0) FROM audit_events').pluck().get() as number);

describe('a flood of calls without a session', () => {
  it('is rate-limited and leaves a bounded, complete audit', async () => {
    offsetMs = 0;
    site = await startTempSite({ now: clock });
    const since = lastSeq(site);
    const calls = 2000;
    const codes: Record<string, number> = {};
    for (let i = 0; i < calls; i++) {
      const kind = i % 4;
      const r =
        kind === 0
          ? await site.app.router.handle('setup.status', {}, null)
          : kind === 1
            ? await site.app.router.handle('patients.search', { query: 'jones' }, 'forged-token')
            : kind === 2
              ? await site.app.router.handle(`no.such.channel.${i}`, {}, null)
              : await site.app.router.handle('auth.signIn', { username: 'x', password: 'y' }, null);
      const code = r.ok ? 'ok' : r.error.code;
      codes[code] = (codes[code] ?? 0) + 1;
    }
    // Only the first burst gets through; the rest are turned away before any work.
    expect(codes.rate_limited).toBeGreaterThan(calls - DEFAULT_CALL_LIMITS.anonymous.capacity - 20);

    const during = auditRows(site, since);
    expect(during.individual).toBeLessThanOrEqual(DEFAULT_CALL_LIMITS.coalesce.perCallerPerMinute);

    // The minute ends: one summary row per reason, and the counts add up to every call.
    offsetMs += 61_000;
    await site.app.router.handle('setup.status', {}, null);
    const after = auditRows(site, since);
    expect(after.summaries).toBeLessThanOrEqual(6);
    expect(after.individual + after.counted).toBe(calls + 1);
    console.log(`flood: ${calls} calls answered ${JSON.stringify(codes)}; audit rows ${after.individual} individual + ${after.summaries} summaries counting ${after.counted}`);
  });
});

describe('a signed-in session whose calls keep being refused', () => {
  it('is slowed down, its refusals are coalesced, and it recovers after a pause', async () => {
    offsetMs = 0;
    site = await startTempSite({ now: clock });
    const token = await signedInAdmin(site);
    const since = lastSeq(site);
    const codes: Record<string, number> = {};
    for (let i = 0; i < 300; i++) {
      const r = await site.app.router.handle('patients.get', { personId: 'not-a-uuid' }, token);
      const code = r.ok ? 'ok' : r.error.code;
      codes[code] = (codes[code] ?? 0) + 1;
    }
    expect(codes.invalid_input).toBe(DEFAULT_CALL_LIMITS.refusalsPerSession.capacity);
    expect(codes.rate_limited).toBe(300 - DEFAULT_CALL_LIMITS.refusalsPerSession.capacity);
    expect(auditRows(site, since).individual).toBeLessThanOrEqual(DEFAULT_CALL_LIMITS.coalesce.perCallerPerMinute);

    offsetMs += 61_000;
    expect((await site.app.router.handle('auth.session', {}, token)).ok).toBe(true);
    const after = auditRows(site, since);
    expect(after.individual + after.counted).toBe(301);
  });
});
