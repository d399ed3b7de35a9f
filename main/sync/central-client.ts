// The site's transport to the central record: HTTPS with the site's client certificate, the region
// CA as the only trust anchor, TLS 1.3 minimum, every answer parsed with the shared wire schemas.
// Certificate verification is never switched off. A proxy can be plugged in through `connect`
// (it returns a raw connection to the central, e.g. an HTTP CONNECT tunnel); TLS is layered on top
// here, so the proxy never sees inside and the client certificate still authenticates the site.
import { createHash, X509Certificate } from 'node:crypto';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import type { z } from 'zod';
import { contentHashInput } from '../../contract/sync/content-hash';
import {
  auditAnchorsResponseSchema,
  endpoints,
  errorBodySchema,
  helloResponseSchema,
  lookupResponseSchema,
  pageChecksumInput,
  pullPageSchema,
  PUSH_MAX_BYTES,
  PUSH_MAX_EVENTS,
  pushResponseSchema,
  waitResponseSchema,
  type AuditAnchorsResponse,
  type AuditHead,
  type ErrorCode,
  type HelloResponse,
  type LookupRequest,
  type LookupResponse,
  type PullPage,
  type PushResponse,
  type WaitResponse,
} from '../../contract/sync/wire';

export type ConnectFn = (target: { host: string; port: number }) => Promise<Duplex>;

export interface CentralClientOptions {
  /** https://host:port of the central record. */
  url: string;
  /** This site's code: it must be the one its certificate names. */
  site: string;
  certPem: string;
  keyPem: string;
  /** The region CA bundle: the only certificates trusted for the central. */
  caPem: string;
  /** A raw connection to the central (for a proxy tunnel); default: a direct TCP connection. */
  connect?: ConnectFn;
  /** Per-request time limit (a wait adds its own wait time). Default 30 s. */
  timeoutMs?: number;
}

/** What went wrong, in words a site's sync status area can show. */
export type CentralErrorKind =
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'untrusted_central'
  | 'refused'
  | 'unreachable'
  | 'timeout'
  | 'rejected'
  | 'server'
  | 'protocol';

export class CentralError extends Error {
  constructor(
    readonly kind: CentralErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: ErrorCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CentralError';
  }
}

const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ETIMEDOUT']);

function classify(err: NodeJS.ErrnoException, host: string): CentralError {
  const code = err.code ?? '';
  if (UNTRUSTED.has(code)) return new CentralError('untrusted_central', `the central at ${host} did not present a certificate from the region CA (${code})`, undefined, undefined, { cause: err });
  if (UNREACHABLE.has(code)) return new CentralError('unreachable', `the central at ${host} cannot be reached (${code})`, undefined, undefined, { cause: err });
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'EPROTO' || code.startsWith('ERR_SSL')) {
    return new CentralError(
      'refused',
      `the central closed the secure connection (${code}): it may not accept this site's certificate (revoked, expired or not issued by the region CA), or the network dropped it`,
      undefined,
      undefined,
      { cause: err },
    );
  }
  return new CentralError('unreachable', `the connection to the central failed (${code || err.message})`, undefined, undefined, { cause: err });
}

