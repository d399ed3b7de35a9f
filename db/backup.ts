// An online, encrypted, verified copy of a site store. `VACUUM INTO` writes a consistent snapshot
// of the live database (a read transaction: the app keeps writing meanwhile) into a new file
// encrypted with the same key and SQLCipher 4 settings. The copy is then opened on its own and
// checked whole (integrity_check, the audit chain), and its audit head is matched against the
// live store, so the copy is known to be this store at one moment. A manifest beside it records
// what was copied.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { chainHead, verifyAuditChain, type ChainHead } from './audit-log';
import { applyKey } from './cipher';
import { registerSearchFunctions } from './search-functions';
import { RECOVERY_ADVICE, StoreOpenError } from './errors';
import { withReadOnlyView } from './read-only-view';
import { storeFiles, type StoreFiles } from './store-files';
import { keyCheckValue, keyMatchesMarker, readStoreMarker } from './store-marker';

export const backupManifestSchema = z
  .object({
    format: z.literal('sonar-backup'),
    version: z.literal(1),
    createdAt: z.string(),
    source: z.string(),
    cipher: z.literal('SQLCipher 4 defaults, raw 32-byte key'),
    keyCheck: z.string(),
    auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
    counts: z.record(z.string(), z.number().int()),
    bytes: z.number().int(),
  })
  .strict();
export type BackupManifest = z.infer<typeof backupManifestSchema>;

export function manifestFile(backupFile: string): string {
  return `${backupFile}.json`;
}

/** Row counts of every table (FTS internals included: a copy must hold them too). */
export function tableCounts(raw: Database.Database): Record<string, number> {
  const names = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(names.map((n) => [n, raw.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get() as number]));
}

export interface CopyVerdict {
  head: ChainHead | null;
  counts: Record<string, number>;
}

/** Opens a copy on its own, read-only, and checks it whole: every page, and the audit chain. */
export function verifyCopy(file: string, key: Buffer): CopyVerdict {
  return withReadOnlyView(storeFiles(file), (raw) => {
    try {
      applyKey(raw, key);
      // Expression indexes (name search) call these: copying, checking or changing rows needs them.
      registerSearchFunctions(raw);
      raw.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (err) {
      throw new StoreOpenError('key_rejected', `The copy ${file} does not open with this key (${(err as Error).message}).`);
    }
    const check = (raw.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    if (check !== 'ok') throw new StoreOpenError('damaged', `The copy ${file} is damaged: ${check.slice(0, 300)}`);
    const chain = verifyAuditChain(raw, null);
    if (!chain.ok) throw new StoreOpenError('damaged', `The copy's audit trail does not verify at row ${chain.firstBadSeq}: ${chain.problem}`);
    return { head: chainHead(raw), counts: tableCounts(raw) };
  });
}

/** A connection to the live store for reading: straight to it while SONAR runs (its -shm exists), else through a view. */
function withSource<T>(files: StoreFiles, key: Buffer, use: (raw: Database.Database) => T): T {
  const run = (raw: Database.Database) => {
    applyKey(raw, key);
    // Expression indexes (name search) call these: copying, checking or changing rows needs them.
    registerSearchFunctions(raw);
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
    return use(raw);
  };
  if (!existsSync(files.shm)) return withReadOnlyView(files, run);
  const raw = new Database(files.db, { readonly: true, fileMustExist: true });
  try {
    raw.pragma('busy_timeout = 10000');
    return run(raw);
  } finally {
    raw.close();
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function backupStore(dbFile: string, key: Buffer, to: string, now: () => Date = () => new Date()): BackupManifest {
  const files = storeFiles(dbFile);
  if (!existsSync(files.db)) throw new StoreOpenError('missing', `There is no SONAR database at ${files.db}.`);
  const marker = readStoreMarker(files.marker);
  if (marker && !keyMatchesMarker(key, marker)) throw new StoreOpenError('key_rejected', `The key is wrong: it does not belong to ${files.db}.`);
  if (existsSync(to) || existsSync(manifestFile(to))) throw new Error(`${to} already exists; choose a new name for the backup.`);
  if (!existsSync(dirname(to))) throw new Error(`The folder ${dirname(to)} does not exist.`);

  const partial = `${to}.partial`;
  rmSync(partial, { force: true });
  // VACUUM INTO fills an empty file it finds; made here, it is owner-only from the start.
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    withSource(files, key, (raw) => raw.prepare('VACUUM INTO ?').run(partial));
    fsyncFile(partial);
    const copy = verifyCopy(partial, key);
    // The copy must be this store at one moment: its newest audit row is a row of the live chain.
    if (copy.head) {
      const live = withSource(files, key, (raw) => raw.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck().get(copy.head?.seq) as string | undefined);
      if (live !== copy.head.hash) throw new StoreOpenError('damaged', `The copy's audit row ${copy.head.seq} differs from the live store's. ${RECOVERY_ADVICE}`);
    }
    renameSync(partial, to);
    const manifest: BackupManifest = {
      format: 'sonar-backup',
      version: 1,
      createdAt: now().toISOString(),
      source: files.db,
      cipher: 'SQLCipher 4 defaults, raw 32-byte key',
      keyCheck: keyCheckValue(key),
      auditHead: copy.head,
      counts: copy.counts,
      bytes: statSync(to).size,
    };
    writeFileSync(manifestFile(to), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    return manifest;
  } finally {
    rmSync(partial, { force: true });
  }
}
