// The audit seal: the chain head (newest row's seq and hash) kept outside the database, so that
// deleting the newest audit rows, or putting an older copy of the database in place, shows up in
// verification instead of leaving a shorter chain that still links up. It is rewritten after
// every commit that appends an audit row. A head found behind its seal when the store opens is
// recorded in the seal for good ("cut"), so carrying on writing cannot hide it.
//
// Two fixed-size slots are written in turn, each with its own checksum: a write torn by a crash
// spoils at most the slot being written, and the other still holds the previous head (a head one
// row behind the database is normal; one ahead of it is not). Someone who can rewrite both the
// database and this file is caught only once the head is anchored at the central record (sync).
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';

const SLOT_BYTES = 1024;
/** The hash recorded for "no row yet" (the chain's genesis). */
const NO_ROW_HASH = '0'.repeat(64);

export const sealCutSchema = z.object({
  /** When the store opened and found its chain behind the seal. */
  foundAt: z.string(),
  sealedSeq: z.number().int(),
  sealedHash: z.string(),
  /** The newest row the database still held then (0 when none). */
  foundSeq: z.number().int(),
  problem: z.string().max(200),
});
export type SealCut = z.infer<typeof sealCutSchema>;

const sealBodySchema = z.object({
  n: z.number().int().nonnegative(),
  /** The newest committed row. */
  seq: z.number().int().nonnegative(),
  hash: z.string(),
  /** The newest row known to be on disk (sealed after a synchronous=FULL commit, or at a clean close). */
  durableSeq: z.number().int().nonnegative(),
  durableHash: z.string(),
  /** True only when written by a clean close: nothing after it can have been lost to a power cut. */
  clean: z.boolean(),
  cut: sealCutSchema.nullable(),
});
export type SealState = z.infer<typeof sealBodySchema>;

const slotSchema = z.object({ body: sealBodySchema, sum: z.string() });

function sum(body: SealState): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

function decodeSlot(bytes: Buffer): SealState | null {
  try {
    const parsed = slotSchema.safeParse(JSON.parse(bytes.toString('utf8').trim()));
    if (!parsed.success || sum(parsed.data.body) !== parsed.data.sum) return null;
    return parsed.data.body;
  } catch {
    return null;
  }
}

function encodeSlot(body: SealState): Buffer {
  const text = JSON.stringify({ body, sum: sum(body) });
  if (Buffer.byteLength(text) > SLOT_BYTES - 1) throw new Error('audit seal slot overflow');
  return Buffer.from(text.padEnd(SLOT_BYTES - 1, ' ') + '\n');
}

/** The newer of the two slots that read whole, or null when neither does (or the file is empty). */
export function readSealFile(file: string): SealState | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(SLOT_BYTES * 2);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const slots = [decodeSlot(buf.subarray(0, Math.min(n, SLOT_BYTES))), n > SLOT_BYTES ? decodeSlot(buf.subarray(SLOT_BYTES, n)) : null];
    const whole = slots.filter((s): s is SealState => s !== null);
    return whole.sort((a, b) => b.n - a.n)[0] ?? null;
  } finally {
    closeSync(fd);
  }
}

export class AuditSealWriter {
  private fd: number | null;
  private state: SealState | null;

  constructor(readonly file: string) {
    this.state = readSealFile(file);
    this.fd = openSync(file, 'a+', 0o600);
    closeSync(this.fd);
    this.fd = openSync(file, 'r+');
  }

  current(): SealState | null {
    return this.state;
  }

  /**
   * Records the head. `durable`: the head's commit is on disk (so it becomes the durable head too);
   * `clean`: the store is closing (the seal is then fsync'd). A recorded cut is kept unless given.
   */
  seal(head: { seq: number; hash: string }, options: { durable: boolean; clean?: boolean; cut?: SealCut | null }): void {
    if (this.fd === null) return;
    const n = (this.state?.n ?? 0) + 1;
    const clean = options.clean ?? false;
    const durable = options.durable || clean;
    const body: SealState = {
      n,
      seq: head.seq,
      hash: head.hash,
      durableSeq: durable ? head.seq : (this.state?.durableSeq ?? 0),
      durableHash: durable ? head.hash : (this.state?.durableHash ?? NO_ROW_HASH),
      clean,
      cut: options.cut === undefined ? (this.state?.cut ?? null) : options.cut,
    };
    writeSync(this.fd, encodeSlot(body), 0, SLOT_BYTES, (n % 2) * SLOT_BYTES);
    if (clean) fsyncSync(this.fd);
    this.state = body;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
