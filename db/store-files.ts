// The files that make up one site store, all named after the database file. SQLite's own are the
// database, its write-ahead log and the log's index; SONAR adds the marker (this directory has
// held a store: its key check and salt) and the audit seal (the chain head, outside the database).
import { chmodSync, existsSync, statSync } from 'node:fs';

export interface StoreFiles {
  db: string;
  wal: string;
  shm: string;
  marker: string;
  seal: string;
}

export function storeFiles(dbFile: string): StoreFiles {
  return { db: dbFile, wal: `${dbFile}-wal`, shm: `${dbFile}-shm`, marker: `${dbFile}.marker`, seal: `${dbFile}.seal` };
}

/** SQLite's three files, in the order a byte-for-byte comparison or a copy should take them. */
export function sqliteFiles(files: StoreFiles): string[] {
  return [files.db, files.wal, files.shm];
}

/**
 * Makes each existing file readable and writable by its owner only. SQLite gives the -wal and -shm
 * files the database file's permissions when it creates them, so a 0600 database keeps them 0600.
 */
export function restrictToOwner(paths: readonly string[]): void {
  if (process.platform === 'win32') return;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  }
}
