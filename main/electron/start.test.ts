import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RpcTransportTarget } from '../rpc/transport';

// Electron faked as far as start.ts and the modules it wires use it. `order` records the calls
// whose sequence matters (what happens before ready, what happens on ready).
const fake = vi.hoisted(() => {
  const order: string[] = [];
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>();
  let resolveReady: () => void = () => undefined;
  const windows: Array<{ options: Record<string, unknown>; loadURL: (u: string) => Promise<void>; listeners: Map<string, () => void> }> = [];
  const app = {
    isPackaged: false,
    lockGranted: true,
    requestSingleInstanceLock: vi.fn(() => {
      order.push('lock');
      return app.lockGranted;
    }),
    quit: vi.fn(() => order.push('quit')),
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      order.push(`app.on:${event}`);
      appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
      return app;
    }),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (resolveReady = resolve))),
    getAppPath: vi.fn(() => '/opt/sonar/resources/app.asar'),
    getPath: vi.fn((_name: string) => ''),
    exit: vi.fn((code: number) => order.push(`exit:${code}`)),
  };
  class BrowserWindow {
    readonly listeners = new Map<string, () => void>();
    constructor(readonly options: Record<string, unknown>) {
      order.push('BrowserWindow');
      windows.push(this);
    }
    once(event: string, l: () => void) {
      this.listeners.set(event, l);
    }
    on(event: string, l: () => void) {
      this.listeners.set(event, l);
    }
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
  }
  return {
    order,
    appListeners,
    windows,
    ready: () => resolveReady(),
    electron: {
      app,
      BrowserWindow,
      dialog: { showErrorBox: vi.fn((_title: string, _body: string) => order.push('showErrorBox')) },
      protocol: {
        registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')),
        handle: vi.fn(() => order.push('protocol.handle')),
      },
      session: { defaultSession: { resolveProxy: vi.fn(async (_url: string) => 'DIRECT') } },
      ipcMain: { handle: vi.fn(() => order.push('ipcMain.handle')), removeHandler: vi.fn(() => order.push('ipcMain.removeHandler')) },
      safeStorage: {
        isEncryptionAvailable: () => true,
        getSelectedStorageBackend: () => 'gnome_libsecret',
        encryptString: (s: string) => Buffer.from(s),
        decryptString: (b: Buffer) => b.toString(),
      },
    },
  };
});
vi.mock('electron', () => fake.electron);

import { createSiteApp as realCreateSiteApp } from '../app/create-site-app';
import { bundlePaths, dataDirectory, startElectronApp, type CreateSiteApp } from './start';

let dataDir: string;
const router: RpcTransportTarget = { handle: async () => ({ ok: true, value: null }) };

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sonar-start-'));
  vi.stubEnv('SONAR_DATA_DIR', dataDir);
  fake.order.length = 0;
  fake.appListeners.clear();
  fake.windows.length = 0;
  fake.electron.app.lockGranted = true;
  fake.electron.app.isPackaged = false;
  vi.clearAllMocks();
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts, fires `ready`, and waits until start-up has settled (a window, or a quit). */
async function startAndReady(createSiteApp: CreateSiteApp): Promise<void> {
  startElectronApp({ createSiteApp, log: () => undefined });
  fake.ready();
  await vi.waitFor(() => expect(fake.order.some((c) => c === 'BrowserWindow' || c === 'quit')).toBe(true));
}

function emitApp(event: string): void {
  for (const l of fake.appListeners.get(event) ?? []) l({});
}

describe('startElectronApp', () => {
  it('quits at once, touching nothing else, when another instance holds the lock', () => {
    fake.electron.app.lockGranted = false;
    const createSiteApp = vi.fn<CreateSiteApp>();
    startElectronApp({ createSiteApp });
    expect(fake.order).toEqual(['lock', 'quit']);
    expect(fake.electron.app.whenReady).not.toHaveBeenCalled();
    expect(createSiteApp).not.toHaveBeenCalled();
  });

  it('registers the scheme, the sandbox and the hardening before ready', () => {
    startElectronApp({ createSiteApp: vi.fn<CreateSiteApp>() });
    expect(fake.order.slice(0, 4)).toEqual(['lock', 'enableSandbox', 'registerSchemesAsPrivileged', 'app.on:web-contents-created']);
    expect(fake.order).not.toContain('protocol.handle');
    expect(fake.order).not.toContain('BrowserWindow');
  });

  it('on ready: serves the bundle, builds the site app, wires IPC, then opens the window', async () => {
    const close = vi.fn();
    const createSiteApp = vi.fn<CreateSiteApp>(async () => ({ router, close }));
    await startAndReady(createSiteApp);
    const afterReady = fake.order.slice(fake.order.indexOf('protocol.handle'));
    expect(afterReady).toEqual(['protocol.handle', 'ipcMain.handle', 'BrowserWindow']);
    expect(createSiteApp).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir, migrationsFolder: path.join('/opt/sonar/resources/app.asar', 'out', 'main', 'migrations') }),
    );
    const keyStore = createSiteApp.mock.calls[0]?.[0].keyStore;
    expect(keyStore?.description).toContain(path.join(dataDir, 'db.key.safe'));
    const prefs = fake.windows[0]?.options.webPreferences as Record<string, unknown>;
    expect(prefs.preload).toBe(path.join('/opt/sonar/resources/app.asar', 'out', 'preload', 'preload.cjs'));
    expect(prefs.devTools).toBe(true); // not packaged
  });

  it('shows the error and quits, with no window and no IPC, when the site app cannot start', async () => {
    const createSiteApp = vi.fn<CreateSiteApp>(async () => {
      throw new Error('The database was written by a newer version of SONAR.');
    });
    await startAndReady(createSiteApp);
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('SONAR cannot start', expect.stringContaining('newer version of SONAR'));
    expect(fake.order).toContain('quit');
    expect(fake.order).not.toContain('BrowserWindow');
    expect(fake.order).not.toContain('ipcMain.handle');
  });

  it('treats a synchronous throw from the factory the same way', async () => {
    const createSiteApp = vi.fn<CreateSiteApp>(() => {
      throw new Error('key unavailable');
    });
    await startAndReady(createSiteApp);
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('SONAR cannot start', expect.stringContaining('key unavailable'));
    expect(fake.order).not.toContain('BrowserWindow');
  });

  it('quits when every window is closed, and closes the site app and IPC on quit', async () => {
    const close = vi.fn();
    await startAndReady(async () => ({ router, close }));
    emitApp('window-all-closed');
    expect(fake.electron.app.quit).toHaveBeenCalled();
    emitApp('will-quit');
    expect(close).toHaveBeenCalledTimes(1);
    expect(fake.electron.ipcMain.removeHandler).toHaveBeenCalledWith('sonar:rpc');
  });
});

