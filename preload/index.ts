// The sandboxed preload (README "One router, two transports"). It puts
// exactly one function on window.sonar: invoke(channel, input, session) for the contract's channel
// names, over one IPC channel. No generic IPC, no Node, nothing else reaches the page.
// Built as a single CommonJS file (a sandboxed preload cannot load modules): it may import only
// electron and the schema-free channel-name list, so no zod is bundled here.
import { contextBridge, ipcRenderer } from 'electron';
import { isChannelName } from '../contract/channel-names';
import type { SonarBridge } from './api';

/** Must equal RPC_IPC_CHANNEL in main/electron/ipc.ts (the preload may not import main/). */
const RPC_IPC_CHANNEL = 'sonar:rpc';

const bridge: SonarBridge = {
  invoke(channel, input, session) {
    // Refused here as well as in the router, so an unknown name never even crosses IPC.
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: 'There is no such channel.' } });
    }
    return ipcRenderer.invoke(RPC_IPC_CHANNEL, channel, input, session);
  },
};

contextBridge.exposeInMainWorld('sonar', bridge);
