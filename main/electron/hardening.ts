// Deny-by-default for every web contents the app ever creates : no navigation
// away from app://sonar, no new windows, no webviews, no permissions. The UI needs none of these,
// and each is a way for injected content to reach the network, the OS or another origin.
// The app never opens links in the OS browser: nothing here (or anywhere) calls shell.openExternal.
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

const hardenedSessions = new WeakSet<Session>();

/** Every permission request and check is refused: camera, notifications, clipboard, HID, all. */
export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // USB/HID/serial device access has its own gate besides the permission check.
  session.setDevicePermissionHandler(() => false);
}

export function hardenWebContents(contents: WebContents): void {
  // Navigation within the app's own origin (a reload, an in-app link) is allowed; anything else
  // (a link to the web, a file:// URL, javascript:) is cancelled. Redirects get the same rule.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // window.open, target=_blank and middle-click: no window is ever created, not even our own.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // webviewTag is off in every window; this refuses a webview even if that were ever changed.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  hardenSession(contents.session);
}

/** Applies the hardening to every web contents as it is created. Call before any window opens. */
export function installHardening(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
}
