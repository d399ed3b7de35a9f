// Encrypted at rest, refuses a wrong or missing key without ever
// creating a fresh database over the old one, refuses a newer schema, pragmas as required.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreOpenError } from './errors';
import { defaultMigrationsFolder, openStore } from './open';

let dir: string;
let file: string;
const key = randomBytes(32);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-db-'));
  file = join(dir, 'site.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const MARKER = 'ZEBRA-MARKER-7731-PLAINTEXT';

function insertMarker(raw: Database.Database): void {
  raw
    .prepare(
      `INSERT INTO persons (id, family_name, given_names, birth_date, sex, origin_site, created_at, created_by, updated_at)
       VALUES ('p1', ?, 'Test', '1980-01-01', 'unknown', 'T', 'now', 'u', 'now')`,
    )
    .run(MARKER);
}

describe('the encrypted site store', () => {
  it('is not plaintext on disk: header and a marker are absent from the db and WAL files', () => {
    const store = openStore({ file, key, create: true });
    insertMarker(store.raw);
    // The WAL still holds the write (no checkpoint yet): both files must hide the marker.
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    for (const f of [file, `${file}-wal`]) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
      expect(bytes.includes(Buffer.from('persons'))).toBe(false);
    }
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    store.close();
    // After close (checkpointed), the main file still hides it.
    expect(readFileSync(file).includes(Buffer.from(MARKER))).toBe(false);
  });

  it('applies WAL, synchronous=FULL and foreign keys', () => {
    const store = openStore({ file, key, create: true });
    expect(store.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.raw.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('cannot be read without the key or with another key', () => {
    openStore({ file, key, create: true }).close();
    const plain = new Database(file);
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    plain.close();
    expect(() => openStore({ file, key: randomBytes(32), create: false })).toThrow(StoreOpenError);
  });

  it('leaves the file byte-for-byte untouched when the key is wrong', () => {
    const store = openStore({ file, key, create: true });
    insertMarker(store.raw);
    store.close();
    const before = readFileSync(file);
    try {
      openStore({ file, key: randomBytes(32), create: false });
      expect.unreachable();
    } catch (err) {
      expect((err as StoreOpenError).reason).toBe('key_rejected');
      expect((err as Error).message).toMatch(/left untouched/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
    // And the right key still opens it, with the data.
    const again = openStore({ file, key, create: false });
    expect(again.raw.prepare('SELECT family_name FROM persons').pluck().get()).toBe(MARKER);
    again.close();
  });

  it('refuses a database written by a newer schema version, by name', () => {
    openStore({ file, key, create: true }).close();
    // Simulate a newer SONAR having applied a migration this version does not know.
    const newer = openStore({ file, key, create: false });
    newer.raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 ** 9);
    newer.close();
    expect(() => openStore({ file, key, create: false })).toThrow(/newer version of SONAR/);
  });

  it('applies the committed migrations once (re-opening changes nothing)', () => {
    openStore({ file, key, create: true }).close();
    const again = openStore({ file, key, create: false });
    const applied = again.raw.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    expect(applied).toBe(readdirCount(defaultMigrationsFolder()));
    again.close();
  });

  it('makes the audit trail append-only', () => {
    const store = openStore({ file, key, create: true });
    store.raw
      .prepare(`INSERT INTO audit_events (id, at, channel, action, outcome, prev_hash, hash) VALUES ('a', 'now', 'c', 'x', 'ok', 'p', 'h')`)
      .run();
    expect(() => store.raw.prepare("UPDATE audit_events SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => store.raw.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    store.close();
  });
});

function readdirCount(folder: string): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}
