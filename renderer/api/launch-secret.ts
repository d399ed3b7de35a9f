// The browser host's launch secret (main/browser-host/launch-guard.ts). It arrives in the address's
// fragment (#launch=...), which the browser never sends anywhere; this moves it into the tab's
// sessionStorage (this origin only: scheme, host and port) and off the address bar, and hands it
// to the fetch bridge for each call. A tab opened without the launch address has no secret, and
// every call says to open SONAR with the printed address.
const STORAGE_KEY = 'sonar.launch';
const FRAGMENT = /^#launch=([A-Za-z0-9_-]{16,128})$/;

export function adoptLaunchSecret(win: Window): void {
  const match = FRAGMENT.exec(win.location.hash);
  if (!match?.[1]) return;
  win.sessionStorage.setItem(STORAGE_KEY, match[1]);
  win.history.replaceState(null, '', win.location.pathname + win.location.search);
}

export function launchSecret(win: Window): string | null {
  try {
    return win.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
