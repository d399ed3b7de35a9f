// Composition root of the central record: lock the data directory, open the database (PostgreSQL
// when a URL is given, otherwise PGlite inside the data directory), open or create the region CA,
// bring the revocation list and the server certificate up to date, then serve HTTPS and the admin
// socket.
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startAdminSocket } from '../admin/admin-socket';
import { revokedEntries } from '../admin/commands';
import { acquireInstanceLock } from '../admin/instance-lock';
import { CRL_REISSUE_BEFORE_DAYS, RegionCa } from '../ca/region-ca';
import { openCentralStore, type CentralStore } from '../db/open';
import { startCentralServer, type RunningCentral } from '../server/central-server';
import { defaultSettings, type CentralSettings } from '../settings';

/** PGlite's files inside the data directory (the CLI names the same folder). */
export const PGLITE_DIR = 'pgdata';

export interface StartCentralOptions {
  dataDir: string;
  databaseUrl?: string | null;
  host?: string;
  port?: number;
  /** Names sites use to reach the central; the first is the one printed in the URL. */
  serverNames: string[];
  regionName?: string;
  settings?: Partial<CentralSettings>;
  now?: () => Date;
  crlPollMs?: number;
  poolSize?: number;
}

export interface Central {
  url: string;
  server: RunningCentral;
  store: CentralStore;
  ca: RegionCa;
  caCreated: boolean;
  settings: CentralSettings;
  close(): Promise<void>;
}

export async function refreshCrlIfDue(ca: RegionCa, store: CentralStore, now: Date, force = false): Promise<boolean> {
  const next = ca.crlNextUpdate();
  if (!force && next && next.getTime() - now.getTime() > CRL_REISSUE_BEFORE_DAYS * 86_400_000) return false;
  await ca.writeCrl(await revokedEntries(store), now);
  return true;
}

export async function startCentral(options: StartCentralOptions): Promise<Central> {
  const now = options.now ?? (() => new Date());
  const settings = { ...defaultSettings, ...options.settings };
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  chmodSync(options.dataDir, 0o700);
  const unlock = acquireInstanceLock(options.dataDir);
  let store: CentralStore | null = null;
  try {
    store = await openCentralStore({ databaseUrl: options.databaseUrl ?? null, pgliteDir: join(options.dataDir, PGLITE_DIR), poolSize: options.poolSize ?? 10 });
    const { ca, created } = await RegionCa.openOrCreate(options.dataDir, { ...(options.regionName ? { name: options.regionName } : {}), now: now() });
    // The database is the record of revocations; the CRL file is rebuilt from it at every start.
    await refreshCrlIfDue(ca, store, now(), true);
    const names = options.serverNames;
    const tls = await ca.serverCertificate(options.dataDir, names, now());
    const server = await startCentralServer({
      store,
      ca,
      tls: { keyPem: tls.keyPem, certPem: tls.certPem, caPem: ca.certPem },
      host: options.host ?? '127.0.0.1',
      port: options.port ?? 8443,
      publicName: names[0] ?? 'localhost',
      settings,
      now,
      ...(options.crlPollMs ? { crlPollMs: options.crlPollMs } : {}),
    });
    const openStore = store;
    const admin = await startAdminSocket(options.dataDir, {
      store: openStore,
      ca,
      now,
      afterIdentityChange: () => server.reloadRevocations(),
      afterPolicyChange: () => server.notifier.notify({ persons: null, originSite: null }),
    });
    // Keep the CRL valid: TLS refuses every site once it has expired.
    const crlTimer = setInterval(() => {
      void refreshCrlIfDue(ca, openStore, now()).catch((err: unknown) => process.stderr.write(`[central] CRL refresh failed: ${(err as Error).message}\n`));
    }, 6 * 3_600_000);
    crlTimer.unref();
    return {
      url: server.url,
      server,
      store: openStore,
      ca,
      caCreated: created,
      settings,
      close: async () => {
        clearInterval(crlTimer);
        await admin.close();
        await server.close();
        await openStore.close();
        unlock();
      },
    };
  } catch (err) {
    await store?.close().catch(() => undefined);
    unlock();
    throw err;
  }
}
