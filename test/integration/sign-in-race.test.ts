// Issue 7 item 3: the sign-in throttle holds whatever the concurrency, and an attempt that cannot
// be recorded is refused without its password being checked. A verified guess answers
// "unauthenticated"; a guess turned away by the throttle answers "throttled" before any hashing.
import { unlinkSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { THROTTLE_POLICY } from '../../domain/access/sign-in-throttle-policy';
import { makeSmallDisk, smallDiskUnavailable } from '../support/small-disk';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

let site: TempSite | null = null;
afterEach(() => {
  site?.cleanup();
  site = null;
});

let offsetMs = 0;
const clock = () => new Date(Date.now() + offsetMs);

function tally(results: { ok: boolean; error?: { code: string } }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) {
    const key = r.ok ? 'ok' : (r.error?.code ?? '?');
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const guesses = (n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => site!.call('auth.signIn', { username: 'ada', password: `wrong guess ${i}` })));

describe('parallel sign-in guesses', () => {
  it('check at most the free attempts, however many arrive at once', async () => {
    offsetMs = 0;
    site = await startTempSite({ now: clock });
    await signedInAdmin(site);
    const results = await guesses(50);
    expect(tally(results)).toEqual({ unauthenticated: THROTTLE_POLICY.freeFailures, throttled: 50 - THROTTLE_POLICY.freeFailures });
  });

  it('check one guess when the wait on a throttled account is over, however many arrive at once', async () => {
    offsetMs = 0;
    site = await startTempSite({ now: clock });
    await signedInAdmin(site);
    for (let i = 0; i < THROTTLE_POLICY.freeFailures; i++) await site.call('auth.signIn', { username: 'ada', password: 'wrong' });
    expect(await site.call('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).toMatchObject({ ok: false, error: { code: 'throttled' } });
    offsetMs += THROTTLE_POLICY.firstDelayMs + 1000;
    const results = await guesses(40);
    expect(tally(results)).toEqual({ unauthenticated: 1, throttled: 39 });
  });
});

describe('a full disk', () => {
  const unavailable = smallDiskUnavailable();
  if (unavailable) console.warn(`full-disk sign-in test not run: ${unavailable}`);

  it.skipIf(unavailable !== null)('refuses sign-in, right password or wrong, when the attempt cannot be recorded; works again once there is room', async () => {
    const disk = makeSmallDisk(4 * 1024 * 1024);
    if ('unavailable' in disk) throw new Error(disk.unavailable);
    try {
      offsetMs = 0;
      site = await startTempSite({ now: clock, dataDir: disk.dir });
      await signedInAdmin(site);
      // Everything on disk so far; the next write has to grow the WAL.
      site.app.store.raw.pragma('wal_checkpoint(TRUNCATE)');
      const filler = disk.fill();

      const wrong = await site.call('auth.signIn', { username: 'ada', password: 'wrong' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/could not record the attempt/) } });
      const right = await site.call('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD });
      expect(right).toMatchObject({ ok: false, error: { code: 'unavailable' } });

      unlinkSync(filler);
      expect((await site.call('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).ok).toBe(true);
    } finally {
      site?.app.close();
      site = null;
      disk.remove();
    }
  });
});
