// Which sites receive a person's events (docs/sync-protocol.md "Subscriptions"): an open stay at the
// site, a reception lookup (time-limited unless a stay starts), or having written about the person
// (time-limited, so a site sees a conflict raised over its own edit). A new subscription owes the
// site a snapshot of the person's earlier events; pull delivers it.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { Executor } from '../db/open';
import { executePrepared, rowsOf } from '../db/open';

/**
 * Ids for a push's candidate subscription rows (most are discarded by ON CONFLICT): the random part
 * of all of them drawn from the system RNG at once instead of once per row.
 */
function newIds(count: number): string[] {
  const random = randomBytes(16 * count);
  return Array.from({ length: count }, (_, i) => uuidv7({ random: random.subarray(16 * i, 16 * i + 16) }));
}

export interface StayRow {
  site: string;
  personId: string;
  stayRecordId: string;
  /** Null while the stay is open; the end of the retention window once it has ended. */
  expiresAt: Date | null;
}

/**
 * Stays at sites. An open stay always takes the subscription over (no category cap, direct care);
 * the end of a stay only shortens the subscription of that same stay, and never cuts a longer one.
 */
export async function upsertStaySubscriptions(tx: Executor, stays: readonly StayRow[], now: Date): Promise<void> {
  if (stays.length === 0) return;
  const ids = newIds(stays.length);
  const rows = stays.map((s, i) => ({ id: ids[i], site_code: s.site, person_id: s.personId, stay_record_id: s.stayRecordId, expires_at: s.expiresAt?.toISOString() ?? null }));
  await executePrepared(tx, 'central_push_stay_subscriptions', sql`
    INSERT INTO subscriptions AS s (id, site_code, person_id, kind, purpose, category_cap, stay_record_id, expires_at, created_at,
                                    snapshot_seq, snapshot_floor, snapshot_gen, snapshot_done, granted)
    SELECT r.id, r.site_code, r.person_id, 'stay', 'direct_care', NULL, r.stay_record_id, r.expires_at, ${now.toISOString()}, NULL, 0, 1, false, NULL
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, site_code text, person_id uuid, stay_record_id text, expires_at timestamptz)
    ON CONFLICT (site_code, person_id) DO UPDATE SET
      kind = 'stay', purpose = 'direct_care', category_cap = NULL,
      stay_record_id = excluded.stay_record_id, expires_at = excluded.expires_at
    WHERE excluded.expires_at IS NULL
       OR s.stay_record_id = excluded.stay_record_id
       OR (s.expires_at IS NOT NULL AND s.expires_at < excluded.expires_at)`);
}

/**
 * The site wrote about these people: make sure it hears of changes (and conflicts) for a while.
 * An open stay is left alone; a time-limited subscription is extended.
 */
export async function ensureAuthorSubscriptions(tx: Executor, site: string, personIds: readonly string[], expiresAt: Date, now: Date): Promise<void> {
  if (personIds.length === 0) return;
  const ids = newIds(personIds.length);
  const rows = [...personIds].sort().map((personId, i) => ({ id: ids[i], person_id: personId }));
  await executePrepared(tx, 'central_push_author_subscriptions', sql`
    INSERT INTO subscriptions (id, site_code, person_id, kind, purpose, category_cap, stay_record_id, expires_at, created_at,
                               snapshot_seq, snapshot_floor, snapshot_gen, snapshot_done, granted)
    SELECT r.id, ${site}, r.person_id, 'author', 'direct_care', NULL, NULL, ${expiresAt.toISOString()}, ${now.toISOString()},
           NULL, 0, 1, false, NULL
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, person_id uuid)
    ON CONFLICT (site_code, person_id) DO UPDATE SET expires_at = GREATEST(subscriptions.expires_at, excluded.expires_at)
    WHERE subscriptions.expires_at IS NOT NULL`);
}

export interface LookupSubscription {
  site: string;
  personId: string;
  purpose: string;
  categoryCap: string[] | null;
  expiresAt: Date;
  /** The lookup answer carried the person's events up to here. */
  deliveredThrough: number;
  /** True when the answer carried everything; false leaves the rest to pull. */
  complete: boolean;
  granted: Record<string, string[]>;
  now: Date;
}

/**
 * After a lookup: subscribe (or extend), recording what the answer already delivered. A site holds
 * one subscription per person, so a narrower lookup (a partner's) never narrows what the site was
 * already receiving: caps are united, direct care is kept, an open stay stays open. Returns the
 * expiry, null for an open stay.
 */
export async function upsertLookupSubscription(tx: Executor, s: LookupSubscription): Promise<Date | null> {
  const result = await tx.execute(sql`
    INSERT INTO subscriptions (id, site_code, person_id, kind, purpose, category_cap, stay_record_id, expires_at, created_at,
                               snapshot_seq, snapshot_floor, snapshot_gen, snapshot_done, granted)
    VALUES (${uuidv7()}, ${s.site}, ${s.personId}, 'lookup', ${s.purpose}, ${s.categoryCap === null ? null : JSON.stringify(s.categoryCap)}::jsonb, NULL,
            ${s.expiresAt.toISOString()}, ${s.now.toISOString()}, ${s.deliveredThrough}, ${s.deliveredThrough}, 1, ${s.complete}, ${JSON.stringify(s.granted)}::jsonb)
    ON CONFLICT (site_code, person_id) DO UPDATE SET
      kind = CASE WHEN subscriptions.expires_at IS NULL THEN subscriptions.kind ELSE 'lookup' END,
      purpose = CASE WHEN subscriptions.purpose = 'direct_care' THEN subscriptions.purpose ELSE excluded.purpose END,
      category_cap = CASE
        WHEN subscriptions.category_cap IS NULL OR excluded.category_cap IS NULL THEN NULL
        ELSE (SELECT jsonb_agg(DISTINCT c ORDER BY c) FROM jsonb_array_elements_text(subscriptions.category_cap || excluded.category_cap) AS c) END,
      expires_at = CASE WHEN subscriptions.expires_at IS NULL THEN NULL ELSE GREATEST(subscriptions.expires_at, excluded.expires_at) END
    RETURNING expires_at`);
  const row = rowsOf<{ expires_at: string | Date | null }>(result)[0];
  return row?.expires_at ? new Date(row.expires_at) : null;
}
