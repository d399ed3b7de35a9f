import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import type { RpcTransportTarget } from '../rpc/transport';

const fake = vi.hoisted(() => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));
vi.mock('electron', () => ({ ipcMain: fake.ipcMain }));

import { RPC_IPC_CHANNEL, createRpcIpcHandler, registerRpcIpc } from './ipc';

// Frames and contents shaped like Electron's WebFrameMain / WebContents, as far as ipc.ts looks.
interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  detached: boolean;
}

function frame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent, detached: false };
}

function eventFrom(senderFrame: FakeFrame | null, mainFrame: FakeFrame | null = senderFrame): IpcMainInvokeEvent {
  return { senderFrame, sender: { mainFrame } } as unknown as IpcMainInvokeEvent;
}

function fakeRouter() {
  const handle = vi.fn<RpcTransportTarget['handle']>(async () => ({ ok: true, value: 'routed' }));
  return { router: { handle } satisfies RpcTransportTarget, handle };
}

beforeEach(() => {
  fake.ipcMain.handle.mockClear();
  fake.ipcMain.removeHandler.mockClear();
});

describe('registerRpcIpc', () => {
  it('handles exactly one channel, sonar:rpc, and can remove it', () => {
    const { router } = fakeRouter();
    const remove = registerRpcIpc(router);
    expect(fake.ipcMain.handle).toHaveBeenCalledTimes(1);
    expect(fake.ipcMain.handle.mock.calls[0]?.[0]).toBe('sonar:rpc');
    remove();
    expect(fake.ipcMain.removeHandler).toHaveBeenCalledWith('sonar:rpc');
  });

  it('uses the same channel literal as the preload', () => {
    const preloadSource = fs.readFileSync(path.resolve(import.meta.dirname, '../../preload/index.ts'), 'utf8');
    expect(preloadSource).toContain(`'${RPC_IPC_CHANNEL}'`);
  });
});

describe('sender checks', () => {
  const refusedSenders: Array<[string, () => IpcMainInvokeEvent]> = [
    ['a null senderFrame (navigated away or destroyed)', () => eventFrom(null, frame('app://sonar/index.html'))],
    ['a detached frame', () => eventFrom({ ...frame('app://sonar/index.html'), detached: true })],
    ['a foreign origin in the top frame', () => eventFrom(frame('https://evil.example/'))],
    ['a file:// top frame', () => eventFrom(frame('file:///app/out/renderer/index.html'))],
    ['an app:// URL with another host', () => eventFrom(frame('app://other/index.html'))],
    ['an app:// URL with credentials', () => eventFrom(frame('app://sonar@evil/index.html'))],
    ['an app:// URL with a port', () => eventFrom(frame('app://sonar:8080/index.html'))],
    ['about:blank', () => eventFrom(frame('about:blank'))],
    [
      'a sub-frame of the app, itself from app://sonar',
      () => {
        const top = frame('app://sonar/index.html');
        return eventFrom(frame('app://sonar/index.html', top), top);
      },
    ],
    [
      'a foreign sub-frame',
      () => {
        const top = frame('app://sonar/index.html');
        return eventFrom(frame('https://evil.example/', top), top);
      },
    ],
    [
      "a top frame that is not its contents' main frame",
      () => eventFrom(frame('app://sonar/index.html'), frame('app://sonar/index.html')),
    ],
  ];

  it.each(refusedSenders)('refuses %s as forbidden without calling the router', async (_name, makeEvent) => {
    const { router, handle } = fakeRouter();
    const result = await createRpcIpcHandler(router)(makeEvent(), 'auth.session', {}, 'token');
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handle).not.toHaveBeenCalled();
  });

  it("passes the app's own top frame to the router with the raw arguments", async () => {
    const { router, handle } = fakeRouter();
    const input = { query: 'smith' };
    const result = await createRpcIpcHandler(router)(eventFrom(frame('app://sonar/index.html')), 'patients.search', input, 'tok');
    expect(result).toEqual({ ok: true, value: 'routed' });
    expect(handle).toHaveBeenCalledWith('patients.search', input, 'tok');
  });

  it('passes a null session through (anonymous channels)', async () => {
    const { router, handle } = fakeRouter();
    await createRpcIpcHandler(router)(eventFrom(frame('app://sonar/')), 'setup.status', {}, null);
    expect(handle).toHaveBeenCalledWith('setup.status', {}, null);
  });

  it('leaves channel and input validation to the router (unknown names still reach it)', async () => {
    const { router, handle } = fakeRouter();
    await createRpcIpcHandler(router)(eventFrom(frame('app://sonar/')), { not: 'a name' }, 42, null);
    expect(handle).toHaveBeenCalledWith({ not: 'a name' }, 42, null);
  });

  it.each([[undefined], [42], [{}], [['t']], [true]])('refuses session %j as invalid_input', async (session) => {
    const { router, handle } = fakeRouter();
    const result = await createRpcIpcHandler(router)(eventFrom(frame('app://sonar/')), 'auth.session', {}, session);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'session' } });
    expect(handle).not.toHaveBeenCalled();
  });

  it('checks the sender before the session, so a foreign frame learns nothing else', async () => {
    const { router } = fakeRouter();
    const result = await createRpcIpcHandler(router)(eventFrom(frame('https://evil.example/')), 'auth.session', {}, 42);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('turns a router that throws into an internal error without its message', async () => {
    const handle = vi.fn<RpcTransportTarget['handle']>(async () => {
      throw new Error('secret detail');
    });
    const result = await createRpcIpcHandler({ handle })(eventFrom(frame('app://sonar/')), 'auth.session', {}, 't');
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
  });
});
