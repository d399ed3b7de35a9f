// A pushed batch, stored in ONE PostgreSQL transaction: each new event is inserted once, the
// projection follows it, competing edits become a conflict (both kept, plus a `conflict.detected`
// event in the log), and the site's audit chain head is anchored. The answer names every event's
// outcome and is only sent after the commit, so an acknowledged event is durable.
//
// The heavy part runs alongside other pushes (inserts are idempotent, conflicts are settled by a
// primary key, projection rows merge by version). Only the last step takes the log head lock:
// numbering the batch's events in the global log and committing. So the
// numbers commit in order, and a pull that has seen seq n has seen every event below it.
import { v7 as uuidv7 } from 'uuid';
import type { ClinicalEvent } from '../../contract/sync/events';
import type { AuditHead, PushResponse, PushResult } from '../../contract/sync/wire';
import { decodeHlc, encodeHlc, tickHlc } from '../../domain/sync/hlc';
import { conflictDetectedEvent } from '../conflicts/conflict-event';
import { claimsBase } from '../conflicts/detect';
import type { CentralStore, CentralTx } from '../db/open';
import { withRetry } from '../db/retry';
import { applyToRecord, recordKey, type RecordState } from '../projection/record-state';
import type { CentralSettings } from '../settings';
import { anchorAuditHead } from './audit-anchor';
import { checkEvents, storedBody, type EventCheck } from './check-event';
import { conflictsById, mergeRecords, openConflictsOn, writeConflicts, type ConflictRow } from './projection-io';
import { followSubscriptions, publish } from './publish';
import { claimHolders, hlcsOf, storedEvents, storeEvents, storeRaisedEvents } from './store-events';

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

type Pending = { index: number; status: 'accepted' | 'conflict'; eventId: string; conflictId?: string } | { index: number; status: 'duplicate_of_batch'; eventId: string };

export async function ingestBatch(store: CentralStore, batch: PushBatch, settings: CentralSettings, now: () => Date): Promise<IngestOutcome> {
  const checkedAt = now();
  const checks = await checkEvents(batch.events, { nowMs: checkedAt.getTime(), maxClockAheadMs: settings.maxClockAheadMs });
  return withRetry(() => store.db.transaction((tx) => ingestInTransaction(tx as CentralTx, batch, checks, settings, now())));
}

