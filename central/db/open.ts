// Opens the central record's database: a PostgreSQL server when DATABASE_URL is given, otherwise
// PGlite (PostgreSQL compiled to WebAssembly) in the data directory. The same drizzle migrations run
// on both, and every query in central/ is written once for both.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgSession, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type CentralSchema = typeof schema;
export type CentralDb = PgDatabase<PgQueryResultHKT, CentralSchema>;
export type CentralTx = PgTransaction<PgQueryResultHKT, CentralSchema, ExtractTablesWithRelations<CentralSchema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = CentralDb | CentralTx;

export const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'migrations');

export interface CentralStore {
  db: CentralDb;
  kind: 'postgresql' | 'pglite';
  /** Where the data lives, for start-up messages (never includes a password). */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** A postgres:// URL; when absent, PGlite in `pgliteDir` (or in memory when that is null). */
  databaseUrl?: string | null;
  pgliteDir?: string | null;
  /** Connections to a PostgreSQL server. */
  poolSize?: number;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgresql (unparseable URL)';
  }
}

export async function openCentralStore(options: OpenOptions): Promise<CentralStore> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle client's error (server restart) must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool, schema });
    try {
      await migratePg(db, { migrationsFolder: MIGRATIONS_DIR });
    } catch (err) {
      await pool.end();
      throw err;
    }
    return { db: db as unknown as CentralDb, kind: 'postgresql', location: redact(options.databaseUrl), close: () => pool.end() };
  }
  const dir = options.pgliteDir ?? null;
  if (dir) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch (err) {
    await client.close();
    throw err;
  }
  return { db: db as unknown as CentralDb, kind: 'pglite', location: dir ?? 'PGlite in memory', close: () => client.close() };
}

/** Rows of a raw `db.execute(sql...)` on either driver (both answer with `.rows`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * Runs a statement that a connection keeps prepared under `name`: PostgreSQL parses and plans it
 * once per connection instead of on every call (a push's set-based statements cost a few
 * milliseconds each to plan). The text behind a name must never change; the parameters may. PGlite
 * runs it as an ordinary statement.
 */
export async function executePrepared(db: Executor, name: string, query: SQL): Promise<unknown> {
  // drizzle's own path for prepared queries (what `.prepare(name)` uses for its query builders).
  const internals = db as unknown as { dialect: PgDialect; session: PgSession };
  return internals.session.prepareQuery(internals.dialect.sqlToQuery(query), undefined, name, false).execute();
}
