// The central record's HTTPS service: fastify over TLS 1.3 with mutual authentication against the
// region CA only. A request reaches a route only after TLS has verified the client certificate
// (chain, dates, CRL) and the identity hook has matched it to a registered, unrevoked site.
// The revocation list is reloaded into the running TLS context whenever its file changes.
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { PUSH_MAX_BYTES, type ErrorCode } from '../../contract/sync/wire';
import type { RegionCa } from '../ca/region-ca';
import type { CentralStore } from '../db/open';
import { ChangeNotifier } from '../live/change-notifier';
import type { CentralSettings } from '../settings';
import { GOVERNANCE_PREFIX, refuseGovernance, registerGovernanceRoutes } from './governance-routes';
import { IdentityResolver, type LeadIdentity, type SiteIdentity } from './identity';
import { registerRoutes } from './routes';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on every request outside the governance pages: only a site's certificate gets there. */
    site: SiteIdentity;
    /** Set on every request for a governance page: only a governance lead's certificate gets there. */
    lead: LeadIdentity;
  }
}

export interface TlsMaterial {
  keyPem: string;
  certPem: string;
  caPem: string;
}

export interface CentralServerOptions {
  store: CentralStore;
  ca: RegionCa;
  tls: TlsMaterial;
  host: string;
  port: number;
  /** The name sites use in the URL (must be in the server certificate). */
  publicName: string;
  settings: CentralSettings;
  now: () => Date;
  /** How often the CRL file is checked for a change. */
  crlPollMs?: number;
  notifier?: ChangeNotifier;
}

export interface RunningCentral {
  url: string;
  app: FastifyInstance;
  identities: IdentityResolver;
  notifier: ChangeNotifier;
  /** Re-reads the CRL file into the TLS context (also done automatically when the file changes). */
  reloadRevocations(): void;
  close(): Promise<void>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message);
  }
}

export function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, issues?: string[]): FastifyReply {
  return reply.code(status).send({ error: { code, message, ...(issues ? { issues } : {}) } });
}

export async function startCentralServer(options: CentralServerOptions): Promise<RunningCentral> {
  const crlPath = options.ca.crlPath;
  const secureOptions = () => ({
    key: options.tls.keyPem,
    cert: options.tls.certPem,
    ca: options.tls.caPem,
    crl: readFileSync(crlPath, 'utf8'),
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.3' as const,
  });

  const app = Fastify({
    https: secureOptions(),
    // A push is at most PUSH_MAX_BYTES of events plus its small envelope.
    bodyLimit: PUSH_MAX_BYTES + 16_384,
    logger: false,
    return503OnClosing: true,
    keepAliveTimeout: 65_000,
  });
  const identities = new IdentityResolver(options.store);
  const notifier = options.notifier ?? new ChangeNotifier();

  app.decorateRequest('site', null as unknown as SiteIdentity);
  app.decorateRequest('lead', null as unknown as LeadIdentity);
  // Who may use what is decided here, once, by the route the request matched (not the raw URL,
  // which may be percent-encoded): the governance pages take a lead's certificate only, everything
  // else (the sync protocol, and any path that matches no route) a site's only.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url ?? '';
    const governance = route === GOVERNANCE_PREFIX.slice(0, -1) || route.startsWith(GOVERNANCE_PREFIX);
    const result = await identities.identify(request.raw.socket as TLSSocket);
    if (!result.ok) return governance ? refuseGovernance(reply, result.message) : sendError(reply, 403, result.code, result.message);
    const { caller } = result;
    if (governance) {
      if (caller.kind !== 'lead') {
        return refuseGovernance(reply, `This page is for the region's governance lead. The certificate presented belongs to site ${caller.site.code}, which cannot open it.`);
      }
      request.lead = caller.lead;
      return;
    }
    if (caller.kind !== 'site') {
      return sendError(reply, 403, 'not_permitted', `this is governance lead ${caller.lead.id}'s certificate: the sync endpoints are for sites only`);
    }
    request.site = caller.site;
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, _request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error.status, error.code, error.message, error.issues);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 413, 'too_large', `the request body is over ${PUSH_MAX_BYTES} bytes: send fewer events per batch`);
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return sendError(reply, error.statusCode, 'bad_request', error.message);
    process.stderr.write(`[central] ${error.stack ?? error.message}\n`);
    return sendError(reply, 500, 'internal', 'the central record could not complete the request; it is safe to retry');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not_found', 'no such endpoint'));

  registerRoutes(app, { store: options.store, settings: options.settings, now: options.now, notifier });
  registerGovernanceRoutes(app, { store: options.store, now: options.now });

  await app.listen({ host: options.host, port: options.port });
  const port = (app.server.address() as AddressInfo).port;

  const reloadRevocations = () => {
    (app.server as unknown as { setSecureContext(o: object): void }).setSecureContext(secureOptions());
    identities.clear();
  };
  const onCrlChange = (curr: { mtimeMs: number }, prev: { mtimeMs: number }) => {
    if (curr.mtimeMs === prev.mtimeMs) return;
    try {
      reloadRevocations();
    } catch (err) {
      // A half-written or unreadable file keeps the previous (still valid) revocation list in force.
      process.stderr.write(`[central] could not reload the revocation list: ${(err as Error).message}\n`);
    }
  };
  watchFile(crlPath, { interval: options.crlPollMs ?? 1000, persistent: false }, onCrlChange);

  return {
    url: `https://${options.publicName.includes(':') ? `[${options.publicName}]` : options.publicName}:${port}`,
    app,
    identities,
    notifier,
    reloadRevocations,
    close: async () => {
      unwatchFile(crlPath, onCrlChange);
      await app.close();
    },
  };
}
