// The last step of a push, under the log head lock: number the batch's new events in the global
// log (in batch order, each conflict right after the event that raised it) and move the head. The
// lock is held to the commit, so log numbers become visible in order; nothing else is done under it.
import { sql } from 'drizzle-orm';
import type { ClinicalEvent } from '../../contract/sync/events';
import { executePrepared, rowsOf, type CentralTx } from '../db/open';
import type { CentralSettings } from '../settings';
import { ensureAuthorSubscriptions, upsertStaySubscriptions, type StayRow } from '../subscriptions/subscriptions';
import type { MergedStay } from './projection-io';

export async function publish(tx: CentralTx, events: readonly ClinicalEvent[]): Promise<{ seqs: Map<string, number>; head: number }> {
  if (events.length === 0) {
    const row = rowsOf<{ last_seq: string | number }>(await tx.execute(sql`SELECT last_seq FROM log_head WHERE id = 1`))[0];
    return { seqs: new Map(), head: Number(row?.last_seq ?? 0) };
  }
  const rows = events.map((e, i) => ({ i: i + 1, event_id: e.eventId, person_id: e.personId, origin_site: e.originSite, sensitivity: e.sensitivity }));
  // One statement: the head moves (taking its row lock) and the events take the numbers it passed over.
  const row = rowsOf<{ base: string | number | null; logged: string | number }>(
    await executePrepared(tx, 'central_push_publish', sql`
      WITH head AS (
        UPDATE log_head SET last_seq = last_seq + ${rows.length} WHERE id = 1 RETURNING last_seq - ${rows.length} AS base
      ),
      logged AS (
        INSERT INTO event_log (seq, event_id, person_id, origin_site, sensitivity)
        SELECT head.base + r.i, r.event_id, r.person_id, r.origin_site, r.sensitivity
        FROM head, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(i bigint, event_id uuid, person_id uuid, origin_site text, sensitivity text)
        RETURNING seq
      )
      SELECT (SELECT base FROM head) AS base, (SELECT count(*) FROM logged) AS logged`),
  )[0];
  if (!row || row.base === null) throw new Error('the log head row is missing: the central database was not migrated');
  if (Number(row.logged) !== rows.length) throw new Error(`numbered ${row.logged} of ${rows.length} events`);
  const base = Number(row.base);
  return { seqs: new Map(events.map((e, i) => [e.eventId, base + i + 1])), head: base + rows.length };
}

/** Subscriptions follow the batch (before the lock: they do not need its log numbers). */
export async function followSubscriptions(
  tx: CentralTx,
  p: { site: string; stays: readonly MergedStay[]; authoredPersons: readonly string[]; settings: CentralSettings; at: Date },
): Promise<void> {
  await upsertStaySubscriptions(tx, stayRows(p.stays, p.settings), p.at);
  await ensureAuthorSubscriptions(tx, p.site, p.authoredPersons, new Date(p.at.getTime() + p.settings.authorSubscriptionMs), p.at);
}

/**
 * Stays drive subscriptions: a stay that starts at a site subscribes that site; one that ended keeps
 * it subscribed for the retention window. One row per site and person (an open stay wins).
 */
function stayRows(stays: readonly MergedStay[], settings: CentralSettings): StayRow[] {
  const bySitePerson = new Map<string, StayRow>();
  for (const stay of stays) {
    const started = stay.started;
    if (!started) continue; // an end that overtook its start: handled when the start arrives
    const ended = stay.ended;
    const row: StayRow = { site: started.siteCode, personId: stay.personId, stayRecordId: stay.recordId, expiresAt: ended ? new Date(Date.parse(ended.exitedAt) + settings.stayRetentionMs) : null };
    const key = `${row.site}\u0000${row.personId}`;
    const other = bySitePerson.get(key);
    const better = !other || (other.expiresAt !== null && (row.expiresAt === null || row.expiresAt > other.expiresAt));
    if (better) bySitePerson.set(key, row);
  }
  return [...bySitePerson.values()].sort((a, b) => (a.site + a.personId < b.site + b.personId ? -1 : 1));
}
