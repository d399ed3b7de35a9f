// The one kind of window SONAR opens. The page gets no Node, runs in a
// sandboxed renderer, is isolated from the preload's world, and loads only from app://sonar.
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-origin';

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/preload/preload.cjs). */
  preloadPath: string;
  /** DevTools are for development only: a packaged build must not offer them on a ward PC. */
  devTools: boolean;
  /** Where a failed page load is reported. */
  log?: (message: string) => void;
}

export function mainWindowWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Dropping a file on the window must not navigate to it.
    navigateOnDragDrop: false,
    // Off because on some platforms the spellchecker fetches dictionaries from the network and
    // sees every word typed, and clinical notes are patient data.
    spellcheck: false,
    safeDialogs: true,
    devTools,
  };
}

export function mainWindowOptions(preloadPath: string, devTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'SONAR',
    width: 1280,
    height: 800,
    // Below this the forms (two columns of assessment items) stop being usable.
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show so staff never see a blank white frame.
    show: false,
    backgroundColor: '#f0f4f5',
    webPreferences: mainWindowWebPreferences(preloadPath, devTools),
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath, options.devTools));
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    options.log?.(`could not load ${APP_ENTRY_URL}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
