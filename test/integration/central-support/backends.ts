// The central suite runs on PGlite always, and also on a real PostgreSQL server when DATABASE_URL
// names one (CI starts a throwaway cluster). Each test file gets its own fresh database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface Backend {
  name: 'pglite' | 'postgresql';
  /** A fresh database for one test file (null for PGlite, which is created empty in its data directory). */
  create(): Promise<{ url: string | null; drop(): Promise<void> }>;
}

const pglite: Backend = { name: 'pglite', create: async () => ({ url: null, drop: async () => undefined }) };

function postgres(serverUrl: string): Backend {
  return {
    name: 'postgresql',
    create: async () => {
      const name = `sonar_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: async () => {
          const c = new pg.Client({ connectionString: serverUrl });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

export function centralBackends(): Backend[] {
  const url = process.env.DATABASE_URL;
  return url ? [pglite, postgres(url)] : [pglite];
}

/** For tests whose subject is not the database (TLS, the CLI): a server starts faster than PGlite. */
export function fastestBackend(): Backend {
  const all = centralBackends();
  return all[all.length - 1] as Backend;
}
