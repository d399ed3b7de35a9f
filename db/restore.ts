// Puts a verified backup in place of a site's store. Nothing is deleted: the files there now
// (database, WAL, index, marker, seal) are moved into a dated folder beside them first. The copy
// is checked whole before anything moves, written owner-only and fsync'd, opened as the store,
// given a new marker and seal (the chain now ends where the backup's does), and the restore itself
// is the next row of its audit trail.
import { copyFileSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AuditLog } from './audit-log';
import { verifyCopy, type CopyVerdict } from './backup';
import { openStore } from './open';
import { storeFiles } from './store-files';

export interface RestoreResult {
  restored: CopyVerdict;
  /** Where the files that were replaced now are (null when there were none). */
  movedAsideTo: string | null;
}

export interface RestoreOptions {
  newId: () => string;
  now?: () => Date;
  migrationsFolder?: string;
  /** The copy's verdict when the caller has just checked it (a whole-file check is slow on a large store). */
  verified?: CopyVerdict;
}

export function restoreStore(dbFile: string, key: Buffer, from: string, options: RestoreOptions): RestoreResult {
  const now = options.now ?? (() => new Date());
  const files = storeFiles(dbFile);
  const restored = options.verified ?? verifyCopy(from, key);

  const present = [files.db, files.wal, files.shm, files.marker, files.seal].filter((f) => existsSync(f));
  let movedAsideTo: string | null = null;
  if (present.length > 0) {
    movedAsideTo = join(dirname(dbFile), `before-restore-${now().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(movedAsideTo, { mode: 0o700 });
    for (const f of present) renameSync(f, join(movedAsideTo, basename(f)));
  }

  const incoming = `${dbFile}.restoring`;
  copyFileSync(from, incoming);
  renameSync(incoming, dbFile);
  const opened = openStore({ file: dbFile, key, create: false, check: 'critical', now, ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}) });
  try {
    const audit = new AuditLog(opened.raw);
    opened.raw
      .transaction(() =>
        audit.append({
          id: options.newId(),
          at: now().toISOString(),
          userId: null,
          username: null,
          roles: null,
          channel: 'tools.restore',
          action: 'restored the database from a backup',
          personId: null,
          outcome: 'ok',
          reason: null,
          detail: JSON.stringify({ from: basename(from), backupHead: restored.head?.seq ?? 0, movedAsideTo: movedAsideTo ? basename(movedAsideTo) : null }),
        }),
      )
      .immediate();
  } finally {
    opened.close();
  }
  return { restored, movedAsideTo };
}
