// The composition root of the site app's back end, shared by Electron and the browser host.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { SiteConfig } from '../../contract/site-config';
import { templateRegistry } from '../../domain/templates/library';
import type { TemplateRegistry } from '../../domain/templates/registry';
import type { IntegrityVerdict } from '../../db/background-check';
import { ReportWorker } from '../../db/reports/report-worker';
import { SiteStore } from '../../db/store';
import type { KeyStore } from '../keys/key-store';
import { createHandlers } from '../rpc/handlers';
import { CallGuard, DEFAULT_CALL_LIMITS, type CallLimits } from '../rpc/call-guard';
import { createRouter } from '../rpc/router';
import type { RpcTransportTarget } from '../rpc/transport';
import { ReportRuns } from '../services/reports/report-runs';
import { SessionRegistry } from '../services/sessions';
import { SignInThrottle } from '../services/sign-in-throttle';
import { DB_FILE, restrictDataDirFiles } from './data-dir-files';
import type { DemoSiteKind } from './site-config-file';
import { takeInstanceLock } from './instance-lock';
import { openSiteStore } from './open-site-store';
import { platformPolicySources, resolveSiteSettings, type PolicySources, type ResolvedSite } from './policy/resolve-site-settings';
import { describeSource } from './policy/settings-layer';
import { loadCodeMaps, loadSiteContent } from './policy/site-content';
import { bindDatabaseToSite } from './site-binding';
import { NoticeHub } from '../services/notice-hub';
import { SiteCredentialStore } from '../keys/site-credentials';
import { ownerOnlyFile } from '../keys/secret-file';
import { environmentProxyResolver, type SystemProxyResolver } from '../net/proxy-setting';
import { connectToCentral } from '../sync/central-connection';
import { SyncEngine } from '../sync/sync-engine';
import { SYNC_OFF, type SyncPort } from '../sync/sync-port';

export { DB_FILE } from './data-dir-files';

export interface SiteAppOptions {
  dataDir: string;
  keyStore: KeyStore;
  log?: (message: string) => void;
  /**
   * Write the demo site's configuration when there are no site settings at all and the data
   * directory has never held a site (npm start on a developer machine). Default true; never
   * honoured when `packaged`.
   */
  createDemoSite?: boolean;
  /** Which demo site to write into an empty data directory (SONAR_DEMO): the custody suite by default. */
  demoSite?: DemoSiteKind;
  /** An installed build: site settings from machine policy only, no demo site. */
  packaged?: boolean;
  /** Where machine policy is read from; this platform's registry key and site.json by default. */
  policy?: PolicySources;
  migrationsFolder?: string;
  now?: () => Date;
  /**
   * Starts the clock at this ISO time (it then runs on in real time). For end-to-end tests of
   * time-based rules (break-glass after a stay, idle periods); refused unless the site is a demo site.
   */
  testNow?: string;
  /** Templates in use; by default the shipped library plus the site's own template files. */
  templates?: TemplateRegistry;
  /** Rate limits for calls without a session and for refused calls; the defaults unless a test says otherwise. */
  callLimits?: CallLimits;
  /**
   * `auto` (default): a small store is checked whole before start-up goes on; a large one has what
   * start-up depends on checked first and the rest in a worker (db/open.ts). `full` and
   * `background` force one or the other.
   */
  integrityCheck?: 'auto' | 'background' | 'full';
  /** The site's TLS identity store; by default the owner-only files in the data directory (browser host). */
  siteCredentials?: Pick<SiteCredentialStore, 'active'>;
  /** How the system proxy is found (Electron asks Chromium); by default HTTPS_PROXY / NO_PROXY. */
  systemProxy?: SystemProxyResolver;
  /** Start the background sync at once (default true; tests drive it by hand). */
  startSync?: boolean;
  syncTiming?: { intervalMs?: number; waitMs?: number };
}

export interface SiteApp {
  router: RpcTransportTarget;
  /** "Person changed" notices for live screens. */
  notices: NoticeHub;
  sessions: SessionRegistry;
  sync: SyncPort;
  /** Stops sync (waiting for a run in progress), then closes. */
  shutdown(): Promise<void>;
  site: SiteConfig;
  /** Where each site setting came from. */
  settings: ResolvedSite;
  store: SiteStore;
  /** The whole-file integrity check; damage found is logged and stops every call (call-guard.ts). */
  integrity: Promise<IntegrityVerdict>;
  close(): void;
}

