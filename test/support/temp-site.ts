// A real site app on a fresh temp data directory: real encrypted SQLite file, real router.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSiteApp, type SiteApp, type SiteAppOptions } from '../../main/app/create-site-app';
import { FileKeyStore } from '../../main/keys/file-key-store';
import { DEFAULT_CALL_LIMITS, type CallLimits } from '../../main/rpc/call-guard';
import type { ChannelName, ChannelInput, ChannelOutput } from '../../contract/channels';
import type { RpcResult } from '../../contract/result';

export interface TempSite {
  app: SiteApp;
  dataDir: string;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string | null): Promise<RpcResult<ChannelOutput<C>>>;
  /** Calls and asserts success. */
  ok<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string | null): Promise<ChannelOutput<C>>;
  count(table: string): number;
  cleanup(): void;
}

/**
 * For fuzz tests, which exercise validation with thousands of calls a second: the rate limits
 * would turn nearly all of them away. The limits have their own tests; coalescing stays on.
 */
export const NO_RATE_LIMITS: CallLimits = {
  anonymous: { capacity: 1e9, perSecond: 1e9 },
  refusalsPerSession: { capacity: 1e9, perSecond: 1e9 },
  coalesce: DEFAULT_CALL_LIMITS.coalesce,
};

export async function startTempSite(
  opts: {
    now?: () => Date;
    dataDir?: string;
    callLimits?: CallLimits;
    siteType?: 'custody' | 'prison';
    settings?: Record<string, unknown>;
    /** Anything else the site app takes (its TLS identity, sync timing...). */
    app?: Partial<SiteAppOptions>;
  } = {},
): Promise<TempSite> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'sonar-test-'));
  if (opts.siteType === 'prison' || opts.settings) {
    // A provisioned site: the configuration is in place before the first start.
    const base =
      opts.siteType === 'prison'
        ? { schemaVersion: 1, siteCode: 'DEMOPR1', siteName: 'Demo Prison', siteType: 'prison', demo: true, idleLockMinutes: 5 }
        : { schemaVersion: 1, siteCode: 'DEMO01', siteName: 'Demo Custody Suite', siteType: 'custody', demo: true, idleLockMinutes: 5 };
    writeFileSync(join(dataDir, 'sonar.config.json'), JSON.stringify({ ...base, ...opts.settings }), { mode: 0o600 });
  }
  const app = await createSiteApp({
    dataDir,
    keyStore: new FileKeyStore(join(dataDir, 'db.key')),
    log: () => {},
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.callLimits ? { callLimits: opts.callLimits } : {}),
    ...opts.app,
  });
  const call = <C extends ChannelName>(channel: C, input: ChannelInput<C>, token: string | null = null) =>
    app.router.handle(channel, input, token) as Promise<RpcResult<ChannelOutput<C>>>;
  return {
    app,
    dataDir,
    call,
    async ok(channel, input, token = null) {
      const result = await call(channel, input, token);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    count: (table) => (app.store.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    cleanup() {
      try {
        app.close();
      } catch {
        // already closed by the test
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const ADMIN_PASSWORD = 'correct horse battery staple';

/** Creates the first administrator (also a custody HCP) and signs in. */
export async function signedInAdmin(site: TempSite): Promise<string> {
  await site.ok('setup.createFirstAdmin', {
    fullName: 'Ada Admin',
    username: 'ada',
    password: ADMIN_PASSWORD,
    clinicalRole: 'custody_hcp',
  });
  const session = await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD });
  return session.token;
}
