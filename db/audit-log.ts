// The audit trail: append-only (triggers refuse UPDATE/DELETE) and hash-chained, each row's hash
// covering the previous row's hash and its own fields, so editing or deleting any row breaks the
// chain from that row on and verifyAuditChain names it. Deleting the newest rows leaves a chain
// that still links up, so the head is also sealed outside the database after every commit
// (audit-seal.ts) and verification compares the two.
import { createHash } from 'node:crypto';
import type { AuditSealWriter, SealState } from './audit-seal';
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

/** The seal kept for each open store's connection (registered by openStore). */
const seals = new WeakMap<RawDb, AuditSealWriter>();

export function registerAuditSeal(raw: RawDb, seal: AuditSealWriter): void {
  seals.set(raw, seal);
}

export function auditSealFor(raw: RawDb): AuditSealWriter | undefined {
  return seals.get(raw);
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export function chainHead(raw: RawDb): ChainHead | null {
  return (raw.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as ChainHead | undefined) ?? null;
}

/** The row a seal names is still there, unchanged (seq 0: no row was sealed). */
export function sealedRowPresent(raw: RawDb, seq: number, hash: string): boolean {
  if (seq === 0) return true;
  return raw.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(seq) === hash;
}

/**
 * Seals the committed head: after each commit that appended a row, and at a clean close. If the
 * row sealed last is gone or changed (rows deleted while the app runs), that is recorded in the
 * seal for good before the new head is written, so the next row cannot cover it.
 */
export function sealHead(raw: RawDb, options: { durable: boolean; clean?: boolean }, now: () => Date = () => new Date()): void {
  const seal = seals.get(raw);
  if (!seal || !raw.open || raw.inTransaction) return;
  const head = chainHead(raw) ?? { seq: 0, hash: GENESIS_HASH };
  const current = seal.current();
  if (current && !options.clean && current.seq === head.seq && current.hash === head.hash && (!options.durable || current.durableSeq === head.seq)) return;
  let cut = current?.cut ?? null;
  if (current && !cut && !sealedRowPresent(raw, current.seq, current.hash)) {
    cut = {
      foundAt: now().toISOString(),
      sealedSeq: current.seq,
      sealedHash: current.hash,
      foundSeq: head.seq,
      problem: `row ${current.seq}, sealed as the newest, was removed or changed while SONAR was running`,
    };
  }
  seal.seal(head, { durable: options.durable, clean: options.clean ?? false, cut });
}

export class AuditLog {
  private readonly lastHash;
  private readonly insert;
  private sealPending = false;
  private pendingDurable = false;

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
    // synchronous=FULL (2): the commit is on disk when it returns; audit-only commits run at NORMAL.
    this.sealAfterCommit(this.raw.pragma('synchronous', { simple: true }) === 2);
  }

  /**
   * Transactions here are synchronous, so a microtask runs once this one has committed (or rolled
   * back); it seals whatever head is then committed. A crash before it runs leaves the seal one
   * row behind, which verification allows.
   */
  private sealAfterCommit(durable: boolean): void {
    if (!seals.has(this.raw)) return;
    this.pendingDurable ||= durable;
    if (this.sealPending) return;
    this.sealPending = true;
    queueMicrotask(() => {
      const wasDurable = this.pendingDurable;
      this.sealPending = false;
      this.pendingDurable = false;
      try {
        sealHead(this.raw, { durable: wasDurable });
      } catch {
        // The seal could not be written (disk full): the next commit tries again; verification
        // then sees a seal behind the chain, which is allowed.
      }
    });
  }
}

interface AuditRow extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

export type ChainVerdict = { ok: true; rows: number } | { ok: false; firstBadSeq: number; problem: string };

/** Whether the chain reaches the sealed head: a head behind its seal means the newest rows were removed. */
export function sealProblem(raw: RawDb, seal: SealState): { firstBadSeq: number; problem: string } | null {
  if (seal.cut) {
    return {
      firstBadSeq: seal.cut.foundSeq + 1,
      problem: `the audit trail was cut short before ${seal.cut.foundAt}: ${seal.cut.problem}`,
    };
  }
  const headSeq = chainHead(raw)?.seq ?? 0;
  if (sealedRowPresent(raw, seal.seq, seal.hash)) return null;
  if (headSeq < seal.seq) {
    return { firstBadSeq: headSeq + 1, problem: `rows ${headSeq + 1} to ${seal.seq} were removed (the sealed head is row ${seal.seq})` };
  }
  return { firstBadSeq: seal.seq, problem: `row ${seal.seq} is not the row that was sealed` };
}

/**
 * Walks the chain in order and names the first row whose link or content does not match, then
 * checks the chain reaches its seal (by default the seal of this open store).
 */
export function verifyAuditChain(raw: RawDb, seal: SealState | null = seals.get(raw)?.current() ?? null): ChainVerdict {
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
  if (seal) {
    const cut = sealProblem(raw, seal);
    if (cut) return { ok: false, ...cut };
  }
  return { ok: true, rows: count };
}
