// Plain HTTPS requests to the central with a client certificate (a governance lead's, a site's or
// a PKCS#12 file), as a browser or a script would make them: the answer's status, headers and body,
// or the error when TLS refused the connection.
import https from 'node:https';
import { runAdminCommand } from '../../../central/admin/commands';
import type { TestCentral } from './harness';
import { siteKeyAndCsr } from './pki';

export interface ClientCert {
  caPem: string;
  certPem?: string;
  keyPem?: string;
  pfx?: Buffer;
  passphrase?: string;
}

export type HttpsAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string } | { error: string };

export function httpsRequest(url: string, cert: ClientCert, options: { method?: string; body?: unknown; agent?: https.Agent } = {}): Promise<HttpsAnswer> {
  return new Promise((resolve) => {
    try {
      send(url, cert, options, resolve);
    } catch (err) {
      // A PKCS#12 file that cannot be opened (wrong password) fails before any connection.
      resolve({ error: (err as Error).message });
    }
  });
}

function send(url: string, cert: ClientCert, options: { method?: string; body?: unknown; agent?: https.Agent }, resolve: (a: HttpsAnswer) => void): void {
  {
    const target = new URL(url);
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = https.request(
      {
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        ca: cert.caPem,
        ...(cert.pfx ? { pfx: cert.pfx, passphrase: cert.passphrase } : { cert: cert.certPem, key: cert.keyPem }),
        agent: options.agent ?? false,
        headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: `${e.code ?? ''} ${e.message}` }));
    req.setTimeout(20_000, () => req.destroy(new Error('timeout')));
    req.end(payload);
  }
}

export interface LeadCredentials {
  id: string;
  keyPem: string;
  certPem: string;
  caPem: string;
  fingerprint: string;
}

/** Registers a governance lead through the admin command the CLI uses, with a key made now. */
export async function registerLead(t: TestCentral, id: string, name: string, opts: { now?: Date; days?: number } = {}): Promise<LeadCredentials> {
  const { keyPem, csrPem } = await siteKeyAndCsr(id);
  const admin = { store: t.central.store, ca: t.central.ca, now: () => opts.now ?? new Date(), afterIdentityChange: () => t.central.server.identities.clear() };
  const r = (await runAdminCommand(admin, { command: 'lead.register', csrPem, id, name, days: opts.days ?? 30 })) as { certificatePem: string; caPem: string; fingerprint: string };
  return { id, keyPem, certPem: r.certificatePem, caPem: r.caPem, fingerprint: r.fingerprint };
}