async function ingestInTransaction(tx: CentralTx, batch: PushBatch, checks: EventCheck[], settings: CentralSettings, at: Date): Promise<IngestOutcome> {
  const final: (PushResult | undefined)[] = new Array(checks.length);
  const pending: Pending[] = [];

  // 1. Each event once: a second copy in the batch follows its first copy.
  const first = new Map<string, { index: number; event: ClinicalEvent }>();
  const candidates: { index: number; event: ClinicalEvent; hashed: string }[] = [];
  checks.forEach((check, index) => {
    if (!check.ok) {
      final[index] = { index, status: 'rejected', eventId: check.eventId, code: check.code, reason: check.reason };
      return;
    }
    const earlier = first.get(check.event.eventId);
    if (!earlier) {
      first.set(check.event.eventId, { index, event: check.event });
      candidates.push({ index, event: check.event, hashed: check.hashed });
    } else if (earlier.event.contentHash !== check.event.contentHash) {
      final[index] = { index, status: 'rejected', eventId: check.event.eventId, code: 'id_reused', reason: 'the batch holds two different events with this id' };
    } else pending.push({ index, status: 'duplicate_of_batch', eventId: check.event.eventId });
  });

  // 2. A resolution must keep one of its conflict's competing events.
  const resolving = await conflictsById(tx, candidates.filter((c) => c.event.type === 'conflict.resolved').map((c) => c.event.recordId));
  const badResolution = new Set(
    candidates
      .map((c) => c.event)
      .filter((e) => e.type === 'conflict.resolved')
      .filter((e) => {
        const conflict = resolving.get(e.recordId);
        return conflict !== undefined && !conflict.eventIds.includes(e.payload.keptEventId);
      })
      .map((e) => e.eventId),
  );

  // 3. One statement: refuse an event naming another person's record, store the new ones, claim base versions.
  const stored = await storeEvents(
    tx,
    candidates.map((c) => ({ event: c.event, body: storedBody(c.hashed, c.event.contentHash), claims: claimsBase(c.event), admit: !badResolution.has(c.event.eventId) })),
    at,
  );
  const admissible = candidates.filter(({ index, event }) => {
    if (stored.misfiled.has(event.eventId)) {
      final[index] = { index, status: 'rejected', eventId: event.eventId, code: 'inconsistent', reason: `record ${event.recordType} ${event.recordId} belongs to another person` };
      return false;
    }
    if (badResolution.has(event.eventId)) {
      final[index] = { index, status: 'rejected', eventId: event.eventId, code: 'inconsistent', reason: 'the kept event is not one of the conflict’s competing events' };
      return false;
    }
    return true;
  });

  // The others are duplicates (or an id reused for different content).
  const fresh = admissible.filter((c) => stored.inserted.has(c.event.eventId));
  const known = await storedEvents(tx, admissible.filter((c) => !stored.inserted.has(c.event.eventId)).map((c) => c.event.eventId));
  for (const { index, event } of admissible) {
    if (stored.inserted.has(event.eventId)) continue;
    const held = known.get(event.eventId);
    if (!held || held.seq === null) throw new Error(`event ${event.eventId} is stored without a place in the log`);
    final[index] =
      held.hash === event.contentHash
        ? { index, status: 'duplicate', eventId: event.eventId, seq: held.seq }
        : { index, status: 'rejected', eventId: event.eventId, code: 'id_reused', reason: 'this event id is already stored with different content' };
  }

  // 4. Conflicts: an event whose base version another event already built on.
  const lost = fresh.filter((c) => claimsBase(c.event) && !stored.claimed.has(c.event.eventId)).map((c) => c.event);
  const rivals = await claimHolders(tx, lost.map((e) => ({ recordType: e.recordType, recordId: e.recordId, baseVersion: e.baseVersion as number, eventId: e.eventId })));
  const conflicts = new Map([...resolving, ...(await openConflictsOn(tx, lost.filter((e) => rivals.has(e.eventId))))]);
  const hlcs = await hlcsOf(tx, [...new Set(rivals.values())].filter((id) => !first.has(id)));
  for (const { event } of fresh) hlcs.set(event.eventId, BigInt(event.hlc));
  const created: ConflictRow[] = [];
  const raised = new Map<string, ClinicalEvent>(); // triggering event id -> its conflict.detected
  for (const { index, event } of fresh) {
    const rival = rivals.get(event.eventId);
    if (!rival) {
      pending.push({ index, status: 'accepted', eventId: event.eventId });
      continue;
    }
    const open = [...conflicts.values(), ...created].find(
      (c) => c.status === 'open' && c.recordType === event.recordType && c.recordId === event.recordId && c.baseVersion === event.baseVersion,
    );
    const competing = [...new Set([...(open?.eventIds ?? [rival]), event.eventId])].sort((a, b) => {
      const ha = hlcs.get(a) ?? 0n;
      const hb = hlcs.get(b) ?? 0n;
      return ha < hb ? -1 : ha > hb ? 1 : a < b ? -1 : 1;
    });
    const latest = competing.reduce((max, id) => ((hlcs.get(id) ?? 0n) > max ? (hlcs.get(id) as bigint) : max), 0n);
    const conflictId = uuidv7();
    const detected = conflictDetectedEvent({
      eventId: uuidv7(),
      conflictId,
      personId: event.personId,
      recordType: event.recordType,
      recordId: event.recordId,
      eventIds: competing,
      sensitivity: event.sensitivity,
      // After every competing edit (the HLC orders; it never picks the winner).
      hlc: encodeHlc(tickHlc(decodeHlc(latest), at.getTime())),
      recordedAt: at.toISOString(),
    });
    raised.set(event.eventId, detected);
    created.push({ id: conflictId, personId: event.personId, recordType: event.recordType, recordId: event.recordId, baseVersion: event.baseVersion as number, eventIds: competing, detectedEventId: detected.eventId, status: 'open' });
    pending.push({ index, status: 'conflict', eventId: event.eventId, conflictId });
  }
  await storeRaisedEvents(tx, [...raised.values()], at);

  // 5. The projection: this batch's state per record, merged into the stored rows.
  const states = new Map<string, RecordState>();
  const fold = (event: ClinicalEvent, conflictId: string | null) => {
    const key = recordKey(event.recordType, event.recordId);
    const next = applyToRecord(states.get(key), event);
    states.set(key, conflictId ? { ...next, openConflictId: conflictId } : next);
  };
  for (const { event } of fresh) {
    const detected = raised.get(event.eventId);
    fold(event, detected ? detected.recordId : null);
    if (detected) fold(detected, null);
  }
  const registeredAt = new Map(fresh.filter((c) => c.event.type === 'person.registered').map((c) => [c.event.personId, c.event.originSite]));
  const stays = await mergeRecords(tx, [...states.values()], registeredAt);
  const resolved = fresh
    .map((c) => c.event)
    .filter((e): e is Extract<ClinicalEvent, { type: 'conflict.resolved' }> => e.type === 'conflict.resolved')
    .map((e) => ({ conflictId: e.recordId, eventId: e.eventId, keptEventId: e.payload.keptEventId }));
  await writeConflicts(tx, created, resolved, at);

  // 6. Subscriptions and the audit anchor, then number the events in the global log under the lock.
  await followSubscriptions(tx, { site: batch.site, stays, authoredPersons: [...new Set(fresh.map((c) => c.event.personId))], settings, at });
  const anchor = await anchorAuditHead(tx, batch.site, batch.batchSeq, batch.auditHead, at);
  const ordered: ClinicalEvent[] = [];
  for (const { event } of fresh) {
    ordered.push(event);
    const detected = raised.get(event.eventId);
    if (detected) ordered.push(detected);
  }
  const published = await publish(tx, ordered);

  for (const p of pending) {
    if (p.status === 'duplicate_of_batch') continue;
    const seq = published.seqs.get(p.eventId);
    if (seq === undefined) throw new Error(`event ${p.eventId} was not numbered`);
    final[p.index] = p.status === 'conflict' ? { index: p.index, status: 'conflict', eventId: p.eventId, seq, conflictId: p.conflictId as string } : { index: p.index, status: 'accepted', eventId: p.eventId, seq };
  }
  // A second copy in the batch takes its first copy's outcome.
  for (const p of pending) {
    if (p.status !== 'duplicate_of_batch') continue;
    const firstCopy = final[first.get(p.eventId)?.index ?? -1];
    if (!firstCopy) throw new Error(`no outcome for the first copy of ${p.eventId}`);
    final[p.index] = firstCopy.status === 'rejected' ? { ...firstCopy, index: p.index } : { index: p.index, status: 'duplicate', eventId: p.eventId, seq: firstCopy.seq };
  }

  return {
    response: { batchSeq: batch.batchSeq, results: final as PushResult[], auditAnchor: anchor },
    touchedPersons: [...new Set(ordered.map((e) => e.personId))],
    head: published.head,
  };
}
