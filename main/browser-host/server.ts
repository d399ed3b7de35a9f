// The browser host: serves the built renderer and POST /rpc/<channel> to the same router the
// Electron app uses, on 127.0.0.1 only, guarded by a per-launch secret (launch-guard.ts). A
// malformed address is answered 400, never an internal error.
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { resolveAssetPath } from '../assets/resolve-asset-path';
import type { RpcTransportTarget } from '../rpc/transport';
import { SECURITY_HEADERS } from '../security/csp';
import { LaunchGuard } from './launch-guard';

export const MAX_BODY_BYTES = 1024 * 1024;
export const SESSION_HEADER = 'x-sonar-session';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};

export interface BrowserHostOptions {
  router: RpcTransportTarget;
  rendererDir: string;
  launchSecret: string;
  port?: number;
  log?: (message: string) => void;
}

export interface BrowserHost {
  /** The address to open: it carries the launch secret. */
  launchUrl: string;
  origin: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleRpc(req: IncomingMessage, res: ServerResponse, channel: string, router: RpcTransportTarget): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return send(res, 415, 'Content-Type must be application/json');
  const body = await readBody(req);
  if (body === null) return send(res, 413, 'Request too large');
  let input: unknown;
  try {
    input = body.length === 0 ? undefined : JSON.parse(body);
  } catch {
    const result = { ok: false, error: { code: 'invalid_input', message: 'The request body is not valid JSON.' } };
    return send(res, 200, JSON.stringify(result), 'application/json');
  }
  const token = req.headers[SESSION_HEADER];
  const result = await router.handle(channel, input, typeof token === 'string' ? token : null);
  send(res, 200, JSON.stringify(result), 'application/json');
}

/** The request's address, or null when it cannot be one. */
function parseUrl(raw: string | undefined): URL | null {
  try {
    // Relative to a fixed base: an absolute-form or scheme-relative request line cannot move it.
    const url = new URL(raw ?? '/', 'http://127.0.0.1');
    return url.hostname === '127.0.0.1' ? url : null;
  } catch {
    return null;
  }
}

/** A percent-decoded path segment, or null when the encoding is malformed ("%", "%E0%A4%A"). */
function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function serveAsset(res: ServerResponse, rendererDir: string, pathname: string): void {
  const file = resolveAssetPath(rendererDir, pathname);
  if (!file) return send(res, 404, 'Not found');
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return send(res, 404, 'Not found');
    size = stat.size;
  } catch {
    return send(res, 404, 'Not found');
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

export function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? (() => {});
  let port = 0;
  const guard = new LaunchGuard(options.launchSecret, () => port);

  const server = createServer((req, res) => {
    void (async () => {
      if (!guard.hostOk(req)) return send(res, 421, 'Wrong host');
      const url = parseUrl(req.url);
      if (!url) return send(res, 400, 'Malformed address');
      if (url.pathname.startsWith('/rpc/')) {
        if (req.method !== 'POST') return send(res, 405, 'Use POST');
        if (!guard.originOk(req)) return send(res, 403, 'Cross-origin requests are refused');
        if (!guard.launchOk(req)) return send(res, 403, 'Open SONAR with the address printed when it started.');
        const channel = decodePathPart(url.pathname.slice('/rpc/'.length));
        if (channel === null) return send(res, 400, 'Malformed address');
        return handleRpc(req, res, channel, options.router);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      serveAsset(res, options.rendererDir, url.pathname);
    })().catch((err: unknown) => {
      log(`browser host request failed: ${String(err)}`);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      resolve({
        origin,
        launchUrl: guard.launchUrl(origin),
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
