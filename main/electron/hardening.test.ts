import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import { hardenSession, hardenWebContents, installHardening } from './hardening';

// hardening.ts takes Electron objects as arguments; these fakes record the handlers it installs.
type Listener = (...args: unknown[]) => unknown;

function fakeSession() {
  const s = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  };
  return s;
}

function fakeContents(session = fakeSession()) {
  const listeners = new Map<string, Listener[]>();
  const contents = {
    session,
    on: vi.fn((event: string, listener: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    }),
    setWindowOpenHandler: vi.fn(),
  };
  /** Emits `event` like Electron does and says whether any listener prevented it. */
  function emit(event: string, params: Record<string, unknown> = {}, ...rest: unknown[]): boolean {
    let prevented = false;
    const evt = { ...params, preventDefault: () => (prevented = true) };
    for (const l of listeners.get(event) ?? []) l(evt, ...rest);
    return prevented;
  }
  return { contents, emit, listeners, session };
}

function harden() {
  const f = fakeContents();
  hardenWebContents(f.contents as unknown as WebContents);
  return f;
}

describe('navigation', () => {
  it.each(['https://evil.example/', 'http://localhost:3000/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'about:blank', 'data:text/html,x'])(
    'prevents will-navigate and will-redirect to %s',
    (url) => {
      const { emit } = harden();
      expect(emit('will-navigate', { url }, url)).toBe(true);
      expect(emit('will-redirect', { url }, url)).toBe(true);
    },
  );

  it("allows navigation within the app's own origin (a reload)", () => {
    const { emit } = harden();
    expect(emit('will-navigate', { url: 'app://sonar/index.html' })).toBe(false);
    expect(emit('will-redirect', { url: 'app://sonar/' })).toBe(false);
  });

  it('prevents navigation when the event carries no URL', () => {
    const { emit } = harden();
    expect(emit('will-navigate', {})).toBe(true);
  });
});

describe('new windows and webviews', () => {
  it('denies every window.open, whatever the URL', () => {
    const { contents } = harden();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://sonar/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents will-attach-webview', () => {
    const { emit } = harden();
    expect(emit('will-attach-webview', {}, { nodeIntegration: true }, { src: 'https://evil.example/' })).toBe(true);
  });
});

describe('permissions', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'];

  it('refuses every permission request', () => {
    const { session } = harden();
    const handler = session.setPermissionRequestHandler.mock.calls[0]?.[0] as Listener;
    for (const permission of permissions) {
      const callback = vi.fn();
      handler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
  });

  it('answers false to every permission check and device request', () => {
    const { session } = harden();
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as Listener;
    for (const permission of permissions) expect(check(null, permission, 'app://sonar', {})).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as Listener;
    expect(device({ deviceType: 'usb', origin: 'app://sonar' })).toBe(false);
  });

  it('installs the session handlers once per session', () => {
    const session = fakeSession();
    hardenWebContents(fakeContents(session).contents as unknown as WebContents);
    hardenWebContents(fakeContents(session).contents as unknown as WebContents);
    hardenSession(session as unknown as Session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
  });
});

describe('installHardening', () => {
  it('hardens every web contents as it is created', () => {
    const on = vi.fn();
    installHardening({ on } as unknown as App);
    expect(on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const created = on.mock.calls[0]?.[1] as Listener;
    const f = fakeContents();
    created({}, f.contents);
    expect(f.contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(f.emit('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(f.emit('will-attach-webview')).toBe(true);
  });
});

describe('shell.openExternal', () => {
  it('is never called by the Electron glue or the preload', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders: string[] = [];
    for (const dir of ['main/electron', 'preload']) {
      for (const name of fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]) {
        if (!/\.(ts|js|mjs|cjs)$/.test(name) || /\.test\.ts$/.test(name)) continue;
        const source = fs.readFileSync(path.join(root, dir, name), 'utf8');
        // Comments may name it (hardening.ts says it is never used); code may not.
        const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
        if (/openExternal|\bshell\b/.test(code)) offenders.push(`${dir}/${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
