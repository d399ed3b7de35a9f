// The browser host listens on loopback only, and even there only a browser that opened the
// per-launch URL may use it: the launch secret becomes an HttpOnly, SameSite=Strict cookie.
// The Host header must name the loopback address (defeats DNS rebinding); a POST must come from
// the host's own origin.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const LAUNCH_COOKIE = 'sonar_launch';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
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

  secretMatches(candidate: string | null): boolean {
    return candidate !== null && sameSecret(candidate, this.secret);
  }

  hasLaunchCookie(req: IncomingMessage): boolean {
    return this.secretMatches(readCookie(req, LAUNCH_COOKIE));
  }

  cookieHeader(): string {
    return `${LAUNCH_COOKIE}=${this.secret}; HttpOnly; SameSite=Strict; Path=/`;
  }
}
