import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake BrowserWindow that records what it was built with and what was done to it.
const fake = vi.hoisted(() => {
  class FakeBrowserWindow {
    static instances: FakeBrowserWindow[] = [];
    static failNextLoad = false;
    readonly onceHandlers = new Map<string, () => void>();
    readonly show = vi.fn();
    readonly loadURL = vi.fn(async (_url: string): Promise<void> => {
      if (FakeBrowserWindow.failNextLoad) {
        FakeBrowserWindow.failNextLoad = false;
        throw new Error('ERR_FAILED');
      }
    });
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.instances.push(this);
    }
    once(event: string, handler: () => void) {
      this.onceHandlers.set(event, handler);
      return this;
    }
  }
  return { FakeBrowserWindow };
});

vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }));

import { createMainWindow, mainWindowOptions } from './window';

type Prefs = Record<string, unknown>;

function lastWindow() {
  const w = fake.FakeBrowserWindow.instances.at(-1);
  if (!w) throw new Error('no window was created');
  return w;
}

beforeEach(() => {
  fake.FakeBrowserWindow.instances.length = 0;
});

describe('main window factory', () => {
  it('isolates, sandboxes and strips Node from the page', () => {
    createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', devTools: false });
    const prefs = lastWindow().options.webPreferences as Prefs;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
    });
  });

  it('uses the built preload and nothing else that would add privileges', () => {
    createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', devTools: false });
    const prefs = lastWindow().options.webPreferences as Prefs;
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs.devTools).toBe(false);
  });

  it('loads the app from app://sonar only', () => {
    createMainWindow({ preloadPath: '/p.cjs', devTools: false });
    expect(lastWindow().loadURL).toHaveBeenCalledTimes(1);
    expect(lastWindow().loadURL).toHaveBeenCalledWith('app://sonar/index.html');
  });

  it('stays hidden until ready-to-show, then shows', () => {
    createMainWindow({ preloadPath: '/p.cjs', devTools: false });
    const w = lastWindow();
    expect(w.options.show).toBe(false);
    expect(w.show).not.toHaveBeenCalled();
    w.onceHandlers.get('ready-to-show')?.();
    expect(w.show).toHaveBeenCalledTimes(1);
  });

  it('has a minimum size that keeps forms usable', () => {
    const options = mainWindowOptions('/p.cjs', false);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const log = vi.fn();
    fake.FakeBrowserWindow.failNextLoad = true;
    createMainWindow({ preloadPath: '/p.cjs', devTools: false, log });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FAILED')));
  });
});