describe('site policy in an installed build', () => {
  it('tells createSiteApp whether the build is packaged', async () => {
    fake.electron.app.isPackaged = true;
    const createSiteApp = vi.fn<CreateSiteApp>(async () => ({ router, close: () => undefined }));
    await startAndReady(createSiteApp);
    expect(createSiteApp).toHaveBeenCalledWith(expect.objectContaining({ packaged: true }));
  });

  it('a packaged start without site policy shows the message for IT, opens no window and creates no database', async () => {
    fake.electron.app.isPackaged = true;
    const policy = { readRegistry: () => null, machineFile: path.join(dataDir, 'no-such-policy', 'site.json'), platform: 'linux' as const };
    startElectronApp({ createSiteApp: realCreateSiteApp, log: () => undefined, policy });
    fake.ready();
    await vi.waitFor(() => expect(fake.order).toContain('quit'));
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('SONAR cannot start', expect.stringContaining('SONAR has no site policy on this computer'));
    expect(fake.electron.dialog.showErrorBox).toHaveBeenCalledWith('SONAR cannot start', expect.stringContaining('Site IT: set the site policy'));
    expect(fake.order).not.toContain('BrowserWindow');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});

describe('SONAR.exe --provision', () => {
  it('runs a provisioning command with the key wrapped by the keystore, without a lock, a window or a database', async () => {
    const etc = path.join(dataDir, 'etc');
    fs.mkdirSync(etc, { mode: 0o755 });
    fs.chmodSync(etc, 0o755);
    fs.writeFileSync(path.join(etc, 'site.json'), JSON.stringify({ siteCode: 'HMPLEEDS', siteName: 'HMP Leeds', siteType: 'prison' }), { mode: 0o644 });
    fs.chmodSync(path.join(etc, 'site.json'), 0o644);
    const policy = { readRegistry: () => null, machineFile: path.join(etc, 'site.json'), platform: 'linux' as const };
    const report = path.join(dataDir, 'report.txt');
    const createSiteApp = vi.fn<CreateSiteApp>();
    startElectronApp({ createSiteApp, log: () => undefined, policy }, ['SONAR.exe', '--provision', 'request', '--report', report]);
    fake.ready();
    await vi.waitFor(() => expect(fake.order.some((c) => c.startsWith('exit:'))).toBe(true));
    expect(fake.order).toContain('exit:0');
    expect(fake.order).not.toContain('lock');
    expect(fake.order).not.toContain('BrowserWindow');
    expect(createSiteApp).not.toHaveBeenCalled();
    expect(fs.readFileSync(report, 'utf8')).toContain('A new key pair was made for site HMPLEEDS');
    expect(fs.readFileSync(report, 'utf8')).toContain('wrapped by the OS keystore (Electron safeStorage)');
    expect(fs.existsSync(path.join(dataDir, 'site-tls.pending.safe'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'sonar.db'))).toBe(false);
  });
});

describe('paths', () => {
  it('uses SONAR_DATA_DIR when set, else the per-user folder', () => {
    expect(dataDirectory({ SONAR_DATA_DIR: '/srv/sonar' }, () => '/home/u/.config/SONAR')).toBe(path.resolve('/srv/sonar'));
    expect(dataDirectory({}, () => '/home/u/.config/SONAR')).toBe('/home/u/.config/SONAR');
    expect(dataDirectory({ SONAR_DATA_DIR: '  ' }, () => '/u')).toBe('/u');
    expect(dataDirectory({ SONAR_DEMO: 'prison' }, () => '/home/u/.config/SONAR')).toBe('/home/u/.config/SONAR-demo-prison');
  });

  it('finds the build outputs under the app root', () => {
    expect(bundlePaths('/a')).toEqual({
      preloadPath: path.join('/a', 'out', 'preload', 'preload.cjs'),
      rendererRoot: path.join('/a', 'out', 'renderer'),
      migrationsFolder: path.join('/a', 'out', 'main', 'migrations'),
    });
  });
});
