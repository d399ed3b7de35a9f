// The app:// scheme the UI is served from. A custom standard, secure
// scheme gives the renderer a real origin ('self' in the CSP means app://sonar) without file://'s
// extra privileges, and every byte it serves passes through resolveAssetPath.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAssetPath } from '../assets/resolve-asset-path';
import { SECURITY_HEADERS } from '../security/csp';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { contentTypeFor } from './content-types';

/**
 * The privileges of app://. `standard` gives it URL parsing and an origin like https, `secure`
 * makes it a secure context, `supportFetchAPI` lets the page fetch its own assets. Deliberately
 * absent: bypassCSP (the CSP must always apply), corsEnabled, allowServiceWorkers, stream.
 */
export const APP_SCHEME_PRIVILEGES = Object.freeze({ standard: true, secure: true, supportFetchAPI: true });

/** Must run before the app's `ready` event: Chromium reads scheme privileges at start-up. */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

function refusal(status: 404 | 405): Response {
  // Refusals carry the security headers too, and say nothing about why.
  return new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The request handler, separate from registration so it can be tested with plain Requests.
 * `bundleRoot` is the built renderer folder (out/renderer).
 */
export function createAppProtocolHandler(bundleRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refusal(404);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password) return refusal(404);

    const filePath = resolveAssetPath(bundleRoot, url.pathname);
    if (!filePath) return refusal(404);
    let body: Buffer;
    try {
      body = await readFile(filePath);
    } catch {
      return refusal(404);
    }
    const headers = {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(filePath),
      'Content-Length': String(body.byteLength),
      // The bundle changes only with an app update; no-cache keeps an updated app from showing
      // a stale index.html while still allowing revalidation.
      'Cache-Control': 'no-cache',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Serves app://sonar/* from `bundleRoot`. Call after `ready`. */
export function registerAppProtocol(bundleRoot: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(bundleRoot));
}
