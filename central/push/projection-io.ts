// The statements a push runs, each over a JSON recordset (one parameter, parsed by PostgreSQL, the
// same on PGlite and a server). Everything here may run while other pushes run: new events go in
// with ON CONFLICT DO NOTHING, base-version claims are settled by a primary key, and projection rows
// are merged in SQL by version, so concurrent pushes compose instead of overwriting each other.
import { sql } from 'drizzle-orm';
import type { ClinicalEvent } from '../../contract/sync/events';
import { rowsOf, type CentralTx } from '../db/open';
import { recordKey, type RecordState } from '../projection/record-state';

export interface ConflictRow {
  id: string;
  personId: string;
  recordType: string;
  recordId: string;
  baseVersion: number;
  eventIds: string[];
  detectedEventId: string;
  status: 'open' | 'resolved';
}

const keysJson = (events: readonly { recordType: string; recordId: string }[]) =>
  JSON.stringify([...new Map(events.map((e) => [recordKey(e.recordType, e.recordId), { t: e.recordType, id: e.recordId }])).values()]);

/** Who each already-known record belongs to. */
export async function recordOwners(tx: CentralTx, events: readonly ClinicalEvent[]): Promise<Map<string, string>> {
  if (events.length === 0) return new Map();
  const rows = rowsOf<{ record_type: string; record_id: string; person_id: string }>(
    await tx.execute(sql`
      SELECT r.record_type, r.record_id, r.person_id FROM records r
      JOIN jsonb_to_recordset(${keysJson(events)}::jsonb) AS k(t text, id text) ON r.record_type = k.t AND r.record_id = k.id`),
  );
  return new Map(rows.map((r) => [recordKey(r.record_type, r.record_id), r.person_id]));
}

/** Conflicts these events resolve, and open conflicts on the records they touch. */
export async function loadConflicts(tx: CentralTx, events: readonly ClinicalEvent[]): Promise<Map<string, ConflictRow>> {
  if (events.length === 0) return new Map();
  const resolving = events.filter((e) => e.type === 'conflict.resolved').map((e) => e.recordId);
  const rows = rowsOf<{ id: string; person_id: string; record_type: string; record_id: string; base_version: number; event_ids: string[]; detected_event_id: string; status: 'open' | 'resolved' }>(
    await tx.execute(sql`
      SELECT c.id, c.person_id, c.record_type, c.record_id, c.base_version, c.event_ids, c.detected_event_id, c.status FROM conflicts c
      WHERE c.id::text IN (SELECT jsonb_array_elements_text(${JSON.stringify(resolving)}::jsonb))
         OR (c.status = 'open' AND (c.record_type, c.record_id) IN (SELECT k.t, k.id FROM jsonb_to_recordset(${keysJson(events)}::jsonb) AS k(t text, id text)))`),
  );
  return new Map(
    rows.map((c) => [
      c.id,
      { id: c.id, personId: c.person_id, recordType: c.record_type, recordId: c.record_id, baseVersion: c.base_version, eventIds: c.event_ids, detectedEventId: c.detected_event_id, status: c.status },
    ]),
  );
}

/** Inserts the events not yet stored; returns the ids it inserted (a concurrent copy waits, then is skipped). */
export async function insertEvents(tx: CentralTx, events: readonly ClinicalEvent[], at: Date): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = [...events]
    .sort((a, b) => (a.eventId < b.eventId ? -1 : 1))
    .map((e) => ({
      event_id: e.eventId,
      person_id: e.personId,
      record_type: e.recordType,
      record_id: e.recordId,
      type: e.type,
      base_version: e.baseVersion,
      hlc: e.hlc,
      origin_site: e.originSite,
      sensitivity: e.sensitivity,
      content_hash: e.contentHash,
      body: e,
    }));
  const inserted = rowsOf<{ event_id: string }>(
    await tx.execute(sql`
      INSERT INTO events (event_id, person_id, record_type, record_id, type, base_version, hlc, origin_site, sensitivity, content_hash, body, received_at)
      SELECT r.event_id, r.person_id, r.record_type, r.record_id, r.type, r.base_version, r.hlc, r.origin_site, r.sensitivity, r.content_hash, r.body, ${at.toISOString()}
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(event_id uuid, person_id uuid, record_type text, record_id text, type text,
           base_version integer, hlc bigint, origin_site text, sensitivity text, content_hash text, body json)
      ON CONFLICT (event_id) DO NOTHING
      RETURNING event_id`),
  );
  return new Set(inserted.map((r) => r.event_id));
}

