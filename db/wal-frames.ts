// Reads a write-ahead log's frame headers (SQLite's WAL format; SQLCipher encrypts only the page
// bodies, so the headers are plain). Tells which pages the WAL holds in committed transactions,
// so a main file cut short can be told apart from one whose newest pages still wait in the WAL.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

export interface WalContents {
  /** Pages written by committed transactions in the WAL. */
  pages: Set<number>;
  /** The database size in pages after the last committed transaction, or null when none. */
  committedDbPages: number | null;
}

function checksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const a = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const b = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + a + s1) >>> 0;
    s1 = (s1 + b + s0) >>> 0;
  }
  return [s0, s1];
}

/** The committed frames of the WAL file, checked as SQLite checks them (salts and running checksum). */
export function readWal(file: string): WalContents {
  const empty: WalContents = { pages: new Set(), committedDbPages: null };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return empty;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < WAL_HEADER_BYTES) return empty;
    const header = Buffer.alloc(WAL_HEADER_BYTES);
    readSync(fd, header, 0, WAL_HEADER_BYTES, 0);
    const magic = header.readUInt32BE(0);
    if (magic !== MAGIC_LE && magic !== MAGIC_BE) return empty;
    const bigEndian = magic === MAGIC_BE;
    const pageSize = header.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65536) return empty;
    let sums = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sums[0] !== header.readUInt32BE(24) || sums[1] !== header.readUInt32BE(28)) return empty;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);

    const frame = Buffer.alloc(FRAME_HEADER_BYTES + pageSize);
    const pending: number[] = [];
    const pages = new Set<number>();
    let committedDbPages: number | null = null;
    for (let offset = WAL_HEADER_BYTES; offset + frame.length <= size; offset += frame.length) {
      readSync(fd, frame, 0, frame.length, offset);
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      sums = checksum(frame.subarray(0, 8), bigEndian, sums);
      sums = checksum(frame.subarray(FRAME_HEADER_BYTES), bigEndian, sums);
      if (sums[0] !== frame.readUInt32BE(16) || sums[1] !== frame.readUInt32BE(20)) break;
      pending.push(frame.readUInt32BE(0));
      const commitSize = frame.readUInt32BE(4);
      if (commitSize !== 0) {
        for (const p of pending) pages.add(p);
        pending.length = 0;
        committedDbPages = commitSize;
      }
    }
    return { pages, committedDbPages };
  } finally {
    closeSync(fd);
  }
}
