// Step 3 of provisioning, and the first thing to run when a site cannot sync: can this PC reach
// the central, through the configured proxy, with the site's certificate? Each finding is a line
// in plain words (clock skew, a proxy refusing CONNECT, a certificate not valid yet, the wrong CA)
// rather than a stack trace; the run fails if any line is a problem.
import type { SiteConfig } from '../../contract/site-config';
import type { SiteCredentialStore, SiteIdentity } from '../keys/site-credentials';
import { leafCertificate } from '../keys/site-credentials';
import { loadCaBundle, type CaBundle } from '../net/ca-bundle';
import { mtlsRequest } from '../net/mtls-request';
import { NetError } from '../net/net-error';
import { proxyFor, type SystemProxyResolver } from '../net/proxy-setting';
import { describeCertificate, formatDuration } from './provision-words';

export type CheckStatus = 'ok' | 'warning' | 'problem';
export interface CheckLine {
  status: CheckStatus;
  topic: string;
  text: string;
}
export interface CheckReport {
  ok: boolean;
  lines: CheckLine[];
}

/** Beyond this, certificates and the sync clock are at risk. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
const RENEW_WITHIN_MS = 30 * 24 * 60 * 60_000;

export interface CheckInput {
  site: SiteConfig;
  credentials: SiteCredentialStore;
  systemProxy: SystemProxyResolver;
  now: () => Date;
  timeoutMs?: number;
}

function certificateLines(identity: SiteIdentity, now: Date): CheckLine[] {
  const leaf = leafCertificate(identity.certPem);
  const from = Date.parse(leaf.validFrom);
  const to = Date.parse(leaf.validTo);
  const t = now.getTime();
  if (from > t) {
    return [
      {
        status: 'problem',
        topic: 'Site certificate',
        text:
          `Not valid yet: it starts ${new Date(from).toISOString()}, ${formatDuration(from - t)} after this PC's clock (${now.toISOString()}). ` +
          "If that time has passed, this PC's clock is wrong: fix the date and time.",
      },
    ];
  }
  if (to <= t) return [{ status: 'problem', topic: 'Site certificate', text: `Expired ${new Date(to).toISOString()}: request a new one (provision request --replace).` }];
  const status: CheckStatus = to - t < RENEW_WITHIN_MS ? 'warning' : 'ok';
  const renew = status === 'warning' ? ` It expires in ${formatDuration(to - t)}: request a new one now (provision request --replace).` : '';
  return [{ status, topic: 'Site certificate', text: `${describeCertificate(leaf)}.${renew}` }];
}

function clockLine(dateHeader: string | undefined, now: Date): CheckLine | null {
  const central = dateHeader ? Date.parse(dateHeader) : Number.NaN;
  if (Number.isNaN(central)) return null;
  const skew = now.getTime() - central;
  if (Math.abs(skew) <= MAX_CLOCK_SKEW_MS) {
    return { status: 'ok', topic: 'Clock', text: `This PC's clock agrees with the central's (within ${formatDuration(Math.max(Math.abs(skew), 60_000))}).` };
  }
  return {
    status: 'problem',
    topic: 'Clock',
    text:
      `This PC's clock is ${formatDuration(skew)} ${skew > 0 ? 'ahead of' : 'behind'} the central's (clock skew). ` +
      "Certificates and record times depend on it: fix this PC's date and time (Windows Time service), then check again.",
  };
}

function httpLine(status: number, centralUrl: string): CheckLine {
  if (status === 401 || status === 403) {
    return {
      status: 'problem',
      topic: 'Central',
      text:
        `The central accepted the encrypted connection but refused this site (HTTP ${status}). The site may not be registered there yet: ` +
        'give the central\'s administrator the site certificate (site-tls.crt) and its fingerprint.',
    };
  }
  if (status >= 500) return { status: 'warning', topic: 'Central', text: `The central at ${centralUrl} answered with an error (HTTP ${status}); it may be starting or overloaded.` };
  return { status: 'ok', topic: 'Central', text: `The central at ${centralUrl} answered (HTTP ${status}).` };
}

export async function checkCentral(input: CheckInput): Promise<CheckReport> {
  const { site } = input;
  const now = input.now();
  const lines: CheckLine[] = [];
  const done = (): CheckReport => ({ ok: lines.every((l) => l.status !== 'problem'), lines });

  lines.push({ status: 'ok', topic: 'Site', text: `${site.siteName} (${site.siteCode}), ${site.siteType}; sync ${site.syncEnabled ? 'on' : 'off'}.` });
  if (!site.centralUrl) {
    lines.push({ status: 'problem', topic: 'Site policy', text: 'centralUrl is not set, so there is no central to check.' });
    return done();
  }
  let ca: CaBundle | null = null;
  if (!site.caBundle) {
    lines.push({ status: 'problem', topic: 'Site policy', text: "caBundle is not set, so the central's certificate cannot be checked." });
  } else {
    try {
      ca = loadCaBundle(site.caBundle);
      lines.push({ status: 'ok', topic: 'CA bundle', text: `${ca.certificates.length} CA certificate(s) from the ${ca.source}.` });
    } catch (error) {
      lines.push({ status: 'problem', topic: 'CA bundle', text: (error as Error).message });
    }
  }
  let identity: SiteIdentity | null = null;
  try {
    identity = input.credentials.active();
  } catch (error) {
    lines.push({ status: 'problem', topic: 'Site certificate', text: (error as Error).message });
  }
  if (identity) lines.push(...certificateLines(identity, now));
  else if (lines.every((l) => l.topic !== 'Site certificate')) {
    const pending = input.credentials.pending() ? ` A request made on this PC is waiting for its certificate (${input.credentials.csrFile}).` : '';
    lines.push({ status: 'problem', topic: 'Site certificate', text: `This PC has no site certificate yet: run "provision request", then "provision accept".${pending}` });
  }
  if (!ca || !identity) return done();

  const url = new URL(site.centralUrl);
  let proxy: URL | null;
  try {
    proxy = await proxyFor(site.proxy, url, input.systemProxy);
  } catch (error) {
    lines.push({ status: 'problem', topic: 'Proxy', text: (error as Error).message });
    return done();
  }
  const route = proxy ? `through the proxy ${proxy.host} (${site.proxy === 'system' ? "the system's proxy" : 'set in the site policy'})` : 'directly (no proxy)';
  try {
    const response = await mtlsRequest(url, {
      ca: ca.pem,
      clientCert: identity.certPem,
      clientKey: identity.keyPem,
      proxy,
      ...(input.timeoutMs ? { timeoutMs: input.timeoutMs } : {}),
    });
    const server = response.serverCertificate;
    lines.push({
      status: 'ok',
      topic: 'Connection',
      text: `Reached ${url.host} ${route} over ${response.tlsVersion ?? 'TLS'} with the site certificate; the central's certificate (${server.subject?.CN ?? 'no CN'}, issued by ${server.issuer?.CN ?? 'unknown'}) chains to the CA bundle.`,
    });
    const clock = clockLine(typeof response.headers.date === 'string' ? response.headers.date : undefined, input.now());
    if (clock) lines.push(clock);
    lines.push(httpLine(response.status, site.centralUrl));
  } catch (error) {
    const text = error instanceof NetError ? error.message : `Unexpected failure: ${(error as Error).message}`;
    lines.push({ status: 'problem', topic: 'Connection', text: `Could not reach ${url.host} ${route}. ${text}` });
  }
  return done();
}

export function formatReport(report: CheckReport): string {
  const mark: Record<CheckStatus, string> = { ok: 'OK     ', warning: 'WARNING', problem: 'PROBLEM' };
  const body = report.lines.map((l) => `${mark[l.status]}  ${l.topic}: ${l.text}`).join('\n');
  return `${body}\n\n${report.ok ? 'The central can be reached with this site\'s certificate.' : 'Provisioning is not complete: fix each PROBLEM above, then check again.'}\n`;
}
