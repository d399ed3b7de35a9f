// The running central's administration channel: HTTP over a Unix socket in the data directory,
// owner-only (0600 in a 0700 folder), so only the account that runs the central can use it. The CLI
// sends one command and prints the answer; PGlite allows one process per data directory, so while
// the central runs this is how commands reach its database.
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { adminSocketPath, type AdminAnswer } from './admin-client';
import { adminCommandSchema, AdminError, runAdminCommand, type AdminContext } from './commands';
import { describeIssues } from '../push/check-event';


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
      void (async (): Promise<AdminAnswer> => {
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