/** Stored events by id: their content hash and place in the log. */
export async function storedEvents(tx: CentralTx, ids: readonly string[]): Promise<Map<string, { hash: string; seq: number | null }>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ event_id: string; content_hash: string; seq: string | number | null }>(
    await tx.execute(sql`
      SELECT e.event_id, e.content_hash, l.seq FROM events e LEFT JOIN event_log l ON l.event_id = e.event_id
      WHERE e.event_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`),
  );
  return new Map(rows.map((r) => [r.event_id, { hash: r.content_hash, seq: r.seq === null ? null : Number(r.seq) }]));
}

export interface Claim {
  recordType: string;
  recordId: string;
  baseVersion: number;
  eventId: string;
}

const claimKey = (c: { recordType: string; recordId: string; baseVersion: number }) => `${recordKey(c.recordType, c.recordId)}\u0000${c.baseVersion}`;

/**
 * Claims each event's base version. Returns, for every claim that lost, the event that holds the
 * claim: that pair is a conflict. Within one batch the first event in batch order wins.
 */
export async function claimBases(tx: CentralTx, claims: readonly Claim[]): Promise<Map<string, string>> {
  const lost = new Map<string, string>();
  if (claims.length === 0) return lost;
  const rows = claims.map((c, i) => ({ i, record_type: c.recordType, record_id: c.recordId, base_version: c.baseVersion, event_id: c.eventId }));
  const won = rowsOf<{ event_id: string }>(
    await tx.execute(sql`
      INSERT INTO record_bases (record_type, record_id, base_version, event_id)
      SELECT r.record_type, r.record_id, r.base_version, r.event_id
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(i integer, record_type text, record_id text, base_version integer, event_id uuid)
      ORDER BY r.i
      ON CONFLICT (record_type, record_id, base_version) DO NOTHING
      RETURNING event_id`),
  );
  const winners = new Set(won.map((r) => r.event_id));
  const losers = claims.filter((c) => !winners.has(c.eventId));
  if (losers.length === 0) return lost;
  const holders = rowsOf<{ record_type: string; record_id: string; base_version: number; event_id: string }>(
    await tx.execute(sql`
      SELECT b.record_type, b.record_id, b.base_version, b.event_id FROM record_bases b
      JOIN jsonb_to_recordset(${JSON.stringify(losers.map((c) => ({ t: c.recordType, id: c.recordId, v: c.baseVersion })))}::jsonb) AS k(t text, id text, v integer)
        ON b.record_type = k.t AND b.record_id = k.id AND b.base_version = k.v`),
  );
  const holderOf = new Map(holders.map((h) => [claimKey({ recordType: h.record_type, recordId: h.record_id, baseVersion: h.base_version }), h.event_id]));
  for (const c of losers) {
    const holder = holderOf.get(claimKey(c));
    if (holder && holder !== c.eventId) lost.set(c.eventId, holder);
  }
  return lost;
}

/** HLCs of stored events (to order a conflict's competing events). */
export async function hlcsOf(tx: CentralTx, ids: readonly string[]): Promise<Map<string, bigint>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ event_id: string; hlc: string | number | bigint }>(
    await tx.execute(sql`SELECT event_id, hlc FROM events WHERE event_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`),
  );
  return new Map(rows.map((r) => [r.event_id, BigInt(r.hlc)]));
}

export interface MergedRecord {
  recordType: string;
  recordId: string;
  personId: string;
  status: string;
  state: RecordState['state'];
}

const WATCHED = new Set(['stay', 'identifier', 'person']);

/**
 * Merges each record's batch state into the stored row: the higher version decides head, status and
 * sensitivity; each event type's entry keeps its higher version. Returns the merged rows of the
 * records other tables follow (stays, identifiers, people).
 */
