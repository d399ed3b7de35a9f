// The statements a push runs, each over a JSON recordset (one parameter, parsed by PostgreSQL, the
// same on PGlite and a server). Everything here may run while other pushes run: new events go in
// with ON CONFLICT DO NOTHING, base-version claims are settled by a primary key, and projection rows
// are merged in SQL by version, so concurrent pushes compose instead of overwriting each other.
import { sql } from 'drizzle-orm';
import { executePrepared, rowsOf, type CentralTx } from '../db/open';
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

/** Conflicts by id (those a batch's resolutions name). */
export async function conflictsById(tx: CentralTx, ids: readonly string[]): Promise<Map<string, ConflictRow>> {
  if (ids.length === 0) return new Map();
  return conflictRows(
    await tx.execute(sql`
      SELECT c.id, c.person_id, c.record_type, c.record_id, c.base_version, c.event_ids, c.detected_event_id, c.status FROM conflicts c
      WHERE c.id::text IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`),
  );
}

/** Open conflicts on these records (a further competing edit joins the open conflict). */
export async function openConflictsOn(tx: CentralTx, events: readonly { recordType: string; recordId: string }[]): Promise<Map<string, ConflictRow>> {
  if (events.length === 0) return new Map();
  return conflictRows(
    await tx.execute(sql`
      SELECT c.id, c.person_id, c.record_type, c.record_id, c.base_version, c.event_ids, c.detected_event_id, c.status FROM conflicts c
      WHERE c.status = 'open' AND (c.record_type, c.record_id) IN (SELECT k.t, k.id FROM jsonb_to_recordset(${keysJson(events)}::jsonb) AS k(t text, id text))`),
  );
}

function conflictRows(result: unknown): Map<string, ConflictRow> {
  const rows = rowsOf<{ id: string; person_id: string; record_type: string; record_id: string; base_version: number; event_ids: string[]; detected_event_id: string; status: 'open' | 'resolved' }>(result);
  return new Map(
    rows.map((c) => [
      c.id,
      { id: c.id, personId: c.person_id, recordType: c.record_type, recordId: c.record_id, baseVersion: c.base_version, eventIds: c.event_ids, detectedEventId: c.detected_event_id, status: c.status },
    ]),
  );
}

/** A stay touched by the push, as merged: what its subscriptions follow. */
export interface MergedStay {
  recordId: string;
  personId: string;
  /** Null until the stay's start has arrived. */
  started: { siteCode: string } | null;
  ended: { exitedAt: string } | null;
}

/**
 * Merges each record's batch state into the stored row: the higher version decides head, status and
 * sensitivity; each event type's entry keeps its higher version. In the same statement the people's
 * current demographics and the identifier index follow the merged rows (so the merged state never
 * travels back to the central), and the merged stays are returned for subscriptions. Rows go in key
 * order, so concurrent pushes lock records in the same order.
 */
export async function mergeRecords(tx: CentralTx, states: readonly RecordState[], registeredAt: ReadonlyMap<string, string>): Promise<MergedStay[]> {
  if (states.length === 0) return [];
  const rows = [...states]
    .sort((a, b) => (recordKey(a.recordType, a.recordId) < recordKey(b.recordType, b.recordId) ? -1 : 1))
    .map((s) => ({
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
  const registrations = JSON.stringify([...registeredAt].map(([person, site]) => ({ person_id: person, site })));
  const stays = rowsOf<{ record_id: string; person_id: string; started: { siteCode: string } | null; ended: { exitedAt: string } | null }>(
    await executePrepared(tx, 'central_push_merge_records', sql`
      WITH merged AS (
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
          open_conflict_id = COALESCE(excluded.open_conflict_id, r.open_conflict_id)
        RETURNING r.record_type, r.record_id, r.person_id, r.status, r.state
      ),
      people AS (
        -- The demographics of the higher version; a registration and a change at the same version: the registration.
        INSERT INTO persons AS p (person_id, origin_site, demographics, version)
        SELECT m.person_id, reg.site, latest.entry -> 'payload', (latest.entry ->> 'version')::integer
        FROM merged m
        CROSS JOIN LATERAL (
          SELECT v.entry FROM (VALUES (m.state -> 'person.registered', 0), (m.state -> 'person.demographics_changed', 1)) AS v(entry, rank)
          WHERE v.entry IS NOT NULL ORDER BY (v.entry ->> 'version')::integer DESC, v.rank LIMIT 1) AS latest
        LEFT JOIN jsonb_to_recordset(${registrations}::jsonb) AS reg(person_id uuid, site text) ON reg.person_id = m.person_id
        WHERE m.record_type = 'person'
        ON CONFLICT (person_id) DO UPDATE SET
          origin_site = COALESCE(p.origin_site, excluded.origin_site),
          demographics = CASE WHEN excluded.version >= p.version THEN excluded.demographics ELSE p.demographics END,
          version = GREATEST(p.version, excluded.version)
      ),
      identified AS (
        INSERT INTO identifiers (record_id, person_id, type, value, retired)
        SELECT m.record_id, m.person_id, m.state -> 'identifier.added' -> 'payload' ->> 'type', m.state -> 'identifier.added' -> 'payload' ->> 'value', m.status = 'retired'
        FROM merged m WHERE m.record_type = 'identifier' AND m.state ? 'identifier.added'
        ON CONFLICT (record_id) DO UPDATE SET type = excluded.type, value = excluded.value, retired = excluded.retired
      )
      SELECT m.record_id, m.person_id, m.state -> 'stay.started' -> 'payload' AS started, m.state -> 'stay.ended' -> 'payload' AS ended
      FROM merged m WHERE m.record_type = 'stay'`),
  );
  return stays.map((s) => ({ recordId: s.record_id, personId: s.person_id, started: s.started, ended: s.ended }));
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
