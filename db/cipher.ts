// The cipher settings, fixed and recorded: SQLCipher 4's format (sqlcipher-format.ts reads it
// directly), a raw 32-byte key, set before anything else on a connection.
import type Database from 'better-sqlite3-multiple-ciphers';

export const CIPHER_PRAGMAS = ["cipher = 'sqlcipher'", 'legacy = 4'] as const;

export function applyKey(raw: Database.Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('The database key must be 32 bytes');
  for (const p of CIPHER_PRAGMAS) raw.pragma(p);
  raw.pragma(`key = "x'${key.toString('hex')}'"`);
}