export async function mergeRecords(tx: CentralTx, states: readonly RecordState[]): Promise<MergedRecord[]> {
  const merged: MergedRecord[] = [];
  for (const watched of [true, false]) {
    const subset = states.filter((s) => WATCHED.has(s.recordType) === watched).sort((a, b) => (recordKey(a.recordType, a.recordId) < recordKey(b.recordType, b.recordId) ? -1 : 1));
    if (subset.length === 0) continue;
    const rows = subset.map((s) => ({
      record_type: s.recordType,
      record_id: s.recordId,
      person_id: s.personId,
      origin_site: s.created ? s.originSite : null,
      sensitivity: s.sensitivity,
      version: s.version,
      status: s.status,
      state: s.state,
      head_event_id: s.headEventId,
      open_conflict_id: s.openConflictId,
    }));
    const statement = sql`
      INSERT INTO records AS r (record_type, record_id, person_id, origin_site, sensitivity, version, status, state, head_event_id, open_conflict_id)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS n(record_type text, record_id text, person_id uuid, origin_site text,
             sensitivity text, version integer, status text, state jsonb, head_event_id uuid, open_conflict_id uuid)
      ON CONFLICT (record_type, record_id) DO UPDATE SET
        origin_site = COALESCE(excluded.origin_site, r.origin_site),
        sensitivity = CASE WHEN excluded.version >= r.version THEN excluded.sensitivity ELSE r.sensitivity END,
        status = CASE WHEN excluded.version >= r.version THEN excluded.status ELSE r.status END,
        head_event_id = CASE WHEN excluded.version >= r.version THEN excluded.head_event_id ELSE r.head_event_id END,
        version = GREATEST(r.version, excluded.version),
        state = (SELECT jsonb_object_agg(k, CASE
                   WHEN NOT (excluded.state ? k) THEN r.state -> k
                   WHEN NOT (r.state ? k) THEN excluded.state -> k
                   WHEN (excluded.state -> k ->> 'version')::integer >= (r.state -> k ->> 'version')::integer THEN excluded.state -> k
                   ELSE r.state -> k END)
                 FROM jsonb_object_keys(r.state || excluded.state) AS k),
        open_conflict_id = COALESCE(excluded.open_conflict_id, r.open_conflict_id)`;
    if (!watched) {
      await tx.execute(statement);
      continue;
    }
    const rowsBack = rowsOf<{ record_type: string; record_id: string; person_id: string; status: string; state: RecordState['state'] }>(
      await tx.execute(sql`${statement} RETURNING r.record_type, r.record_id, r.person_id, r.status, r.state`),
    );
    for (const r of rowsBack) merged.push({ recordType: r.record_type, recordId: r.record_id, personId: r.person_id, status: r.status, state: r.state });
  }
  return merged;
}

const demographicTypes = ['person.registered', 'person.demographics_changed'];

/** People's current demographics and the identifier index, from the merged records. */
export async function followPeopleAndIdentifiers(tx: CentralTx, merged: readonly MergedRecord[], origins: ReadonlyMap<string, string>): Promise<void> {
  const people = merged
    .filter((r) => r.recordType === 'person')
    .map((r) => {
      const latest = demographicTypes
        .map((t) => r.state[t])
        .filter((e) => e !== undefined)
        .sort((a, b) => b.version - a.version)[0];
      return latest ? { person_id: r.personId, origin_site: origins.get(r.personId) ?? null, demographics: latest.payload, version: latest.version } : null;
    })
    .filter((p) => p !== null);
  if (people.length > 0) {
    await tx.execute(sql`
      INSERT INTO persons AS p (person_id, origin_site, demographics, version)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(people)}::jsonb) AS n(person_id uuid, origin_site text, demographics jsonb, version integer)
      ON CONFLICT (person_id) DO UPDATE SET
        origin_site = COALESCE(p.origin_site, excluded.origin_site),
        demographics = CASE WHEN excluded.version >= p.version THEN excluded.demographics ELSE p.demographics END,
        version = GREATEST(p.version, excluded.version)`);
  }
  const identifiers = merged
    .filter((r) => r.recordType === 'identifier' && r.state['identifier.added'])
    .map((r) => {
      const added = (r.state['identifier.added'] as { payload: { type: string; value: string } }).payload;
      return { record_id: r.recordId, person_id: r.personId, type: added.type, value: added.value, retired: r.status === 'retired' };
    });
  if (identifiers.length > 0) {
    await tx.execute(sql`
      INSERT INTO identifiers (record_id, person_id, type, value, retired)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(identifiers)}::jsonb) AS r(record_id text, person_id uuid, type text, value text, retired boolean)
      ON CONFLICT (record_id) DO UPDATE SET type = excluded.type, value = excluded.value, retired = excluded.retired`);
  }
}

export async function writeConflicts(
  tx: CentralTx,
  created: readonly ConflictRow[],
  resolved: readonly { conflictId: string; eventId: string; keptEventId: string }[],
  at: Date,
): Promise<void> {
  for (const c of created) {
    await tx.execute(sql`
      INSERT INTO conflicts (id, person_id, record_type, record_id, base_version, event_ids, detected_event_id, status, created_at)
      VALUES (${c.id}, ${c.personId}, ${c.recordType}, ${c.recordId}, ${c.baseVersion}, ${JSON.stringify(c.eventIds)}::jsonb, ${c.detectedEventId}, 'open', ${at.toISOString()})`);
  }
  for (const r of resolved) {
    const done = rowsOf<{ record_type: string; record_id: string }>(
      await tx.execute(sql`
        UPDATE conflicts SET status = 'resolved', resolved_event_id = ${r.eventId}, kept_event_id = ${r.keptEventId}, resolved_at = ${at.toISOString()}
        WHERE id::text = ${r.conflictId} AND status = 'open' RETURNING record_type, record_id`),
    )[0];
    if (done) {
      await tx.execute(sql`
        UPDATE records SET open_conflict_id = NULL
        WHERE record_type = ${done.record_type} AND record_id = ${done.record_id} AND open_conflict_id::text = ${r.conflictId}`);
    }
  }
}
