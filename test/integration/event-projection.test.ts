// The site's clinical tables are the projection of its event log (issue: every clinical change is a
// typed event). Random sequences of real channel calls over every writing channel; then:
//  - every logged event parses with the contract and its content hash verifies;
//  - rebuilding every clinical table from the log into a fresh encrypted file gives the same rows;
//  - applying every event a second time changes nothing.
import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clinicalEventSchema } from '../../contract/sync/events';
import { contentHashVerifies } from '../../db/event-hash';
import { openStore, type RawDb } from '../../db/open';
import { clinicalTableNames } from '../../db/projector/clinical-tables';
import { compareClinicalTables, rebuildFromLog } from '../../db/projector/rebuild';
import { FileKeyStore } from '../../main/keys/file-key-store';
import { actionArbitrary, actionRunner, tour, WRITING_CHANNELS } from '../support/event-actions';
import { signedInAdmin, startTempSite } from '../support/temp-site';
import { staffSession } from '../support/staff';

const totals: Record<string, { ok: number; refused: number }> = {};
let events = 0;
let runs = 0;

function snapshot(raw: RawDb): string {
  return JSON.stringify(clinicalTableNames.map((t) => raw.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

afterAll(() => {
  console.log(`[event-projection] ${runs} sequences, ${events} events; calls by channel: ${JSON.stringify(totals)}`);
});

describe('the event log and its projection', () => {
  it('rebuilds to identical tables, every event verifies, and a second application changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('custody' as const, 'prison' as const), fc.array(actionArbitrary, { minLength: 8, maxLength: 40 }), async (siteType, random) => {
        const actions = [...tour(siteType), ...random];
        let clock = Date.parse('2026-11-23T08:00:00Z');
        const site = await startTempSite({ now: () => new Date(clock), siteType });
        try {
          const token = await signedInAdmin(site);
          // The substance misuse team's work is done by two SMS workers (keyworker reassignment needs two).
          const smsToken = await staffSession(site, token, 'sms-one', ['sms_clinical']);
          await staffSession(site, token, 'sms-two', ['sms_clinical']);
          const workers = site.app.store.raw.prepare("SELECT id FROM users WHERE username IN ('sms-one', 'sms-two') ORDER BY username").pluck().all() as string[];
          const runner = actionRunner(
            site,
            token,
            () => {
              clock += 5_000;
              return new Date(clock).toISOString();
            },
            { token: smsToken, workers },
          );
          for (const action of actions) await runner.run(action);
          for (const [channel, c] of Object.entries(runner.counts)) {
            const t = (totals[channel] ??= { ok: 0, refused: 0 });
            t.ok += c.ok;
            t.refused += c.refused;
          }

          const raw = site.app.store.raw;
          const log = site.app.store.projector.log;
          const logged = log.page(0, 100_000);
          events += logged.length;
          runs++;
          for (const { event } of logged) {
            expect(clinicalEventSchema.safeParse(event).success).toBe(true);
            expect(contentHashVerifies(event)).toBe(true);
          }

          const rebuiltFile = join(site.dataDir, 'rebuilt.db');
          const rebuilt = openStore({ file: rebuiltFile, key: new FileKeyStore(join(site.dataDir, 'db.key')).read(), create: true });
          try {
            expect(rebuildFromLog(raw, rebuilt, site.app.site.siteCode)).toBe(logged.length);
            expect(compareClinicalTables(raw, rebuilt.raw)).toEqual([]);
          } finally {
            rebuilt.close();
            rmSync(rebuiltFile, { force: true });
          }

          const before = snapshot(raw);
          const outcomes = site.app.store.applyReceived(logged.map((l) => l.event), new Date(clock));
          expect(new Set(outcomes)).toEqual(logged.length ? new Set(['duplicate']) : new Set());
          expect(snapshot(raw)).toBe(before);
          expect(log.count()).toBe(logged.length);
        } finally {
          site.cleanup();
        }
      }),
      { numRuns: 12 },
    );
    for (const channel of WRITING_CHANNELS) expect(totals[channel]?.ok ?? 0, channel).toBeGreaterThan(0);
  }, 240_000);
});
