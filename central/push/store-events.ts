// Storing a push's events: one statement checks each event against the record it names, inserts the
// new ones (ON CONFLICT DO NOTHING) and claims their base versions, so a batch of 500 costs one round
// trip and PostgreSQL parses the batch once. The events travel as one JSON recordset whose bodies are
// the canonical encodings the content hashes were checked over, spliced in as they are.
//
// Everything here may run while other pushes run: a concurrent copy of an event, or a concurrent
// claim on the same base version, makes this statement wait for the other transaction and then skip
// the row. What it skipped is looked up afterwards in statements of its own, because only a new
// statement sees what the other transaction committed.
import { sql } from 'drizzle-orm';
import type { ClinicalEvent } from '../../contract/sync/events';
import { rowsOf, type CentralTx } from '../db/open';
import { recordKey } from '../projection/record-state';

export interface EventToStore {
  event: ClinicalEvent;
  /** The body as stored: JSON text of the whole event, content hash included. */
  body: string;
  /** Claims its base version (a single-valued change or a removal). */
  claims: boolean;
  /** False when the event is already refused and only its record's owner is still to be checked. */
  admit: boolean;
}

export interface StoreOutcome {
  /** Events naming a record that belongs to another person (nothing stored for them). */
  misfiled: Set<string>;
  /** Events this statement inserted. */
  inserted: Set<string>;
  /** Inserted events whose claim on their base version held (a lost claim is a conflict). */
  claimed: Set<string>;
}

function recordsetRow(i: number, s: EventToStore): string {
  const e = s.event;
  const columns = JSON.stringify({
    i,
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
    claims: s.claims,
    admit: s.admit,
  });
  return `${columns.slice(0, -1)},"body":${s.body}}`;
}

export async function storeEvents(tx: CentralTx, events: readonly EventToStore[], at: Date): Promise<StoreOutcome> {
  const outcome: StoreOutcome = { misfiled: new Set(), inserted: new Set(), claimed: new Set() };
  if (events.length === 0) return outcome;
  // Brackets go on the first and last rows, so the one join makes the whole text flat: a 500-event
  // batch is not copied again when the driver measures and writes it.
  const rows = events.map((s, i) => recordsetRow(i, s));
  rows[0] = `[${rows[0] as string}`;
  rows[rows.length - 1] = `${rows[rows.length - 1] as string}]`;
  const recordset = rows.join(',');
  const row = rowsOf<{ misfiled: string[] | null; inserted: string[] | null; claimed: string[] | null }>(
    await tx.execute(sql`
      WITH input AS (
        SELECT * FROM json_to_recordset(${recordset}::json) AS r(i integer, event_id uuid, person_id uuid, record_type text, record_id text, type text,
               base_version integer, hlc bigint, origin_site text, sensitivity text, content_hash text, claims boolean, admit boolean, body json)
      ),
      misfiled AS (
        SELECT n.event_id FROM input n JOIN records r ON r.record_type = n.record_type AND r.record_id = n.record_id WHERE r.person_id <> n.person_id
      ),
      inserted AS (
        INSERT INTO events (event_id, person_id, record_type, record_id, type, base_version, hlc, origin_site, sensitivity, content_hash, body, received_at)
        SELECT n.event_id, n.person_id, n.record_type, n.record_id, n.type, n.base_version, n.hlc, n.origin_site, n.sensitivity, n.content_hash, n.body, ${at.toISOString()}
        FROM input n WHERE n.admit AND n.event_id NOT IN (SELECT event_id FROM misfiled)
        ORDER BY n.event_id
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id
      ),
      claimed AS (
        -- In batch order, so within a batch the first claimant of a base version holds it.
        INSERT INTO record_bases (record_type, record_id, base_version, event_id)
        SELECT n.record_type, n.record_id, n.base_version, n.event_id FROM input n JOIN inserted s ON s.event_id = n.event_id
        WHERE n.claims
        ORDER BY n.i
        ON CONFLICT (record_type, record_id, base_version) DO NOTHING
        RETURNING event_id
      )
      SELECT (SELECT json_agg(event_id) FROM misfiled) AS misfiled, (SELECT json_agg(event_id) FROM inserted) AS inserted,
             (SELECT json_agg(event_id) FROM claimed) AS claimed`),
  )[0];
  for (const id of row?.misfiled ?? []) outcome.misfiled.add(id);
  for (const id of row?.inserted ?? []) outcome.inserted.add(id);
  for (const id of row?.claimed ?? []) outcome.claimed.add(id);
  return outcome;
}

/** Inserts events the central raised itself (conflicts); they are new by construction. */
export async function storeRaisedEvents(tx: CentralTx, events: readonly ClinicalEvent[], at: Date): Promise<void> {
  const stored = await storeEvents(
    tx,
    events.map((event) => ({ event, body: JSON.stringify(event), claims: false, admit: true })),
    at,
  );
  if (stored.inserted.size !== events.length) throw new Error('a conflict event raised by the central was not stored');
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

/** For claims that lost: the event holding each one's base version (that pair is a conflict). */
export async function claimHolders(tx: CentralTx, losers: readonly Claim[]): Promise<Map<string, string>> {
  const lost = new Map<string, string>();
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
