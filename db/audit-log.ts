// The audit trail: append-only (triggers refuse UPDATE/DELETE) and hash-chained, each row's hash
// covering the previous row's hash and its own fields, so editing or deleting any row breaks the
// chain from that row on and verifyAuditChain names it.
import { createHash } from 'node:crypto';
import type { RawDb } from './open';

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  roles: string | null;
  channel: string;
  action: string;
  personId: string | null;
  outcome: 'ok' | 'refused' | 'failed';
  reason: string | null;
  detail: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

const FIELDS = ['id', 'at', 'userId', 'username', 'roles', 'channel', 'action', 'personId', 'outcome', 'reason', 'detail'] as const;

export function auditRowHash(prevHash: string, entry: AuditEntry): string {
  const canonical = JSON.stringify([prevHash, ...FIELDS.map((f) => entry[f])]);
  return createHash('sha256').update(canonical).digest('hex');
}

export class AuditLog {
  private readonly lastHash;
  private readonly insert;

  constructor(private readonly raw: RawDb) {
    this.lastHash = raw.prepare('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1').pluck();
    this.insert = raw.prepare(
      `INSERT INTO audit_events (id, at, user_id, username, roles, channel, action, person_id, outcome, reason, detail, prev_hash, hash)
       VALUES (@id, @at, @userId, @username, @roles, @channel, @action, @personId, @outcome, @reason, @detail, @prevHash, @hash)`,
    );
  }

  /** Must run inside the transaction of the change it describes. */
  append(entry: AuditEntry): void {
    if (!this.raw.inTransaction) throw new Error('An audit row must be written inside the transaction it describes');
    const prevHash = (this.lastHash.get() as string | undefined) ?? GENESIS_HASH;
    this.insert.run({ ...entry, prevHash, hash: auditRowHash(prevHash, entry) });
  }
}

interface AuditRow extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export type ChainVerdict = { ok: true; rows: number } | { ok: false; firstBadSeq: number; problem: string };

/** Walks the chain in order and names the first row whose link or content does not match. */
export function verifyAuditChain(raw: RawDb): ChainVerdict {
  const rows = raw
    .prepare(
      `SELECT seq, id, at, user_id AS userId, username, roles, channel, action, person_id AS personId, outcome, reason, detail,
              prev_hash AS prevHash, hash FROM audit_events ORDER BY seq`,
    )
    .iterate() as IterableIterator<AuditRow>;
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return { ok: false, firstBadSeq: expectedSeq, problem: `row ${expectedSeq} is missing` };
    }
    if (row.prevHash !== expectedPrev) return { ok: false, firstBadSeq: row.seq, problem: 'link to the previous row does not match' };
    if (auditRowHash(row.prevHash, row) !== row.hash) return { ok: false, firstBadSeq: row.seq, problem: 'row content was changed' };
    expectedPrev = row.hash;
    expectedSeq = row.seq + 1;
    count++;
  }
  return { ok: true, rows: count };
}
