// A pushed batch, stored in ONE PostgreSQL transaction: each new event gets the next global `seq`,
// the projection and subscriptions follow it, competing edits become a conflict (both kept, plus a
// `conflict.detected` event in the log), and the site's audit chain head is anchored. The answer
// names every event's outcome and is only sent after the commit, so an acknowledged event is durable.
//
// Pushes are serialised on the log head row: seq numbers therefore commit in order, so a pull that
// has seen seq n has seen everything below it and a cursor never skips an event.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ClinicalEvent } from '../../contract/sync/events';
import type { AuditHead, PushResponse, PushResult } from '../../contract/sync/wire';
import { decodeHlc, encodeHlc, receiveHlc } from '../../domain/sync/hlc';
import { conflictDetectedEvent } from '../conflicts/conflict-event';
import { claimBase, competingEvent } from '../conflicts/detect';
import { rowsOf, type CentralStore, type CentralTx } from '../db/open';
import { withRetry } from '../db/retry';
import { applyToRecord, recordKey, type RecordState } from '../projection/record-state';
import type { CentralSettings } from '../settings';
import { anchorAuditHead } from './audit-anchor';
import { checkEvent, type EventCheck } from './check-event';
import { loadRecords, writeProjection, type ConflictRow } from './projection-io';
import { followStays } from './stay-subscriptions';
import { ensureAuthorSubscriptions } from '../subscriptions/subscriptions';

export interface PushBatch {
  site: string;
  batchSeq: number;
  auditHead: AuditHead;
  events: readonly unknown[];
}

export interface IngestOutcome {
  response: PushResponse;
  /** People whose events changed: waiting sites subscribed to them are woken. */
  touchedPersons: string[];
  head: number;
}

interface Stored {
  seq: number;
  event: ClinicalEvent;
}

export async function ingestBatch(store: CentralStore, batch: PushBatch, settings: CentralSettings, now: () => Date): Promise<IngestOutcome> {
  const checkedAt = now();
  const checks: EventCheck[] = batch.events.map((raw) => checkEvent(raw, { nowMs: checkedAt.getTime(), maxClockAheadMs: settings.maxClockAheadMs }));
  return withRetry(() => store.db.transaction((tx) => ingestInTransaction(tx as CentralTx, batch, checks, settings, now())));
}

