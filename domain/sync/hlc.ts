// Hybrid logical clock (docs/sync-protocol.md): l = largest physical ms seen, c = counter. Encoded as
// 48-bit milliseconds + 16-bit counter in one 64-bit integer. That exceeds a JS number's exact
// range, so the encoded form is a bigint; SQLite keeps it as INTEGER, PostgreSQL as BIGINT.
// The HLC orders events and shows "recorded at"; it never picks a conflict winner.

export interface Hlc {
  /** Largest physical time seen, in ms since the epoch. */
  l: number;
  /** Logical counter within that millisecond. */
  c: number;
}

export const HLC_ZERO: Hlc = { l: 0, c: 0 };
const MAX_COUNTER = 0xffff;

export class HlcOverflowError extends Error {
  constructor() {
    super('Hybrid logical clock counter overflow: more than 65535 events in one millisecond');
  }
}

/** The next timestamp for a local event or a send, given the wall clock `nowMs`. */
export function tickHlc(prev: Hlc, nowMs: number): Hlc {
  const l = Math.max(prev.l, Math.floor(nowMs));
  const c = l === prev.l ? prev.c + 1 : 0;
  if (c > MAX_COUNTER) throw new HlcOverflowError();
  return { l, c };
}

/** The clock after receiving a remote timestamp. */
export function receiveHlc(prev: Hlc, remote: Hlc, nowMs: number): Hlc {
  const now = Math.floor(nowMs);
  const l = Math.max(prev.l, remote.l, now);
  let c: number;
  if (l === prev.l && l === remote.l) c = Math.max(prev.c, remote.c) + 1;
  else if (l === prev.l) c = prev.c + 1;
  else if (l === remote.l) c = remote.c + 1;
  else c = 0;
  if (c > MAX_COUNTER) throw new HlcOverflowError();
  return { l, c };
}

export function encodeHlc(h: Hlc): bigint {
  return (BigInt(h.l) << 16n) | BigInt(h.c);
}

export function decodeHlc(encoded: bigint): Hlc {
  return { l: Number(encoded >> 16n), c: Number(encoded & 0xffffn) };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  return a.l - b.l || a.c - b.c;
}
