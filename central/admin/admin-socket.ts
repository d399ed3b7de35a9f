// The running central's administration channel: HTTP over a Unix socket in the data directory,
// owner-only (0600 in a 0700 folder), so only the account that runs the central can use it. The CLI
// sends one command and prints the answer; PGlite allows one process per data directory, so while
// the central runs this is how commands reach its database.
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { adminCommandSchema, AdminError, runAdminCommand, type AdminCommand, type AdminContext } from './commands';
import { describeIssues } from '../push/check-event';

export const ADMIN_SOCKET = 'admin.sock';

export function adminSocketPath(dataDir: string): string {
  return join(dataDir, ADMIN_SOCKET);
}

type Answer = { ok: true; result: unknown } | { ok: false; error: string };

export async function startAdminSocket(dataDir: string, ctx: AdminContext): Promise<{ close(): Promise<void> }> {
  const path = adminSocketPath(dataDir);
  if (existsSync(path)) unlinkSync(path); // a stale socket: the instance lock says no central is running
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1_000_000) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      void (async (): Promise<Answer> => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return { ok: false, error: 'the command is not JSON' };
        }
        const parsed = adminCommandSchema.safeParse(body);
        if (!parsed.success) return { ok: false, error: describeIssues(parsed.error) };
        try {
          return { ok: true, result: await runAdminCommand(ctx, parsed.data) };
        } catch (err) {
          if (err instanceof AdminError || err instanceof Error) return { ok: false, error: err.message };
          return { ok: false, error: String(err) };
        }
      })().then((answer) => {
        res.writeHead(answer.ok ? 200 : 400, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Sends a command to a running central; null when none is listening on the socket. */
export function sendAdminCommand(dataDir: string, command: AdminCommand): Promise<Answer | null> {
  const path = adminSocketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: path, method: 'POST', path: '/', headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer);
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
