// The disclosure audit: one row for every disclosure (a lookup answer; a pull page's events about a
// person), for every query of the audit itself, and for every view or download of the governance
// lead's aggregate KPI figures (report_view). Append-only (triggers refuse UPDATE and DELETE)
// and hash-chained, each row's hash covering the previous one, so an edited or removed row is found
// by verifyDisclosureChain. Writers take a transaction-scoped lock so the chain has one order.
import { sql } from 'drizzle-orm';
import { canonicalJson } from '../../contract/sync/canonical-json';
import { rowsOf, type Executor } from '../db/open';
import { sha256Hex } from '../push/check-event';

export const GENESIS_HASH = '0'.repeat(64);
/** pg_advisory_xact_lock key for appending to the chain ("SONAR-DISC" folded into 53 bits). */
const CHAIN_LOCK = 0x534f4e4152d15c;

export interface DisclosureEntry {
  id: string;
  at: Date;
  kind: 'lookup' | 'pull' | 'audit_query' | 'report_view';
  siteCode: string | null;
  userId: string | null;
  userName: string | null;
  userRole: string | null;
  purpose: string | null;
  personId: string | null;
  identifierType: string | null;
  identifierValue: string | null;
  outcome: string;
  permitted: string[];
  withheld: { category: string; rule: string; originSite?: string }[];
  rule: string;
  agreementRefs: { id: string; version: number }[];
  eventCount: number;
  detail: Record<string, unknown> | null;
}

const FIELDS = [
  'id',
  'at',
  'kind',
  'siteCode',
  'userId',
  'userName',
  'userRole',
  'purpose',
  'personId',
  'identifierType',
  'identifierValue',
  'outcome',
  'permitted',
  'withheld',
  'rule',
  'agreementRefs',
  'eventCount',
  'detail',
] as const;

export function disclosureHash(prevHash: string, entry: DisclosureEntry): string {
  return sha256Hex(canonicalJson([prevHash, ...FIELDS.map((f) => (f === 'at' ? entry.at.toISOString() : entry[f]))]));
}

/** Must run inside the transaction of the disclosure it records. */
export async function appendDisclosures(tx: Executor, entries: readonly DisclosureEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const last = rowsOf<{ seq: string | number; hash: string }>(await tx.execute(sql`SELECT seq, hash FROM disclosures ORDER BY seq DESC LIMIT 1`))[0];
  let prev = last?.hash ?? GENESIS_HASH;
  // Numbered here, under the lock, so the chain order and the seq order are the same by construction.
  let seq = last ? Number(last.seq) : 0;
  const rows = entries.map((e) => {
    const hash = disclosureHash(prev, e);
    const row = {
      seq: ++seq,
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      site_code: e.siteCode,
      user_id: e.userId,
      user_name: e.userName,
      user_role: e.userRole,
      purpose: e.purpose,
      person_id: e.personId,
      identifier_type: e.identifierType,
      identifier_value: e.identifierValue,
      outcome: e.outcome,
      permitted: e.permitted,
      withheld: e.withheld,
      rule: e.rule,
      agreement_refs: e.agreementRefs,
      event_count: e.eventCount,
      detail: e.detail,
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  await tx.execute(sql`
    INSERT INTO disclosures (seq, id, at, kind, site_code, user_id, user_name, user_role, purpose, person_id, identifier_type, identifier_value,
                             outcome, permitted, withheld, rule, agreement_refs, event_count, detail, prev_hash, hash)
    SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(seq bigint, id uuid, at timestamptz, kind text, site_code text, user_id text, user_name text,
           user_role text, purpose text, person_id uuid, identifier_type text, identifier_value text, outcome text, permitted jsonb, withheld jsonb,
           rule text, agreement_refs jsonb, event_count integer, detail jsonb, prev_hash text, hash text)`);
}

interface DisclosureRow {
  seq: string | number;
  id: string;
  at: string | Date;
  kind: DisclosureEntry['kind'];
  site_code: string | null;
  user_id: string | null;
  user_name: string | null;
  user_role: string | null;
  purpose: string | null;
  person_id: string | null;
  identifier_type: string | null;
  identifier_value: string | null;
  outcome: string;
  permitted: string[];
  withheld: DisclosureEntry['withheld'];
  rule: string;
  agreement_refs: DisclosureEntry['agreementRefs'];
  event_count: number;
  detail: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

export interface StoredDisclosure extends DisclosureEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export function fromRow(r: DisclosureRow): StoredDisclosure {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: new Date(r.at),
    kind: r.kind,
    siteCode: r.site_code,
    userId: r.user_id,
    userName: r.user_name,
    userRole: r.user_role,
    purpose: r.purpose,
    personId: r.person_id,
    identifierType: r.identifier_type,
    identifierValue: r.identifier_value,
    outcome: r.outcome,
    permitted: r.permitted,
    withheld: r.withheld,
    rule: r.rule,
    agreementRefs: r.agreement_refs,
    eventCount: r.event_count,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export type ChainVerdict = { ok: true; rows: number } | { ok: false; firstBadSeq: number; problem: string };

/** Walks the chain in order and names the first row whose link or content does not match. */
export async function verifyDisclosureChain(db: Executor): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let count = 0;
  let after = 0;
  for (;;) {
    const rows = rowsOf<DisclosureRow>(await db.execute(sql`SELECT * FROM disclosures WHERE seq > ${after} ORDER BY seq LIMIT 5000`));
    if (rows.length === 0) return { ok: true, rows: count };
    for (const raw of rows) {
      const row = fromRow(raw);
      if (row.prevHash !== prev) return { ok: false, firstBadSeq: row.seq, problem: 'link to the previous row does not match (a row before it was removed or changed)' };
      if (disclosureHash(row.prevHash, row) !== row.hash) return { ok: false, firstBadSeq: row.seq, problem: 'row content was changed' };
      prev = row.hash;
      after = row.seq;
      count++;
    }
  }
}
