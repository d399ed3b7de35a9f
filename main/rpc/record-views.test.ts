// Issue 8: opening a record writes one "viewed record" row, not one per section the screen reads.
// The reads the record screen makes are covered by that row while the view is open; anything else
// (another person, after the window, a refusal) is audited as before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName } from '../../contract/channels';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';
import { VIEW_WINDOW_MS } from './record-views';

let site: TempSite;
let token: string;
let nowMs: number;
const person = (familyName: string) => ({ familyName, givenNames: 'Test', title: null, birthDate: '1980-01-01', sex: 'unknown' as const, nhsNumber: null });

beforeEach(async () => {
  nowMs = Date.parse('2026-11-23T10:00:00Z');
  site = await startTempSite({ now: () => new Date(nowMs) });
  token = await signedInAdmin(site);
});
afterEach(() => site.cleanup());

/** What the record screen asks for after patients.get. */
const sectionReads = (personId: string): [ChannelName, unknown][] => [
  ['stays.list', { personId }],
  ['flags.list', { personId, includeEnded: true }],
  ['forms.templates', {}],
  ['handover.list', { personId }],
  ['forms.list', { personId, templateId: null, includeHistory: true }],
  ['tasks.list', { personId, status: 'all' }],
  ['referrals.list', { personId }],
  ['consent.list', { personId }],
];

const auditRows = () => site.count('audit_events');
const rowsFor = (personId: string) => site.app.store.raw.prepare('SELECT action FROM audit_events WHERE person_id = ? ORDER BY seq').pluck().all(personId);

async function openRecord(personId: string) {
  await site.ok('patients.get', { personId }, token);
  for (const [channel, input] of sectionReads(personId)) await site.ok(channel, input as ChannelInput<typeof channel>, token);
}

describe('one record open, one audit row', () => {
  it('writes a single "viewed record" row for the record and all its sections', async () => {
    const { personId } = await site.ok('patients.register', person('Viewed'), token);
    const before = auditRows();
    await openRecord(personId);
    expect(auditRows() - before).toBe(1);
    expect(rowsFor(personId)).toEqual(['registered person', 'viewed record']);
  });

  it('writes a row again for each new open, and audits sections of a record not open', async () => {
    const { personId: a } = await site.ok('patients.register', person('Alpha'), token);
    const { personId: b } = await site.ok('patients.register', person('Bravo'), token);
    await openRecord(a);
    await openRecord(a);
    expect(rowsFor(a)).toEqual(['registered person', 'viewed record', 'viewed record']);
    // B's flags read while A's record is the one open: audited on its own.
    await site.ok('flags.list', { personId: b, includeEnded: false }, token);
    expect(rowsFor(b)).toEqual(['registered person', 'viewed flags']);
  });

  it('audits section reads once the view has run out', async () => {
    const { personId } = await site.ok('patients.register', person('Later'), token);
    await openRecord(personId);
    // Still at work (each step shorter than the idle lock), until the view has run out.
    for (let spent = 0; spent <= VIEW_WINDOW_MS; spent += 3 * 60_000) {
      nowMs += 3 * 60_000;
      await site.ok('patients.search', { query: 'someone else' }, token);
    }
    await site.ok('stays.list', { personId }, token);
    expect(rowsFor(personId)).toEqual(['registered person', 'viewed record', 'viewed stays']);
  });

  it('never covers a read by another session', async () => {
    const { personId } = await site.ok('patients.register', person('Other'), token);
    await site.ok('patients.get', { personId }, token);
    const { token: other } = await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD });
    await site.ok('flags.list', { personId, includeEnded: false }, other);
    expect(rowsFor(personId)).toEqual(['registered person', 'viewed record', 'viewed flags']);
  });
});
