// Push, pull, lookup and conflicts at the central, over mutual TLS with the site's own client, on
// PGlite and (when DATABASE_URL names a server) on PostgreSQL. Events are built and content-hashed
// by test sites exactly as a site pushes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { runAdminCommand } from '../../central/admin/commands';
import type { PullPage, PushResponse } from '../../contract/sync/wire';
import type { CentralClient } from '../../main/sync/central-client';
import { centralBackends } from './central-support/backends';
import { SiteEvents } from './central-support/events';
import { openAgreement, startTestCentral, type TestCentral } from './central-support/harness';

const HEAD = { count: 0, hash: '0'.repeat(64) };
const today = () => new Date().toISOString().slice(0, 10);

/** Pulls until the central says there is no more, returning every page. */
async function pullAll(client: CentralClient, cursor: string | null, limit?: number): Promise<{ pages: PullPage[]; cursor: string | null }> {
  const pages: PullPage[] = [];
  for (let i = 0; i < 200; i++) {
    const page = await client.pull({ cursor, ...(limit ? { limit } : {}) });
    pages.push(page);
    cursor = page.nextCursor;
    if (!page.more) break;
  }
  return { pages, cursor };
}

const eventsOf = (pages: PullPage[]) => pages.flatMap((p) => p.events);

describe.each(centralBackends())('the central record on $name', (backend) => {
  let t: TestCentral;
  let offsetMs = 0;
  let custody: CentralClient;
  let prison: CentralClient;
  let police: CentralClient;
  let custodyEvents: SiteEvents;
  let prisonEvents: SiteEvents;
  let batch = 0;
  const push = (client: CentralClient, events: unknown[]): Promise<PushResponse> => client.push({ batchSeq: ++batch, auditHead: HEAD, events });

  const person = uuidv7();
  const nhs = '9434765919';
  let prisonCursor: string | null = null;
  let custodyCursor: string | null = null;

  beforeAll(async () => {
    t = await startTestCentral(backend, { now: () => new Date(Date.now() + offsetMs) });
    custody = t.client(await t.register('CUST01', 'custody_healthcare'));
    prison = t.client(await t.register('PRIS01', 'prison_healthcare'));
    police = t.client(await t.register('POL01', 'police'));
    await t.loadAgreements([openAgreement('DSA-CUSTODY-PRISON', ['custody_healthcare'], ['prison_healthcare']), openAgreement('DSA-PRISON-CUSTODY', ['prison_healthcare'], ['custody_healthcare'])]);
    custodyEvents = new SiteEvents('CUST01');
    prisonEvents = new SiteEvents('PRIS01', { id: 'n7', name: 'Sam Patel', role: 'prison_nurse' });
  }, 180_000);
  afterAll(async () => t?.close());

  it('accepts a batch and answers per event, in order, with global sequence numbers', async () => {
    const batchEvents = [custodyEvents.register(person), custodyEvents.identifier(person, 'nhs_number', nhs), custodyEvents.stayStarted(person), custodyEvents.flagRaised(person)];
    const answer = await push(custody, batchEvents);
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const seqs = answer.results.map((r) => (r.status === 'accepted' ? r.seq : 0));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(4);
  });

  it('rejects a malformed, tampered, clock-ahead or system-role event by name and still takes the rest', async () => {
    const good = custodyEvents.flagRaised(person, 'ACCT_OPEN');
    const tampered = { ...custodyEvents.flagRaised(person, 'WITHDRAWAL'), payload: { ...custodyEvents.flagRaised(person).payload, severity: 'low' } };
    // A separate clock: the site's own clock would stay ahead after this event.
    const ahead = new SiteEvents('CUST01').make('flag.raised', 'flag', { personId: person, recordId: uuidv7(), baseVersion: null, sensitivity: 'risk_flags' }, good.payload, Date.now() + 3 * 3_600_000);
    const system = new SiteEvents('CUST01', { id: 'x', name: 'x', role: 'custody_hcp' });
    const systemRole = { ...system.flagRaised(person), author: { id: 'x', name: 'x', role: 'system' } };
    const answer = await push(custody, [good, { eventId: 'nonsense' }, tampered, ahead, systemRole]);
    expect(answer.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual(['accepted', 'invalid', 'hash_mismatch', 'clock_ahead', 'not_permitted']);
    const reasons = answer.results.map((r) => (r.status === 'rejected' ? r.reason : ''));
    expect(reasons[3]).toMatch(/ahead of the central's clock/);
  });

  it('anchors the site’s audit chain head and names a head that went back or was rewritten', async () => {
    const someone = uuidv7();
    const at = (count: number, hash: string) => custody.push({ batchSeq: ++batch, auditHead: { count, hash }, events: [custodyEvents.flagRaised(someone, 'ANCHOR_TEST')] });
    expect((await at(40, 'a'.repeat(64))).auditAnchor).toEqual({ count: 40, hash: 'a'.repeat(64), anomaly: null });
    expect((await at(45, 'b'.repeat(64))).auditAnchor.anomaly).toBeNull();
    expect((await at(30, 'c'.repeat(64))).auditAnchor.anomaly).toMatch(/went back from 45 rows to 30/);
    expect((await at(30, 'd'.repeat(64))).auditAnchor.anomaly).toMatch(/changed at the same row count \(30\)/);
    const anchors = await custody.auditAnchors();
    expect(anchors.anchors.slice(0, 4).map((a) => a.count)).toEqual([30, 30, 45, 40]);
  });

  it('finds the person by NHS number at another site, with the permitted events oldest first, audited, and subscribes the site', async () => {
    const answer = await prison.lookup({ identifier: { type: 'nhs_number', value: '943 476 5919' }, purpose: 'direct_care', user: { id: 'n7', name: 'Sam Patel', role: 'prison_nurse' } });
    expect(answer.people, JSON.stringify(answer)).toHaveLength(1);
    const found = answer.people[0]!;
    expect(found.personId).toBe(person);
    expect(found.decisions).toEqual([expect.objectContaining({ originSite: 'CUST01', outcome: 'permit', agreement: { id: 'DSA-CUSTODY-PRISON', version: 1 } })]);
    expect(found.events[0]?.type).toBe('person.registered');
    expect(found.events.map((e) => e.originSite)).toEqual(found.events.map(() => 'CUST01'));
    expect(found.events.filter((e) => e.type === 'flag.raised').map((e) => (e.type === 'flag.raised' ? e.payload.code : ''))).toEqual(['SELF_HARM', 'ACCT_OPEN']);
    expect(found.subscribedUntil).not.toBeNull();

    const audit = (await runAdminCommand({ store: t.central.store, ca: t.central.ca, now: () => new Date() }, {
      command: 'disclosures.query',
      identifier: { type: 'nhs_number', value: nhs },
      limit: 100,
      requestedBy: 'governance lead',
    })) as { rows: { kind: string; userName: string | null; siteCode: string | null; purpose: string | null; outcome: string }[] };
    expect(audit.rows).toEqual([expect.objectContaining({ kind: 'lookup', userName: 'Sam Patel', siteCode: 'PRIS01', purpose: 'direct_care', outcome: 'permit' })]);
  });

  it('names what a partner role may not see instead of hiding it', async () => {
    const answer = await prison.lookup({ identifier: { type: 'nhs_number', value: nhs }, purpose: 'direct_care', user: { id: 'p1', name: 'PC Jones', role: 'partner_police' } });
    const decision = answer.people[0]!.decisions[0]!;
    expect(decision.permitted.sort()).toEqual(['demographics', 'risk_flags']);
    expect(decision.withheld.map((w) => w.category)).toContain('mental_health');
    expect(decision.withheld.find((w) => w.category === 'mental_health')?.rule).toMatch(/need-to-know summary/);
  });

  it('refuses the lookup where no agreement covers the two organisations, with the rule', async () => {
    const answer = await police.lookup({ identifier: { type: 'nhs_number', value: nhs }, purpose: 'direct_care', user: { id: 'p2', name: 'Custody Sgt Lee', role: 'partner_police' } });
    const found = answer.people[0]!;
    expect(found.decisions[0]).toMatchObject({ originSite: 'CUST01', outcome: 'deny' });
    expect(found.decisions[0]!.rule).toMatch(/no data-sharing agreement in force .* custody_healthcare to police/);
    expect(found.events).toEqual([]);
    expect(found.subscribedUntil).toBeNull();
    const page = await police.pull({ cursor: null });
    expect(page.events).toEqual([]);
  });

  it('delivers a later flag to the subscribed site without a new lookup, wakes it promptly, and never returns a site its own events', async () => {
    const first = await pullAll(prison, null);
    prisonCursor = first.cursor;
    expect(eventsOf(first.pages).every((e) => e.originSite !== 'PRIS01')).toBe(true);

    const waiting = prison.waitForChanges({ cursor: prisonCursor, waitMs: 20_000 });
    const started = Date.now();
    const flag = custodyEvents.flagRaised(person, 'OPIATE_WITHDRAWAL', 'substance_use');
    await push(custody, [flag]);
    await expect(waiting).resolves.toMatchObject({ changed: true });
    expect(Date.now() - started).toBeLessThan(5_000);

    const next = await pullAll(prison, prisonCursor);
    prisonCursor = next.cursor;
    expect(eventsOf(next.pages).map((e) => e.eventId)).toEqual([flag.eventId]);

    const stay = prisonEvents.stayStarted(person, 'prison');
    expect((await push(prison, [stay])).results[0]?.status).toBe('accepted');
    const own = await pullAll(prison, prisonCursor);
    prisonCursor = own.cursor;
    expect(eventsOf(own.pages)).toEqual([]);
    // The custody site wrote about the person, so it hears of the prison's stay.
    const atCustody = await pullAll(custody, null);
    custodyCursor = atCustody.cursor;
    expect(eventsOf(atCustody.pages).map((e) => e.eventId)).toContain(stay.eventId);
    expect(eventsOf(atCustody.pages).every((e) => e.originSite !== 'CUST01')).toBe(true);
  });

  it('raises a conflict for two single-valued edits from the same base version, keeps both, and takes the resolution as an event', async () => {
    const flag = custodyEvents.flagRaised(person, 'CONFLICT_ME');
    await push(custody, [flag]);
    prisonCursor = (await pullAll(prison, prisonCursor)).cursor;

    const fromCustody = custodyEvents.flagUpdated(person, flag.recordId, 1, 'severe');
    const fromPrison = prisonEvents.flagUpdated(person, flag.recordId, 1, 'low');
    expect((await push(custody, [fromCustody])).results[0]?.status).toBe('accepted');
    const second = (await push(prison, [fromPrison])).results[0]!;
    expect(second.status).toBe('conflict');
    const conflictId = second.status === 'conflict' ? second.conflictId : '';

    for (const [client, cursor, other] of [
      [prison, prisonCursor, fromCustody],
      [custody, custodyCursor, fromPrison],
    ] as const) {
      const got = eventsOf((await pullAll(client, cursor)).pages);
      expect(got.map((e) => e.eventId)).toContain(other.eventId);
      const detected = got.find((e) => e.type === 'conflict.detected');
      expect(detected).toMatchObject({ recordId: conflictId, originSite: 'CENTRAL', author: { role: 'system' } });
      if (detected?.type === 'conflict.detected') expect(detected.payload).toEqual({ recordType: 'flag', recordId: flag.recordId, eventIds: [fromCustody.eventId, fromPrison.eventId] });
    }

    const resolution = custodyEvents.conflictResolved(person, conflictId, fromPrison.eventId);
    expect((await push(custody, [resolution])).results[0]?.status).toBe('accepted');
    const conflicts = (await runAdminCommand({ store: t.central.store, ca: t.central.ca, now: () => new Date() }, { command: 'conflicts.list', openOnly: false })) as {
      id: string;
      status: string;
      kept_event_id: string;
    }[];
    expect(conflicts.find((c) => c.id === conflictId)).toMatchObject({ status: 'resolved', kept_event_id: fromPrison.eventId });
    const atPrison = await pullAll(prison, prisonCursor);
    prisonCursor = atPrison.cursor;
    expect(eventsOf(atPrison.pages).map((e) => e.eventId)).toContain(resolution.eventId);
  });

  it('re-decides policy on every page: a dissent mid-stream withholds further events with the reason and sends removes', async () => {
    const flags = [custodyEvents.flagRaised(person, 'PAGE_ONE'), custodyEvents.flagRaised(person, 'PAGE_TWO')];
    await push(custody, flags);
    const page1 = await prison.pull({ cursor: prisonCursor, limit: 1 });
    expect(page1.events.map((e) => e.eventId)).toEqual([flags[0]!.eventId]);
    expect(page1.more).toBe(true);

    const dissent = custodyEvents.consent(person, 'do_not_share', ['risk_flags'], today());
    await push(custody, [dissent]);
    const rest = await pullAll(prison, page1.nextCursor);
    prisonCursor = rest.cursor;
    const delivered = eventsOf(rest.pages);
    expect(delivered.map((e) => e.eventId)).not.toContain(flags[1]!.eventId);
    const withheld = rest.pages.flatMap((p) => p.withheld);
    expect(withheld).toContainEqual(expect.objectContaining({ personId: person, originSite: 'CUST01', category: 'risk_flags', rule: expect.stringMatching(/declined sharing of risk_flags/) }));
    const removes = rest.pages.flatMap((p) => p.removes);
    expect(removes).toContainEqual(expect.objectContaining({ personId: person, categories: ['risk_flags'], originSites: ['CUST01'] }));
    // Other categories still flow.
    const substance = custodyEvents.flagRaised(person, 'ALCOHOL', 'substance_use');
    await push(custody, [substance]);
    const after = await pullAll(prison, prisonCursor);
    prisonCursor = after.cursor;
    expect(eventsOf(after.pages).map((e) => e.eventId)).toEqual([substance.eventId]);
    expect(after.pages.flatMap((p) => p.removes)).toEqual([]);
  });

  it('sends a new stay subscription the person’s earlier events (snapshot) even when its cursor is past them', async () => {
    const other = uuidv7();
    const history = [custodyEvents.register(other, 'JONES', 'Ann'), custodyEvents.flagRaised(other, 'EARLY_FLAG')];
    await push(custody, history);
    prisonCursor = (await pullAll(prison, prisonCursor)).cursor; // the prison is not subscribed: nothing of them
    await push(prison, [prisonEvents.stayStarted(other, 'prison')]);
    const snapshot = eventsOf((await pullAll(prison, prisonCursor)).pages);
    expect(snapshot.map((e) => e.eventId)).toEqual(history.map((e) => e.eventId));
  });

  it('tells a site to remove a person once its lookup subscription lapses', async () => {
    const lapsing = uuidv7();
    await push(custody, [custodyEvents.register(lapsing, 'BROWN', 'Lee'), custodyEvents.identifier(lapsing, 'pnc_id', '2003/0012345N')]);
    const other = t.client(await t.register('PRIS02', 'prison_healthcare'));
    const found = await other.lookup({ identifier: { type: 'pnc_id', value: '2003/0012345N' }, purpose: 'direct_care', user: { id: 'n9', name: 'Kim Li', role: 'prison_nurse' } });
    expect(found.people[0]?.events).toHaveLength(2);
    let cursor = (await pullAll(other, null)).cursor;

    offsetMs = 73 * 3_600_000;
    try {
      const lapsed = await pullAll(other, cursor);
      cursor = lapsed.cursor;
      expect(lapsed.pages.flatMap((p) => p.removes)).toContainEqual({ personId: lapsing, categories: 'all', originSites: 'all', reason: expect.stringMatching(/lookup subscription lapsed/) });
      await push(custody, [custodyEvents.flagRaised(lapsing, 'AFTER_LAPSE')]);
      expect(eventsOf((await pullAll(other, cursor)).pages)).toEqual([]);
    } finally {
      offsetMs = 0;
    }
  });
});
