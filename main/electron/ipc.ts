// THE only file that touches ipcMain (test/architecture checks it). One
// channel carries every RPC; before anything reaches the router, the sender must be the app's own
// top-level document. The router then validates the channel name, the input and the session.
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { RpcResult } from '../../contract/result';
import type { RpcTransportTarget } from '../rpc/transport';
import { isAppUrl } from './app-origin';

/** The single IPC channel; the preload uses the same literal. */
export const RPC_IPC_CHANNEL = 'sonar:rpc';

function forbidden(message: string): RpcResult<never> {
  return { ok: false, error: { code: 'forbidden', message } };
}

/**
 * Why the sender may not call, or null when it may. `senderFrame` is read first and before any
 * await: it is null once the frame has navigated away or been destroyed, and a message from a
 * frame we cannot identify is refused, never assumed to be the main one.
 */
export function senderRefusal(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'The sending frame is gone.';
  if (frame.detached) return 'The sending frame is gone.';
  if (frame !== event.sender.mainFrame || frame.parent !== null) return 'Only the app window may call.';
  if (!isAppUrl(frame.url)) return 'Only the app itself may call.';
  return null;
}

/** The handler itself, exported for tests. Never throws: every outcome is an RpcResult. */
export function createRpcIpcHandler(router: RpcTransportTarget) {
  return async (event: IpcMainInvokeEvent, channel: unknown, input: unknown, session: unknown): Promise<RpcResult<unknown>> => {
    const refusal = senderRefusal(event);
    if (refusal) return forbidden(refusal);
    if (session !== null && typeof session !== 'string') {
      return { ok: false, error: { code: 'invalid_input', message: 'The session must be a string or null.', path: 'session' } };
    }
    try {
      return await router.handle(channel, input, session);
    } catch {
      // The router promises not to throw; if it ever does, the page learns nothing of the cause.
      return { ok: false, error: { code: 'internal', message: 'Something went wrong.' } };
    }
  };
}

/** Wires the router to IPC. Returns a function that removes the handler again (on quit, in tests). */
export function registerRpcIpc(router: RpcTransportTarget): () => void {
  ipcMain.handle(RPC_IPC_CHANNEL, createRpcIpcHandler(router));
  return () => ipcMain.removeHandler(RPC_IPC_CHANNEL);
}
