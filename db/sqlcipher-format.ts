// The SQLCipher 4 page format, read directly (no SQLite involved) so that SONAR can tell a wrong
// key from a damaged file without opening, and so a test can prove a file is what any SQLCipher 4
// client expects. Settings are SQLCipher 4's defaults, which CIPHER_PRAGMAS select: 4096-byte
// pages, AES-256-CBC with a raw 32-byte key (no key derivation for a raw key), each page ending in
// a 16-byte IV and a 64-byte HMAC-SHA512 over the page's ciphertext, IV and page number
// (little-endian). The HMAC key is PBKDF2-HMAC-SHA512(key, salt XOR 0x3a, 2 iterations). The salt
// is the first 16 bytes of page 1.
import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';

export const PAGE_SIZE = 4096;
export const SALT_BYTES = 16;
const IV_BYTES = 16;
const HMAC_BYTES = 64;
const RESERVE_BYTES = IV_BYTES + HMAC_BYTES;
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITERATIONS = 2;

export function hmacKeyFor(key: Buffer, salt: Buffer): Buffer {
  const hmacSalt = Buffer.from(salt.map((b) => b ^ HMAC_SALT_MASK));
  return pbkdf2Sync(key, hmacSalt, FAST_KDF_ITERATIONS, 32, 'sha512');
}

function pageParts(page: Buffer, pgno: number) {
  const start = pgno === 1 ? SALT_BYTES : 0;
  return {
    ciphertext: page.subarray(start, PAGE_SIZE - RESERVE_BYTES),
    iv: page.subarray(PAGE_SIZE - RESERVE_BYTES, PAGE_SIZE - HMAC_BYTES),
    mac: page.subarray(PAGE_SIZE - HMAC_BYTES, PAGE_SIZE),
  };
}

/** Whether a page's HMAC matches under this key: true means the key is right and the page is whole. */
export function pageAuthentic(page: Buffer, pgno: number, hmacKey: Buffer): boolean {
  if (page.length !== PAGE_SIZE) return false;
  const { ciphertext, iv, mac } = pageParts(page, pgno);
  const pg = Buffer.alloc(4);
  pg.writeUInt32LE(pgno);
  const expected = createHmac('sha512', hmacKey).update(ciphertext).update(iv).update(pg).digest();
  return timingSafeEqual(expected, mac);
}

/** Page 1 decrypted: the SQLite header from byte 16 on (page size, file format versions, reserve). */
export function decryptPage1Header(page1: Buffer, key: Buffer): Buffer {
  const { ciphertext, iv } = pageParts(page1, 1);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

/**
 * What the pages of a database image (the main file's bytes) say about a key: whether page 1 is
 * authentic, and how many of the sampled other pages are. The sample stops at `maxPages`.
 */
export function inspectPages(image: Buffer, key: Buffer, maxPages = 64): { pages: number; page1: boolean; othersChecked: number; othersAuthentic: number } {
  const pages = Math.floor(image.length / PAGE_SIZE);
  if (pages === 0) return { pages, page1: false, othersChecked: 0, othersAuthentic: 0 };
  const hmacKey = hmacKeyFor(key, image.subarray(0, SALT_BYTES));
  const page = (n: number) => image.subarray((n - 1) * PAGE_SIZE, n * PAGE_SIZE);
  let othersChecked = 0;
  let othersAuthentic = 0;
  for (let n = 2; n <= pages && othersChecked < maxPages; n++) {
    othersChecked++;
    if (pageAuthentic(page(n), n, hmacKey)) othersAuthentic++;
  }
  return { pages, page1: pageAuthentic(page(1), 1, hmacKey), othersChecked, othersAuthentic };
}

/**
 * The database size in pages that page 1's header records, when the header is authentic and the
 * size is marked valid (SQLite writes both); null otherwise.
 */
export function headerPageCount(page1: Buffer, key: Buffer): number | null {
  if (page1.length !== PAGE_SIZE || !pageAuthentic(page1, 1, hmacKeyFor(key, page1.subarray(0, SALT_BYTES)))) return null;
  const header = decryptPage1Header(page1, key);
  // Offsets in the SQLite header minus the 16 bytes SQLCipher keeps for the salt.
  const changeCounter = header.readUInt32BE(24 - SALT_BYTES);
  const pages = header.readUInt32BE(28 - SALT_BYTES);
  const validFor = header.readUInt32BE(92 - SALT_BYTES);
  return pages > 0 && validFor === changeCounter ? pages : null;
}
