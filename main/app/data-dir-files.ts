// Everything in SONAR's data directory is for its own user only: the database and SQLite's files
// beside it, the key, the marker, the audit seal and the site configuration. SONAR creates its
// files owner-only; this also tightens the directory and files put there some other way (a
// configuration copied in by site IT, a store made by an older version). Windows keeps its own
// access lists, set by the installer.
import { chmodSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The site database's file name in the data directory. */
export const DB_FILE = 'sonar.db';
/** The browser host's key file (under Electron the key is wrapped by the OS keystore instead). */
export const KEY_FILE = 'db.key';

export function restrictDataDirFiles(dataDir: string): void {
  if (process.platform === 'win32') return;
  const tighten = (path: string, mode: number) => {
    const stat = lstatSync(path);
    if ((stat.mode & 0o077) !== 0) chmodSync(path, mode);
  };
  tighten(dataDir, 0o700);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isFile()) tighten(join(dataDir, entry.name), 0o600);
  }
}