async function ingestInTransaction(tx: CentralTx, batch: PushBatch, checks: EventCheck[], settings: CentralSettings, at: Date): Promise<IngestOutcome> {
  const headRow = rowsOf<{ last_seq: string | number; central_hlc: string | number }>(
    await tx.execute(sql`SELECT last_seq, central_hlc FROM log_head WHERE id = 1 FOR UPDATE`),
  )[0];
  if (!headRow) throw new Error('the log head row is missing: the central database was not migrated');
  let lastSeq = Number(headRow.last_seq);
  let clock = decodeHlc(BigInt(headRow.central_hlc));

  const results: (PushResult | undefined)[] = new Array(checks.length);
  const candidates: { index: number; event: ClinicalEvent }[] = [];
  checks.forEach((check, index) => {
    if (check.ok) candidates.push({ index, event: check.event });
    else results[index] = { index, status: 'rejected', eventId: check.eventId, code: check.code, reason: check.reason };
  });

  // Already stored (a retried batch): a duplicate if the content is the same, refused if not.
  const ids = [...new Set(candidates.map((c) => c.event.eventId))];
  const existing = new Map<string, { seq: number; hash: string }>();
  if (ids.length > 0) {
    const found = rowsOf<{ event_id: string; seq: string | number; content_hash: string }>(
      await tx.execute(sql`SELECT event_id, seq, content_hash FROM events WHERE event_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`),
    );
    for (const row of found) existing.set(row.event_id, { seq: Number(row.seq), hash: row.content_hash });
  }

  const fresh = candidates.filter(({ index, event }) => {
    const stored = existing.get(event.eventId);
    if (!stored) return true;
    results[index] =
      stored.hash === event.contentHash
        ? { index, status: 'duplicate', eventId: event.eventId, seq: stored.seq }
        : { index, status: 'rejected', eventId: event.eventId, code: 'id_reused', reason: 'this event id is already stored with different content' };
    return false;
  });

  const { records: recordMap, conflicts } = await loadRecords(tx, fresh.map((c) => c.event));
  const stored: Stored[] = [];
  const firstIndex = new Map<string, number>();
  const newConflicts: ConflictRow[] = [];
  const resolved: { conflictId: string; eventId: string; keptEventId: string }[] = [];
  const hlcById = new Map<string, bigint>();
  const dirty = new Set<string>();
  const put = (key: string, state: RecordState) => {
    recordMap.set(key, state);
    dirty.add(key);
  };

  for (const { index, event } of fresh) {
    const earlier = firstIndex.get(event.eventId);
    if (earlier !== undefined) {
      // The same event twice in one batch: it takes the outcome of its first copy.
      const first = results[earlier] as PushResult;
      const sameContent = (checks[earlier] as { event: ClinicalEvent }).event.contentHash === event.contentHash;
      if (!sameContent) results[index] = { index, status: 'rejected', eventId: event.eventId, code: 'id_reused', reason: 'the batch holds two different events with this id' };
      else if (first.status === 'rejected') results[index] = { ...first, index };
      else results[index] = { index, status: 'duplicate', eventId: event.eventId, seq: first.seq };
      continue;
    }
    firstIndex.set(event.eventId, index);

    const key = recordKey(event.recordType, event.recordId);
    const record = recordMap.get(key);
    if (record && record.personId !== event.personId) {
      results[index] = { index, status: 'rejected', eventId: event.eventId, code: 'inconsistent', reason: `record ${event.recordType} ${event.recordId} belongs to another person` };
      continue;
    }
    if (event.type === 'conflict.resolved') {
      const conflict = conflicts.get(event.recordId);
      if (conflict && !conflict.eventIds.includes(event.payload.keptEventId)) {
        results[index] = { index, status: 'rejected', eventId: event.eventId, code: 'inconsistent', reason: 'the kept event is not one of the conflict’s competing events' };
        continue;
      }
    }

    const seq = ++lastSeq;
    const hlc = BigInt(event.hlc);
    hlcById.set(event.eventId, hlc);
    clock = receiveHlc(clock, decodeHlc(hlc), at.getTime());
    stored.push({ seq, event });

    const rival = competingEvent(record, event);
    let next = applyToRecord(record, event, seq);
    next = claimBase(next, event);

    if (rival) {
      const conflictId = uuidv7();
      const open = [...conflicts.values()].find(
        (c) => c.status === 'open' && c.recordType === event.recordType && c.recordId === event.recordId && c.baseVersion === event.baseVersion,
      );
      const competing = [...new Set([...(open?.eventIds ?? [rival]), event.eventId])];
      const ordered = await orderByHlc(tx, competing, hlcById);
      clock = receiveHlc(clock, clock, at.getTime());
      const detected = conflictDetectedEvent({
        eventId: uuidv7(),
        conflictId,
        personId: event.personId,
        recordType: event.recordType,
        recordId: event.recordId,
        eventIds: ordered,
        sensitivity: event.sensitivity,
        hlc: encodeHlc(clock),
        recordedAt: at.toISOString(),
      });
      const detectedSeq = ++lastSeq;
      stored.push({ seq: detectedSeq, event: detected });
      const row: ConflictRow = {
        id: conflictId,
        personId: event.personId,
        recordType: event.recordType,
        recordId: event.recordId,
        baseVersion: event.baseVersion as number,
        eventIds: ordered,
        detectedEventId: detected.eventId,
        status: 'open',
      };
      conflicts.set(conflictId, row);
      newConflicts.push(row);
      next = { ...next, openConflictId: conflictId };
      put(recordKey('conflict', conflictId), applyToRecord(undefined, detected, detectedSeq));
      results[index] = { index, status: 'conflict', eventId: event.eventId, seq, conflictId };
    } else {
      results[index] = { index, status: 'accepted', eventId: event.eventId, seq };
    }
    put(key, next);

    if (event.type === 'conflict.resolved') {
      resolved.push({ conflictId: event.recordId, eventId: event.eventId, keptEventId: event.payload.keptEventId });
      const conflict = conflicts.get(event.recordId);
      if (conflict) {
        conflict.status = 'resolved';
        const target = recordMap.get(recordKey(conflict.recordType, conflict.recordId));
        if (target?.openConflictId === conflict.id) put(recordKey(conflict.recordType, conflict.recordId), { ...target, openConflictId: null });
      }
    }
  }

  if (stored.length > 0) {
    await insertEvents(tx, stored, at);
    await writeProjection(tx, { stored, records: [...dirty].map((k) => recordMap.get(k) as RecordState), newConflicts, resolved, at });
    await followStays(tx, stored, recordMap, settings, at);
    const authored = [...new Set(stored.filter((s) => s.event.originSite === batch.site).map((s) => s.event.personId))];
    await ensureAuthorSubscriptions(tx, batch.site, authored, new Date(at.getTime() + settings.authorSubscriptionMs), lastSeq, at);
    await tx.execute(sql`UPDATE log_head SET last_seq = ${lastSeq}, central_hlc = ${encodeHlc(clock).toString()} WHERE id = 1`);
  }
  await tx.execute(sql`UPDATE sites SET last_batch_seq = GREATEST(COALESCE(last_batch_seq, 0), ${batch.batchSeq}), last_push_at = ${at.toISOString()} WHERE code = ${batch.site}`);
  const anchor = await anchorAuditHead(tx, batch.site, batch.batchSeq, batch.auditHead, at);

  return {
    response: { batchSeq: batch.batchSeq, results: results as PushResult[], auditAnchor: anchor },
    touchedPersons: [...new Set(stored.map((s) => s.event.personId))],
    head: lastSeq,
  };
}