export async function createSiteApp(options: SiteAppOptions): Promise<SiteApp> {
  const log = options.log ?? ((m: string) => console.error(m));
  // Which site this is comes first: without it nothing is created, not even the data folder.
  const settings = resolveSiteSettings({
    dataDir: options.dataDir,
    policy: options.policy ?? platformPolicySources(),
    packaged: options.packaged ?? false,
    createDemoSite: (options.createDemoSite ?? true) && !(options.packaged ?? false),
    keyExists: options.keyStore.exists(),
    ...(options.demoSite ? { demoSite: options.demoSite } : {}),
    log,
  });
  if (options.demoSite && !settings.createdDemo && settings.config.demo && settings.config.siteType !== options.demoSite) {
    log(`SONAR_DEMO=${options.demoSite} is ignored: this data folder already holds ${settings.config.siteName} (${settings.config.siteCode}). Use another data folder for the demo ${options.demoSite}.`);
  }
  const site = settings.config;
  const sources = [...new Set(Object.values(settings.origins).map((o) => (o === 'default' ? 'defaults' : describeSource(o))))];
  log(`Site ${site.siteCode} (${site.siteName}); settings from ${sources.join(', ')}`);
  if (site.updateMode !== 'none') log(`updateMode "${site.updateMode}" is set, but this version has no update feed: IT deploys new versions.`);
  // The site's files are read and checked once, here: a wrong file stops start-up, naming it.
  const content = options.templates || site.templates.length + site.codeLists.length === 0 ? null : loadSiteContent(site);
  const templates = options.templates ?? content?.templates ?? templateRegistry;
  const codeMaps = content?.codeMaps ?? loadCodeMaps(site.codeLists);
  const now = options.testNow ? shiftedClock(options.testNow, site.demo) : (options.now ?? (() => new Date()));
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const dbFile = join(options.dataDir, DB_FILE);
  const opened = openSiteStore(dbFile, options.keyStore, {
    check: options.integrityCheck ?? 'auto',
    ...(options.migrationsFolder ? { migrationsFolder: options.migrationsFolder } : {}),
  });
  for (const warning of opened.warnings) log(warning);
  const lock = takeInstanceLock(options.dataDir, now);
  restrictDataDirFiles(options.dataDir);
  const store = new SiteStore(opened, site.siteCode);
  try {
    bindDatabaseToSite(store.raw, dbFile, site);
  } catch (error) {
    store.close();
    lock.release();
    throw error;
  }
  const nowMs = () => now().getTime();
  const guard = new CallGuard(options.callLimits ?? DEFAULT_CALL_LIMITS, {
    nowMs,
    newId: uuidv7,
    writeAudit: (entry) => store.auditOnly(entry),
    log,
  });
  const integrity = opened.integrity.then((verdict) => {
    if (verdict.ok === false) {
      guard.markDamaged(verdict.problem);
      log(`SONAR DATABASE DAMAGED: the integrity check found: ${verdict.problem}. SONAR has stopped using it; contact site IT.`);
    }
    return verdict;
  });
  const sessions = new SessionRegistry(nowMs, site.idleLockMinutes * 60_000);
  const notices = new NoticeHub();
  store.onCommitted((events) => notices.publish(events.map((e) => e.personId)));
  const sync = await startSync(options, site, store, now, log, notices);
  // Reports run in a worker on its own read-only connection; it reads the key when first used.
  const reports = new ReportRuns(new ReportWorker({ file: dbFile, key: () => options.keyStore.read() }), { nowMs, log });
  const handlers = createHandlers({ sessions, throttle: new SignInThrottle(store.signInAttempts, nowMs), reports, codeMaps });
  const router = createRouter({ store, site, now, newId: uuidv7, sessions, handlers, log, templates, guard, sync, notices });
  const close = () => {
    guard.close();
    void sync.engine?.stop();
    void reports.close();
    try {
      store.close();
    } finally {
      lock.release();
    }
  };
  return {
    router,
    site,
    settings,
    store,
    integrity,
    notices,
    sessions,
    sync,
    close,
    async shutdown() {
      await sync.engine?.stop();
      await reports.close();
      close();
    },
  };
}

/** Connects to the central when site policy turns sync on and the site has its certificate. */
async function startSync(options: SiteAppOptions, site: SiteConfig, store: SiteStore, now: () => Date, log: (m: string) => void, notices: NoticeHub): Promise<SyncPort> {
  if (!site.syncEnabled) return SYNC_OFF;
  const credentials = options.siteCredentials ?? new SiteCredentialStore(options.dataDir, ownerOnlyFile);
  const connection = await connectToCentral(site, credentials, options.systemProxy ?? environmentProxyResolver());
  if (!connection.ok) {
    log(`sync: ${connection.message}`);
    return { mode: connection.reason === 'sync_off' ? 'off' : connection.reason, message: connection.message, engine: null };
  }
  const engine = new SyncEngine({
    store,
    sync: store.sync,
    client: connection.client,
    now,
    newId: uuidv7,
    log,
    onPeopleChanged: (ids) => notices.publish(ids),
    ...(options.syncTiming ?? {}),
  });
  store.onCommitted(() => engine.nudge());
  if (options.startSync ?? true) engine.start();
  return { mode: 'on', message: null, engine };
}

function shiftedClock(testNow: string, demo: boolean): () => Date {
  if (!demo) throw new Error('SONAR_TEST_NOW is honoured only at a demo site.');
  const start = Date.parse(testNow);
  if (Number.isNaN(start)) throw new Error(`SONAR_TEST_NOW is not a date and time: ${testNow}`);
  const offset = start - Date.now();
  return () => new Date(Date.now() + offset);
}
