// The CLI's side of the admin socket: send one command to the running central.
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { AdminCommand } from './command-schema';

export const ADMIN_SOCKET = 'admin.sock';

export function adminSocketPath(dataDir: string): string {
  return join(dataDir, ADMIN_SOCKET);
}

export type AdminAnswer = { ok: true; result: unknown } | { ok: false; error: string };

/** Sends a command to a running central; null when none is listening on the socket. */
export function sendAdminCommand(dataDir: string, command: AdminCommand): Promise<AdminAnswer | null> {
  const path = adminSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: path, method: 'POST', path: '/', headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as AdminAnswer);
        } catch (err) {
          reject(err as Error);
        }
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' || err.code === 'ENOENT') resolve(null);
      else reject(err);
    });
    req.end(JSON.stringify(command));
  });
}
