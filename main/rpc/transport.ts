// What a transport (Electron IPC glue, browser host) needs from the router: one call per message.
// Both transports pass the raw, untrusted channel name and input; the router validates everything.
import type { RpcResult } from '../../contract/result';

export interface RpcTransportTarget {
  handle(channel: unknown, input: unknown, sessionToken: string | null): Promise<RpcResult<unknown>>;
}
