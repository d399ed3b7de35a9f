// The browser host listens on loopback only, and even there only a page that opened the
// per-launch address may call it. The secret travels in the address's fragment
// (http://127.0.0.1:PORT/#launch=SECRET), which a browser never sends to any server; the page
// keeps it in its own tab's sessionStorage, which belongs to this origin (scheme, host AND port),
// and sends it in a header with each call. No cookie carries it: cookies are not port-scoped, so a
// cookie set here would reach every other program listening on 127.0.0.1.
// The Host header must name the loopback address (defeats DNS rebinding); a POST must come from
// the host's own origin. The static files of the app (no patient data, no secret) are served to
// anyone who passes the Host check; every call to the router needs the secret.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const LAUNCH_HEADER = 'x-sonar-launch';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class LaunchGuard {
  constructor(
    private readonly secret: string,
    private readonly port: () => number,
  ) {}

  allowedHosts(): string[] {
    const p = this.port();
    return [`127.0.0.1:${p}`, `localhost:${p}`];
  }

  hostOk(req: IncomingMessage): boolean {
    return typeof req.headers.host === 'string' && this.allowedHosts().includes(req.headers.host.toLowerCase());
  }

  originOk(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    return this.allowedHosts().some((h) => origin === `http://${h}`);
  }

  /** The request carries this launch's secret in its header. */
  launchOk(req: IncomingMessage): boolean {
    const value = req.headers[LAUNCH_HEADER];
    return typeof value === 'string' && sameSecret(value, this.secret);
  }

  /** The address to open: the secret in the fragment, which never leaves the browser. */
  launchUrl(origin: string): string {
    return `${origin}/#launch=${this.secret}`;
  }
}
