// The site's connection to its central record, from its settings: the central URL and CA bundle
// from site policy, the site's own key and certificate (wrapped on this PC), and the proxy (none,
// the system's, or an HTTP CONNECT proxy) with the client certificate carried end to end.
import type { SiteConfig } from '../../contract/site-config';
import type { SiteCredentialStore } from '../keys/site-credentials';
import { loadCaBundle } from '../net/ca-bundle';
import { proxyFor, type SystemProxyResolver } from '../net/proxy-setting';
import { openTunnel } from '../net/proxy-tunnel';
import { CentralClient } from './central-client';

export type CentralConnection = { ok: true; client: CentralClient } | { ok: false; reason: 'sync_off' | 'not_provisioned' | 'misconfigured'; message: string };

export async function connectToCentral(site: SiteConfig, credentials: Pick<SiteCredentialStore, 'active'>, systemProxy: SystemProxyResolver): Promise<CentralConnection> {
  if (!site.syncEnabled) return { ok: false, reason: 'sync_off', message: 'Sync is off at this site (site policy syncEnabled).' };
  if (!site.centralUrl || !site.caBundle) return { ok: false, reason: 'misconfigured', message: 'Sync is on but the central URL or CA bundle is missing from the site policy.' };
  let identity;
  try {
    identity = credentials.active();
  } catch (error) {
    return { ok: false, reason: 'not_provisioned', message: `This site's certificate cannot be read: ${(error as Error).message}` };
  }
  if (!identity) return { ok: false, reason: 'not_provisioned', message: 'This site has no certificate yet: site IT runs provisioning (npm run provision) before records can be shared.' };
  let caPem: string;
  try {
    caPem = loadCaBundle(site.caBundle).pem;
  } catch (error) {
    return { ok: false, reason: 'misconfigured', message: (error as Error).message };
  }
  const url = new URL(site.centralUrl);
  const proxy = await proxyFor(site.proxy, url, systemProxy);
  const client = new CentralClient({
    url: site.centralUrl,
    site: site.siteCode,
    certPem: identity.certPem,
    keyPem: identity.keyPem,
    caPem,
    ...(proxy ? { connect: ({ host, port }) => openTunnel(proxy, host, port, 15_000) } : {}),
  });
  return { ok: true, client };
}
