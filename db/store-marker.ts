// The store marker: a small owner-only file beside the database saying a store was made here, with
// a check value of its key and the database's salt. It lets start-up tell a wrong key (the check
// value differs) from a damaged file (the key is right but the file does not open, or its salt
// changed), and it is one of the signs that a data directory has held a site, so a missing
// database is never silently replaced. The check value is an HMAC of a fixed text under the key:
// it says nothing about the key itself.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';

const KEY_CHECK_TEXT = 'SONAR store key check v1';

export const storeMarkerSchema = z
  .object({
    format: z.literal('sonar-store-marker'),
    version: z.literal(1),
    /** `creating` from just before the first database is made until it exists whole. */
    state: z.enum(['creating', 'ready']),
    createdAt: z.string(),
    keyCheck: z.string().regex(/^[0-9a-f]{64}$/),
    /** The first 16 bytes of the database file (SQLCipher's salt), hex; null while creating. */
    salt: z.string().regex(/^[0-9a-f]{32}$/).nullable(),
  })
  .strict();
export type StoreMarker = z.infer<typeof storeMarkerSchema>;

export function keyCheckValue(key: Buffer): string {
  return createHmac('sha256', key).update(KEY_CHECK_TEXT).digest('hex');
}

export function keyMatchesMarker(key: Buffer, marker: StoreMarker): boolean {
  return timingSafeEqual(Buffer.from(keyCheckValue(key), 'hex'), Buffer.from(marker.keyCheck, 'hex'));
}

export class MarkerUnreadableError extends Error {
  constructor(file: string, why: string) {
    super(`The store marker ${file} cannot be read (${why}).`);
    this.name = 'MarkerUnreadableError';
  }
}

/** The marker, or null when there is none. A marker that exists but does not parse is an error, never ignored. */
export function readStoreMarker(file: string): StoreMarker | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new MarkerUnreadableError(file, (err as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new MarkerUnreadableError(file, 'not JSON');
  }
  const parsed = storeMarkerSchema.safeParse(json);
  if (!parsed.success) throw new MarkerUnreadableError(file, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

/** Writes the marker whole or not at all (temporary file, fsync, rename), owner-only. */
export function writeStoreMarker(file: string, marker: StoreMarker): void {
  const body = JSON.stringify(storeMarkerSchema.parse(marker), null, 2) + '\n';
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, body);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