/** Splits events into push batches within the central's limits (count and body size). */
export function planBatches<T>(events: readonly T[], maxEvents = PUSH_MAX_EVENTS, maxBytes = PUSH_MAX_BYTES - 4096): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (size > maxBytes) throw new RangeError(`one event is ${size} bytes, over the ${maxBytes}-byte batch limit`);
    if (current.length > 0 && (current.length >= maxEvents || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class CentralClient {
  private readonly base: URL;
  private readonly agent: https.Agent;
  private readonly timeoutMs: number;
  private readonly certificate: X509Certificate;

  constructor(private readonly options: CentralClientOptions) {
    this.base = new URL(options.url);
    if (this.base.protocol !== 'https:') throw new TypeError('the central URL must be https://');
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.certificate = new X509Certificate(options.certPem);
    const tlsOptions = {
      cert: options.certPem,
      key: options.keyPem,
      ca: options.caPem,
      minVersion: 'TLSv1.3' as const,
      rejectUnauthorized: true,
    };
    const agent = new https.Agent({ keepAlive: true, maxSockets: 8, ...tlsOptions });
    if (options.connect) {
      const connect = options.connect;
      // Node's agent accepts a callback-style createConnection: open the tunnel, then TLS through it.
      (agent as unknown as { createConnection: unknown }).createConnection = (
        opts: { host?: string; port?: number; servername?: string },
        callback: (err: Error | null, socket?: Duplex) => void,
      ) => {
        const host = opts.host ?? this.base.hostname;
        const port = Number(opts.port ?? this.base.port ?? 443);
        connect({ host, port }).then(
          (raw) => callback(null, tls.connect({ ...tlsOptions, socket: raw, host, ...(isIP(host) ? {} : { servername: host }) })),
          (err: Error) => callback(err),
        );
        return undefined;
      };
    }
    this.agent = agent;
  }

  hello(): Promise<HelloResponse> {
    return this.call('GET', endpoints.hello, undefined, helloResponseSchema);
  }

  push(batch: { batchSeq: number; auditHead: AuditHead; events: readonly unknown[] }): Promise<PushResponse> {
    return this.call('POST', endpoints.push, { site: this.options.site, batchSeq: batch.batchSeq, auditHead: batch.auditHead, events: batch.events }, pushResponseSchema);
  }

  /** One page; its checksum and every event's content hash are checked before it is returned. */
  async pull(request: { cursor: string | null; limit?: number }): Promise<PullPage> {
    const page = await this.call('POST', endpoints.pull, { site: this.options.site, cursor: request.cursor, ...(request.limit ? { limit: request.limit } : {}) }, pullPageSchema);
    verifyPage(page);
    return page;
  }

  async lookup(request: Omit<LookupRequest, 'site'>): Promise<LookupResponse> {
    const answer = await this.call('POST', endpoints.lookup, { ...request, site: this.options.site }, lookupResponseSchema);
    for (const person of answer.people) verifyEvents(person.events);
    return answer;
  }

  /** Long poll: resolves when the central has something new for this site, or after `waitMs`. */
  waitForChanges(request: { cursor: string | null; waitMs: number }, signal?: AbortSignal): Promise<WaitResponse> {
    return this.call('POST', endpoints.wait, { site: this.options.site, cursor: request.cursor, waitMs: request.waitMs }, waitResponseSchema, { extraMs: request.waitMs, ...(signal ? { signal } : {}) });
  }

  auditAnchors(): Promise<AuditAnchorsResponse> {
    return this.call('GET', endpoints.auditAnchors, undefined, auditAnchorsResponseSchema);
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  private checkOwnCertificate(now: Date): void {
    if (now.getTime() > Date.parse(this.certificate.validTo)) {
      throw new CentralError('certificate_expired', `this site's certificate expired on ${new Date(this.certificate.validTo).toISOString().slice(0, 10)}: ask the region administrator for a new one`);
    }
    if (now.getTime() < Date.parse(this.certificate.validFrom)) {
      throw new CentralError('certificate_not_yet_valid', `this site's certificate is valid only from ${new Date(this.certificate.validFrom).toISOString()}: check this PC's date and time`);
    }
  }

  private call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, body: unknown, schema: S, extra: { extraMs?: number; signal?: AbortSignal } = {}): Promise<z.infer<S>> {
    return new Promise((resolve, reject) => {
      try {
        this.checkOwnCertificate(new Date());
      } catch (err) {
        reject(err as Error);
        return;
      }
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = https.request(
        {
          protocol: 'https:',
          host: this.base.hostname,
          port: this.base.port || 443,
          path,
          method,
          agent: this.agent,
          ...(isIP(this.base.hostname) ? {} : { servername: this.base.hostname }),
          headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
          ...(extra.signal ? { signal: extra.signal } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => reject(classify(err, this.base.host)));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            let json: unknown;
            try {
              json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              reject(new CentralError(status >= 500 ? 'server' : 'protocol', `the central answered ${status} with a body that is not JSON`, status));
              return;
            }
            if (status >= 400) {
              const error = errorBodySchema.safeParse(json);
              const message = error.success ? error.data.error.message : `HTTP ${status}`;
              reject(new CentralError(status >= 500 ? 'server' : 'rejected', message, status, error.success ? error.data.error.code : undefined));
              return;
            }
            const parsed = schema.safeParse(json);
            if (!parsed.success) {
              reject(new CentralError('protocol', `the central's answer does not match the protocol: ${parsed.error.issues[0]?.message ?? ''}`, status));
              return;
            }
            resolve(parsed.data);
          });
        },
      );
      req.setTimeout(this.timeoutMs + (extra.extraMs ?? 0), () => req.destroy(new CentralError('timeout', `the central did not answer within ${Math.round((this.timeoutMs + (extra.extraMs ?? 0)) / 1000)} s`)));
      req.on('error', (err: NodeJS.ErrnoException) => reject(err instanceof CentralError ? err : err.name === 'AbortError' ? err : classify(err, this.base.host)));
      req.end(payload);
    });
  }
}

function verifyEvents(events: PullPage['events']): void {
  for (const event of events) {
    if (sha256(contentHashInput(event)) !== event.contentHash) {
      throw new CentralError('protocol', `event ${event.eventId} does not match its content hash: the page is refused`);
    }
  }
}

export function verifyPage(page: PullPage): void {
  if (sha256(pageChecksumInput(page)) !== page.checksum) throw new CentralError('protocol', 'the page checksum does not match its content: the page is refused');
  verifyEvents(page.events);
}
