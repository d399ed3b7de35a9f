// SQL functions a worker thread's connection calls on the host. The name-search expression indexes
// and triggers (db/search-functions.ts) are computed by TypeScript in the app; the report worker is
// plain JavaScript evaluated in place and cannot load that code. Rather than a second copy that
// could drift from the index, the worker registers every function under the same name and each
// call is answered by the host's own implementation: the worker posts the call and blocks on a
// shared flag until the host (whose event loop a report never holds) has answered.
import { MessageChannel, type MessagePort } from 'node:worker_threads';

type SqlFunction = (...args: never[]) => unknown;

/** How long a worker waits for one answer before the call fails (the host is busy or gone). */
export const HOST_FUNCTION_WAIT_MS = 30_000;

/** What the worker is given (in workerData; the port goes in the transfer list). */
export interface WorkerFunctionLink {
  names: string[];
  port: MessagePort;
  signal: SharedArrayBuffer;
  waitMs: number;
}

export interface HostFunctions {
  link: WorkerFunctionLink;
  close(): void;
}

type Reply = { ok: true; value: unknown } | { ok: false; message: string };

/** Serves `functions` to one worker: pass `link` in its workerData and `link.port` in its transfer list. */
export function serveHostFunctions(functions: Readonly<Record<string, SqlFunction>>): HostFunctions {
  const { port1, port2 } = new MessageChannel();
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  port1.on('message', (m: { name: string; args: unknown[] }) => {
    let reply: Reply;
    try {
      const fn = Object.hasOwn(functions, m.name) ? functions[m.name] : undefined;
      if (!fn) throw new Error(`no such function on the host: ${m.name}`);
      reply = { ok: true, value: (fn as (...args: unknown[]) => unknown)(...m.args) };
    } catch (err) {
      reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
    // The reply is queued on the worker's port before the flag wakes it.
    port1.postMessage(reply);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
  // Answering calls must never keep the app alive on its own.
  port1.unref();
  return {
    link: { names: Object.keys(functions), port: port2, signal, waitMs: HOST_FUNCTION_WAIT_MS },
    close: () => port1.close(),
  };
}

/**
 * The worker's side, as JavaScript source for an evaluated worker: defines
 * `registerHostFunctions(db, link)`, which registers each function of `link` on `db`.
 */
export const WORKER_HOST_FUNCTIONS_SOURCE = `
function registerHostFunctions(db, link) {
  const { receiveMessageOnPort } = require('node:worker_threads');
  const flag = new Int32Array(link.signal);
  const call = (name, args) => {
    Atomics.store(flag, 0, 0);
    link.port.postMessage({ name, args });
    if (Atomics.wait(flag, 0, 0, link.waitMs) === 'timed-out') throw new Error('the app did not answer ' + name + ' in time');
    const received = receiveMessageOnPort(link.port);
    if (!received) throw new Error('no answer from the app for ' + name);
    if (!received.message.ok) throw new Error(received.message.message);
    return received.message.value;
  };
  for (const name of link.names) db.function(name, { deterministic: true, varargs: true }, (...args) => call(name, args));
}
`;
