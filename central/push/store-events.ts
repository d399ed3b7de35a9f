// Storing a push's events: one statement checks each event against the record it names, inserts the
// new ones (ON CONFLICT DO NOTHING) and claims their base versions, so a batch of 500 costs one round
// trip. The events travel as one JSON array of their bodies (the canonical encodings the content
// hashes were checked over, with the hash added), and PostgreSQL reads each event's columns from
// its body, so the body stored is exactly the text whose fields fill the columns.
//
// Everything here may run while other pushes run: a concurrent copy of an event, or a concurrent
// claim on the same base version, makes this statement wait for the other transaction and then skip
// the row. What it skipped is looked up afterwards in statements of its own, because only a new
// statement sees what the other transaction committed.
import { sql } from 'drizzle-orm';
import type { ClinicalEvent } from '../../contract/sync/events';
import { executePrepared, rowsOf, type CentralTx } from '../db/open';
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

export async function storeEvents(tx: CentralTx, events: readonly EventToStore[], at: Date): Promise<StoreOutcome> {
  const outcome: StoreOutcome = { misfiled: new Set(), inserted: new Set(), claimed: new Set() };
  if (events.length === 0) return outcome;
  // The bodies as one JSON array, joined once (brackets on the first and last, so the text is flat
  // and not copied again when the driver measures and writes it); each event's columns are read
  // from its own body by PostgreSQL, so nothing travels twice.
  const bodies = events.map((s) => s.body);
  bodies[0] = `[${bodies[0] as string}`;
  bodies[bodies.length - 1] = `${bodies[bodies.length - 1] as string}]`;
  const flags = JSON.stringify(events.map((s) => (s.claims ? 1 : 0) | (s.admit ? 2 : 0)));
  const row = rowsOf<{ misfiled: string[] | null; inserted: string[] | null; claimed: string[] | null }>(
    await executePrepared(tx, 'central_push_store_events', sql`
      WITH input AS (
        SELECT b.n AS i, r."eventId" AS event_id, r."personId" AS person_id, r."recordType" AS record_type, r."recordId" AS record_id, r.type,
               r."baseVersion" AS base_version, r.hlc, r."originSite" AS origin_site, r.sensitivity, r."contentHash" AS content_hash,
               (f.flag::integer & 1) = 1 AS claims, (f.flag::integer & 2) = 2 AS admit, b.body
        FROM json_array_elements(${bodies.join(',')}::json) WITH ORDINALITY AS b(body, n)
        CROSS JOIN LATERAL json_to_record(b.body) AS r("eventId" uuid, "personId" uuid, "recordType" text, "recordId" text, type text,
               "baseVersion" integer, hlc bigint, "originSite" text, sensitivity text, "contentHash" text)
        JOIN json_array_elements_text(${flags}::json) WITH ORDINALITY AS f(flag, n) ON f.n = b.n
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
