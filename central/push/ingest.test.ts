// One push batch that mixes every outcome: new events, a second copy of an event within the batch,
// events the central already holds, a tampered event, an id reused for different content, an event
// naming another person's record, and an edit that competes with one earlier in the same batch.
// Each must get exactly its own status and log number, the conflict event must take the number right
// after the edit that raised it, and a retry of the whole batch must change nothing. On PGlite always,
// and on a PostgreSQL server when DATABASE_URL names one.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResult } from '../../contract/sync/wire';
import { centralBackends } from '../../test/integration/central-support/backends';
import { hashEvent, SiteEvents } from '../../test/integration/central-support/events';
import { openCentralStore, rowsOf, type CentralStore } from '../db/open';
import { defaultSettings } from '../settings';
import { ingestBatch } from './ingest';

const HEAD = { count: 3, hash: 'a'.repeat(64) };
const seqOf = (r: PushResult | undefined) => (r && r.status !== 'rejected' ? r.seq : undefined);

describe.each(centralBackends())('one push batch with every outcome mixed ($name)', (backend) => {
  let store: CentralStore;
  let drop: () => Promise<void>;
  const site = new SiteEvents('CUST01');
  const other = new SiteEvents('CUST01', { id: 'n2', name: 'Jo Reid', role: 'custody_hcp' });
  const person = uuidv7();
  const stranger = uuidv7();
  const push = (batchSeq: number, events: unknown[]) => ingestBatch(store, { site: 'CUST01', batchSeq, auditHead: HEAD, events }, defaultSettings, () => new Date());

  beforeAll(async () => {
    const db = await backend.create();
    drop = db.drop;
    store = await openCentralStore({ databaseUrl: db.url, pgliteDir: null });
    await store.db.execute(sql`INSERT INTO sites (code, name, org_type, registered_at) VALUES ('CUST01', 'Custody one', 'custody_healthcare', now())`);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await drop?.();
  });

  it('answers each event with its own status and log number, in batch order', async () => {
    const registered = site.register(person);
    const flag = site.flagRaised(person);
    const strangersFlag = site.flagRaised(stranger);
    const first = await push(1, [registered, flag, strangersFlag]);
    expect(first.response.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const firstSeqs = first.response.results.map(seqOf) as number[];

    const update = site.flagUpdated(person, flag.recordId, 1, 'severe');
    const rival = other.flagUpdated(person, flag.recordId, 1, 'low');
    const tampered = { ...site.flagRaised(person, 'TAMPERED'), payload: { ...flag.payload, severity: 'low' } };
    const reused = hashEvent({ ...registered, payload: { ...registered.payload, familyName: 'JONES' } } as unknown as Omit<typeof registered, 'contentHash'>);
    const wrongPerson = site.flagUpdated(person, strangersFlag.recordId, 1, 'low');
    const fresh = site.flagRaised(person, 'NEW_FLAG');
    const batch = [update, update, registered, tampered, rival, reused, wrongPerson, fresh, tampered, rival];
    const second = await push(2, batch);
    const results = second.response.results;
    expect(results.map((r) => r.index)).toEqual(batch.map((_, i) => i));
    expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'duplicate', 'rejected', 'conflict', 'rejected', 'rejected', 'accepted', 'rejected', 'duplicate']);
    expect(results.map((r) => (r.status === 'rejected' ? r.code : null))).toEqual([null, null, null, 'hash_mismatch', null, 'id_reused', 'inconsistent', null, 'hash_mismatch', null]);

    const [updateSeq, copySeq, knownSeq, , rivalSeq, , , freshSeq, , rivalCopySeq] = results.map(seqOf);
    expect(copySeq).toBe(updateSeq);
    expect(knownSeq).toBe(firstSeqs[0]);
    expect(rivalCopySeq).toBe(rivalSeq);
    // New events follow the earlier batch in batch order; the conflict event sits right after its cause.
    expect(updateSeq).toBe((firstSeqs[2] as number) + 1);
    expect(rivalSeq).toBe((updateSeq as number) + 1);
    expect(freshSeq).toBe((rivalSeq as number) + 2);
    expect(second.head).toBe(freshSeq);

    const conflictId = results[4]?.status === 'conflict' ? results[4].conflictId : '';
    const logged = rowsOf<{ seq: string | number; type: string; record_id: string; body: { payload: unknown } }>(
      await store.db.execute(sql`SELECT l.seq, e.type, e.record_id, e.body FROM event_log l JOIN events e ON e.event_id = l.event_id WHERE l.seq = ${(rivalSeq as number) + 1}`),
    )[0];
    expect(logged).toMatchObject({ type: 'conflict.detected', record_id: conflictId });
    expect(logged?.body.payload).toEqual({ recordType: 'flag', recordId: flag.recordId, eventIds: [update.eventId, rival.eventId] });

    const record = rowsOf<{ version: number; head_event_id: string; open_conflict_id: string | null }>(
      await store.db.execute(sql`SELECT version, head_event_id, open_conflict_id FROM records WHERE record_type = 'flag' AND record_id = ${flag.recordId}`),
    )[0];
    expect(record).toEqual({ version: 2, head_event_id: rival.eventId, open_conflict_id: conflictId });
    const stored = rowsOf<{ n: string | number }>(await store.db.execute(sql`SELECT count(*) AS n FROM event_log`))[0];
    expect(Number(stored?.n)).toBe(3 + 4);

    // The same batch again (a retry after a lost answer): every stored event is a duplicate with its number.
    const retry = await push(3, batch);
    expect(retry.response.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'rejected', 'duplicate', 'rejected', 'rejected', 'duplicate', 'rejected', 'duplicate']);
    expect(retry.response.results.map(seqOf)).toEqual(results.map((r) => (r.status === 'rejected' ? undefined : seqOf(r))));
    const after = rowsOf<{ n: string | number; conflicts: string | number }>(
      await store.db.execute(sql`SELECT (SELECT count(*) FROM event_log) AS n, (SELECT count(*) FROM conflicts) AS conflicts`),
    )[0];
    expect([Number(after?.n), Number(after?.conflicts)]).toEqual([7, 1]);
  });
});
