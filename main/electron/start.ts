// The Electron main process, start to quit. index.ts passes in createSiteApp; keeping it a
// parameter lets the start-up order and the failure path be tested with Electron faked.
import fs from 'node:fs';
import path from 'node:path';
import { demoSiteKind } from '../app/site-config-file';
import { app, dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { PolicySources } from '../app/policy/resolve-site-settings';
import type { KeyStore } from '../keys/key-store';
import type { RpcTransportTarget } from '../rpc/transport';
import { installHardening } from './hardening';
import { registerRpcIpc } from './ipc';
import { registerAppProtocol, registerAppSchemePrivileged } from './protocol';
import { provisionArguments, runProvisionMode } from './provision-mode';
import { createSafeStorageKeyStore } from './safe-storage-key-store';
import { createMainWindow } from './window';

export interface SiteApp {
  router: RpcTransportTarget;
  close(): void;
}

/** The signature of main/app/create-site-app.ts, the part of it this file relies on. */
export type CreateSiteApp = (options: {
  dataDir: string;
  keyStore: KeyStore;
  log?: (msg: string) => void;
  migrationsFolder?: string;
  /** An installed build: site settings from machine policy only, never the demo site. */
  packaged: boolean;
  policy?: PolicySources;
}) => Promise<SiteApp>;

export interface StartOptions {
  createSiteApp: CreateSiteApp;
  log?: (message: string) => void;
  /** Where machine policy is read from; this platform's registry key and site.json by default. */
  policy?: PolicySources;
}

/**
 * Where the build puts the preload, the renderer and the migrations (electron.vite.config.ts),
 * relative to the app's root or its asar. Derived from app.getAppPath() rather than the bundle's
 * own location so it does not depend on the main bundle's module format.
 */
export function bundlePaths(appRoot: string): { preloadPath: string; rendererRoot: string; migrationsFolder: string } {
  return {
    preloadPath: path.join(appRoot, 'out', 'preload', 'preload.cjs'),
    rendererRoot: path.join(appRoot, 'out', 'renderer'),
    migrationsFolder: path.join(appRoot, 'out', 'main', 'migrations'),
  };
}

/** SONAR_DATA_DIR (demo sites, tests) wins over the per-user folder Electron chooses; the demo prison (SONAR_DEMO=prison) has a folder of its own beside it. */
export function dataDirectory(env: NodeJS.ProcessEnv, userData: () => string): string {
  const fromEnv = env.SONAR_DATA_DIR;
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return env.SONAR_DEMO?.trim() === 'prison' ? `${userData()}-demo-prison` : userData();
}

/**
 * The default log: stderr, and a file in Electron's logs folder (%APPDATA%\SONAR\logs\main.log on
 * Windows), since an installed app has no console. Never holds patient data or keys: callers log
 * start-up, configuration and failures only.
 */
function defaultLog(message: string): void {
  const line = `${new Date().toISOString()} ${message}`;
  console.error(`[sonar] ${line}`);
  try {
    const dir = app.getPath('logs');
    fs.mkdirSync(dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'main.log'), `${line}\n`);
  } catch {
    // Logging must never stop the app; stderr already has the line.
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function startElectronApp(options: StartOptions, argv: readonly string[] = process.argv): void {
  const log = options.log ?? defaultLog;

  // Provisioning runs beside a running SONAR (it only touches the site's TLS files), so it takes
  // no single-instance lock and opens no window.
  const provisioning = provisionArguments(argv);
  if (provisioning) {
    runProvisionMode(provisioning, { dataDir: () => dataDirectory(process.env, () => app.getPath('userData')), ...(options.policy ? { policy: options.policy } : {}) });
    return;
  }

  // Two instances would open the same database and race on the key file.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  // Before ready: scheme privileges are read at start-up, sandboxing must cover every renderer,
  // and hardening must be in place before the first web contents exists.
  app.enableSandbox();
  registerAppSchemePrivileged();
  installHardening(app);

  let mainWindow: BrowserWindow | null = null;
  let siteApp: SiteApp | null = null;
  let unregisterIpc: (() => void) | null = null;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // A clinical app with one window: closing it ends the session on every platform, including
  // macOS, so no patient data stays loaded in a windowless process.
  app.on('window-all-closed', () => app.quit());

  app.on('will-quit', () => {
    unregisterIpc?.();
    unregisterIpc = null;
    siteApp?.close();
    siteApp = null;
  });

  async function onReady(): Promise<void> {
    const { preloadPath, rendererRoot, migrationsFolder } = bundlePaths(app.getAppPath());
    registerAppProtocol(rendererRoot);

    const dataDir = dataDirectory(process.env, () => app.getPath('userData'));
    try {
      // The data folder is made by createSiteApp once it knows which site this is: a packaged
      // start without site policy must leave nothing behind.
      const keyStore = createSafeStorageKeyStore({ dataDir });
      siteApp = await options.createSiteApp({
        dataDir,
        keyStore,
        log,
        migrationsFolder,
        packaged: app.isPackaged,
        ...(options.policy ? { policy: options.policy } : {}),
        ...(app.isPackaged ? {} : { demoSite: demoSiteKind() }),
      });
    } catch (error) {
      // Key unavailable, a database from a newer version, a damaged file: say so and stop. A new
      // empty database is never made in place of one that cannot be opened.
      log(`start-up failed: ${messageOf(error)}`);
      dialog.showErrorBox('SONAR cannot start', `${messageOf(error)}\n\nData folder: ${dataDir}`);
      app.quit();
      return;
    }

    unregisterIpc = registerRpcIpc(siteApp.router);
    mainWindow = createMainWindow({ preloadPath, devTools: !app.isPackaged, log });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  }

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log(`start-up failed: ${messageOf(error)}`);
      dialog.showErrorBox('SONAR cannot start', messageOf(error));
      app.quit();
    });
}
