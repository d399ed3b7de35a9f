// Reading and writing the projection rows a batch touches, each as one statement over a JSON
// recordset (one parameter, parsed by PostgreSQL, the same on PGlite and a server).
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

interface RecordRow {
  record_type: string;
  record_id: string;
  person_id: string;
  origin_site: string;
  sensitivity: string;
  version: number;
  status: string;
  state: RecordState['state'];
  bases: Record<string, string>;
  head_event_id: string;
  open_conflict_id: string | null;
  updated_seq: string | number;
}

interface ConflictDbRow {
  id: string;
  person_id: string;
  record_type: string;
  record_id: string;
  base_version: number;
  event_ids: string[];
  detected_event_id: string;
  status: 'open' | 'resolved';
}

function toConflict(r: ConflictDbRow): ConflictRow {
  return {
    id: r.id,
    personId: r.person_id,
    recordType: r.record_type,
    recordId: r.record_id,
    baseVersion: r.base_version,
    eventIds: r.event_ids,
    detectedEventId: r.detected_event_id,
    status: r.status,
  };
}

/** The records these events touch, and the conflicts they may join or resolve. */
export async function loadRecords(tx: CentralTx, events: readonly ClinicalEvent[]): Promise<{ records: Map<string, RecordState>; conflicts: Map<string, ConflictRow> }> {
  const records = new Map<string, RecordState>();
  const conflicts = new Map<string, ConflictRow>();
  if (events.length === 0) return { records, conflicts };
  const keys = new Map<string, { t: string; id: string }>();
  for (const e of events) keys.set(recordKey(e.recordType, e.recordId), { t: e.recordType, id: e.recordId });
  const keyJson = JSON.stringify([...keys.values()]);
  const rows = rowsOf<RecordRow>(
    await tx.execute(sql`
      SELECT r.* FROM records r
      JOIN jsonb_to_recordset(${keyJson}::jsonb) AS k(t text, id text) ON r.record_type = k.t AND r.record_id = k.id`),
  );
  for (const r of rows) {
    records.set(recordKey(r.record_type, r.record_id), {
      recordType: r.record_type,
      recordId: r.record_id,
      personId: r.person_id,
      originSite: r.origin_site,
      sensitivity: r.sensitivity,
      version: r.version,
      status: r.status,
      state: r.state,
      bases: r.bases,
      headEventId: r.head_event_id,
      openConflictId: r.open_conflict_id,
      updatedSeq: Number(r.updated_seq),
    });
  }
  const resolving = events.filter((e) => e.type === 'conflict.resolved').map((e) => e.recordId);
  const conflictRows = rowsOf<ConflictDbRow>(
    await tx.execute(sql`
      SELECT c.id, c.person_id, c.record_type, c.record_id, c.base_version, c.event_ids, c.detected_event_id, c.status FROM conflicts c
      WHERE c.id::text IN (SELECT jsonb_array_elements_text(${JSON.stringify(resolving)}::jsonb))
         OR (c.status = 'open' AND (c.record_type, c.record_id) IN (SELECT k.t, k.id FROM jsonb_to_recordset(${keyJson}::jsonb) AS k(t text, id text)))`),
  );
  for (const c of conflictRows) conflicts.set(c.id, toConflict(c));
  return { records, conflicts };
}

interface ProjectionWrite {
  stored: readonly { seq: number; event: ClinicalEvent }[];
  records: readonly RecordState[];
  newConflicts: readonly ConflictRow[];
  resolved: readonly { conflictId: string; eventId: string; keptEventId: string }[];
  at: Date;
}

const demographicTypes = ['person.registered', 'person.demographics_changed'];

export async function writeProjection(tx: CentralTx, w: ProjectionWrite): Promise<void> {
  if (w.records.length > 0) {
    const rows = w.records.map((r) => ({
      record_type: r.recordType,
      record_id: r.recordId,
      person_id: r.personId,
      origin_site: r.originSite,
      sensitivity: r.sensitivity,
      version: r.version,
      status: r.status,
      state: r.state,
      bases: r.bases,
      head_event_id: r.headEventId,
      open_conflict_id: r.openConflictId,
      updated_seq: r.updatedSeq,
    }));
    await tx.execute(sql`
      INSERT INTO records (record_type, record_id, person_id, origin_site, sensitivity, version, status, state, bases, head_event_id, open_conflict_id, updated_seq)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(record_type text, record_id text, person_id uuid, origin_site text, sensitivity text,
             version integer, status text, state jsonb, bases jsonb, head_event_id uuid, open_conflict_id uuid, updated_seq bigint)
      ON CONFLICT (record_type, record_id) DO UPDATE SET
        origin_site = excluded.origin_site, sensitivity = excluded.sensitivity, version = excluded.version, status = excluded.status,
        state = excluded.state, bases = excluded.bases, head_event_id = excluded.head_event_id,
        open_conflict_id = excluded.open_conflict_id, updated_seq = excluded.updated_seq`);
  }

  const personRecords = w.records.filter((r) => r.recordType === 'person');
  if (personRecords.length > 0) {
    const rows = personRecords.map((r) => {
      const latest = demographicTypes
        .map((t) => r.state[t])
        .filter((e) => e !== undefined)
        .sort((a, b) => b.version - a.version)[0];
      return { person_id: r.personId, origin_site: r.originSite, demographics: latest?.payload ?? null, updated_seq: r.updatedSeq };
    });
    await tx.execute(sql`
      INSERT INTO persons (person_id, origin_site, demographics, updated_seq)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(person_id uuid, origin_site text, demographics jsonb, updated_seq bigint)
      ON CONFLICT (person_id) DO UPDATE SET origin_site = excluded.origin_site, demographics = excluded.demographics, updated_seq = excluded.updated_seq`);
  }

  const identifierRows = w.records
    .filter((r) => r.recordType === 'identifier' && r.state['identifier.added'])
    .map((r) => {
      const added = (r.state['identifier.added'] as { payload: { type: string; value: string } }).payload;
      return { record_id: r.recordId, person_id: r.personId, type: added.type, value: added.value, retired: r.status === 'retired' };
    });
  if (identifierRows.length > 0) {
    await tx.execute(sql`
      INSERT INTO identifiers (record_id, person_id, type, value, retired)
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(identifierRows)}::jsonb) AS r(record_id text, person_id uuid, type text, value text, retired boolean)
      ON CONFLICT (record_id) DO UPDATE SET type = excluded.type, value = excluded.value, retired = excluded.retired`);
  }

  for (const c of w.newConflicts) {
    await tx.execute(sql`
      INSERT INTO conflicts (id, person_id, record_type, record_id, base_version, event_ids, detected_event_id, status, created_at)
      VALUES (${c.id}, ${c.personId}, ${c.recordType}, ${c.recordId}, ${c.baseVersion}, ${JSON.stringify(c.eventIds)}::jsonb, ${c.detectedEventId}, 'open', ${w.at.toISOString()})`);
  }
  for (const r of w.resolved) {
    await tx.execute(sql`
      UPDATE conflicts SET status = 'resolved', resolved_event_id = ${r.eventId}, kept_event_id = ${r.keptEventId}, resolved_at = ${w.at.toISOString()}
      WHERE id::text = ${r.conflictId} AND status = 'open'`);
  }
}
