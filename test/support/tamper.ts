// What someone holding the key and an SQL tool can do to a store behind SONAR's back.
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Opens a data directory's database with its key file, as any SQLCipher 4 client could. */
export function openWithKeyFile(dataDir: string): Database.Database {
  const raw = new Database(join(dataDir, 'sonar.db'));
  raw.pragma("cipher = 'sqlcipher'");
  raw.pragma('legacy = 4');
  raw.pragma(`key = "x'${readFileSync(join(dataDir, 'db.key'), 'utf8').trim()}'"`);
  return raw;
}

/** Drops the append-only trigger and deletes every audit row after `keep`. */
export function deleteNewestAuditRows(dataDir: string, keep: number): void {
  const raw = openWithKeyFile(dataDir);
  try {
    raw.exec(`DROP TRIGGER IF EXISTS audit_events_no_delete; DELETE FROM audit_events WHERE seq > ${keep};`);
  } finally {
    raw.close();
  }
}