async function orderByHlc(tx: CentralTx, eventIds: readonly string[], known: Map<string, bigint>): Promise<string[]> {
  const missing = eventIds.filter((id) => !known.has(id));
  if (missing.length > 0) {
    const rows = rowsOf<{ event_id: string; hlc: string | number }>(
      await tx.execute(sql`SELECT event_id, hlc FROM events WHERE event_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb)::uuid)`),
    );
    for (const r of rows) known.set(r.event_id, BigInt(r.hlc));
  }
  return [...eventIds].sort((a, b) => {
    const ha = known.get(a) ?? 0n;
    const hb = known.get(b) ?? 0n;
    return ha < hb ? -1 : ha > hb ? 1 : a.localeCompare(b);
  });
}

async function insertEvents(tx: CentralTx, stored: readonly Stored[], at: Date): Promise<void> {
  const rows = stored.map(({ seq, event }) => ({
    seq,
    event_id: event.eventId,
    person_id: event.personId,
    record_type: event.recordType,
    record_id: event.recordId,
    type: event.type,
    base_version: event.baseVersion,
    hlc: event.hlc,
    origin_site: event.originSite,
    sensitivity: event.sensitivity,
    content_hash: event.contentHash,
    body: event,
  }));
  const inserted = rowsOf<{ n: string | number }>(
    await tx.execute(sql`
      WITH ins AS (
        INSERT INTO events (seq, event_id, person_id, record_type, record_id, type, base_version, hlc, origin_site, sensitivity, content_hash, body, received_at)
        SELECT r.seq, r.event_id, r.person_id, r.record_type, r.record_id, r.type, r.base_version, r.hlc, r.origin_site, r.sensitivity, r.content_hash, r.body, ${at.toISOString()}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(seq bigint, event_id uuid, person_id uuid, record_type text, record_id text, type text,
             base_version integer, hlc bigint, origin_site text, sensitivity text, content_hash text, body jsonb)
        ON CONFLICT (event_id) DO NOTHING
        RETURNING 1)
      SELECT count(*) AS n FROM ins`),
  )[0];
  // Checked under the log head lock, so every row must go in; anything else is a bug, not a retry.
  if (Number(inserted?.n) !== stored.length) throw new Error(`expected to store ${stored.length} events, stored ${String(inserted?.n)}`);
}
