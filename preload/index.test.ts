import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../contract/channel-names';
import type { SonarBridge } from './api';

const fake = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'from main' })) },
}));
vi.mock('electron', () => fake);

let bridge: SonarBridge;

beforeAll(async () => {
  await import('./index');
  bridge = fake.contextBridge.exposeInMainWorld.mock.calls[0]?.[1] as SonarBridge;
});

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes one object, window.sonar, with invoke and nothing else', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(fake.contextBridge.exposeInMainWorld.mock.calls[0]?.[0]).toBe('sonar');
    expect(Object.keys(bridge)).toEqual(['invoke']);
    expect(typeof bridge.invoke).toBe('function');
  });

  it.each(channelNames.map((c) => [c]))('forwards %s over the one RPC channel with input and session', async (channel) => {
    const input = { any: 'thing' };
    const result = await bridge.invoke(channel, input as never, 'tok');
    expect(result).toEqual({ ok: true, value: 'from main' });
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('sonar:rpc', channel, input, 'tok');
  });

  it('passes a null session through unchanged', async () => {
    await bridge.invoke('setup.status', {} as never, null);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledWith('sonar:rpc', 'setup.status', {}, null);
  });

  it.each([['no.such.channel'], ['sonar:rpc'], ['__proto__'], ['constructor'], [''], [42], [null], [{ toString: () => 'auth.signIn' }]])(
    'refuses the channel name %j without sending anything',
    async (name) => {
      const result = await (bridge.invoke as (c: unknown, i: unknown, s: unknown) => Promise<unknown>)(name, {}, null);
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
      expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );
});
