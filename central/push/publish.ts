// The last step of a push, under the log head lock: number the batch's new events in the global
// log (in batch order, each conflict right after the event that raised it) and move the head. The
// lock is held to the commit, so log numbers become visible in order; nothing else is done under it.
import { sql } from 'drizzle-orm';
import type { ClinicalEvent } from '../../contract/sync/events';
import { rowsOf, type CentralTx } from '../db/open';
import type { CentralSettings } from '../settings';
import { ensureAuthorSubscriptions, upsertStaySubscriptions, type StayRow } from '../subscriptions/subscriptions';
import type { MergedRecord } from './projection-io';

export async function publish(tx: CentralTx, events: readonly ClinicalEvent[]): Promise<{ seqs: Map<string, number>; head: number }> {
  const row = rowsOf<{ last_seq: string | number }>(await tx.execute(sql`SELECT last_seq FROM log_head WHERE id = 1 FOR UPDATE`))[0];
  if (!row) throw new Error('the log head row is missing: the central database was not migrated');
  let seq = Number(row.last_seq);
  const seqs = new Map<string, number>();
  const rows = events.map((e) => {
    seqs.set(e.eventId, ++seq);
    return { seq, event_id: e.eventId, person_id: e.personId, origin_site: e.originSite, sensitivity: e.sensitivity };
  });
  if (rows.length > 0) {
    await tx.execute(sql`
      INSERT INTO event_log (seq, event_id, person_id, origin_site, sensitivity)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(seq bigint, event_id uuid, person_id uuid, origin_site text, sensitivity text)`);
    await tx.execute(sql`UPDATE log_head SET last_seq = ${seq} WHERE id = 1`);
  }
  return { seqs, head: seq };
}

/** Subscriptions follow the batch (before the lock: they do not need its log numbers). */
export async function followSubscriptions(
  tx: CentralTx,
  p: { site: string; batchSeq: number; stays: readonly MergedRecord[]; authoredPersons: readonly string[]; settings: CentralSettings; at: Date },
): Promise<void> {
  await upsertStaySubscriptions(tx, stayRows(p.stays, p.settings), p.at);
  await ensureAuthorSubscriptions(tx, p.site, p.authoredPersons, new Date(p.at.getTime() + p.settings.authorSubscriptionMs), p.at);
  await tx.execute(sql`UPDATE sites SET last_batch_seq = GREATEST(COALESCE(last_batch_seq, 0), ${p.batchSeq}), last_push_at = ${p.at.toISOString()} WHERE code = ${p.site}`);
}

/**
 * Stays drive subscriptions: a stay that starts at a site subscribes that site; one that ended keeps
 * it subscribed for the retention window. One row per site and person (an open stay wins).
 */
function stayRows(stays: readonly MergedRecord[], settings: CentralSettings): StayRow[] {
  const bySitePerson = new Map<string, StayRow>();
  for (const stay of stays) {
    const started = stay.state['stay.started']?.payload as { siteCode: string } | undefined;
    if (!started) continue; // an end that overtook its start: handled when the start arrives
    const ended = stay.state['stay.ended']?.payload as { exitedAt: string } | undefined;
    const row: StayRow = { site: started.siteCode, personId: stay.personId, stayRecordId: stay.recordId, expiresAt: ended ? new Date(Date.parse(ended.exitedAt) + settings.stayRetentionMs) : null };
    const key = `${row.site}\u0000${row.personId}`;
    const other = bySitePerson.get(key);
    const better = !other || (other.expiresAt !== null && (row.expiresAt === null || row.expiresAt > other.expiresAt));
    if (better) bySitePerson.set(key, row);
  }
  return [...bySitePerson.values()].sort((a, b) => (a.site + a.personId < b.site + b.personId ? -1 : 1));
}
