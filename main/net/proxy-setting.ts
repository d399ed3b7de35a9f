// Turns the site's proxy setting into the proxy to use for one address: none, a named
// http://host:port CONNECT proxy, or the operating system's choice. The system proxy is asked
// through a resolver: Electron's session.resolveProxy in the app (WinINET/PAC settings on
// Windows), the HTTPS_PROXY / NO_PROXY environment in plain Node.
import type { ProxySetting } from '../../contract/site-config';
import { NetError } from './net-error';

/** Answers in PAC form for a URL: "DIRECT", "PROXY host:port; DIRECT", "SOCKS5 host:1080"... */
export type SystemProxyResolver = (url: URL) => Promise<string>;

function noProxyMatches(host: string, noProxy: string): boolean {
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((rule) => {
      if (rule === '*') return true;
      const bare = rule.replace(/^\*?\./, '').replace(/:\d+$/, '').toLowerCase();
      return host === bare || host.endsWith(`.${bare}`);
    });
}

/** The system proxy as plain Node sees it: HTTPS_PROXY (or https_proxy), minus NO_PROXY. */
export function environmentProxyResolver(env: NodeJS.ProcessEnv = process.env): SystemProxyResolver {
  return async (url) => {
    const proxy = env.HTTPS_PROXY ?? env.https_proxy ?? '';
    const noProxy = env.NO_PROXY ?? env.no_proxy ?? '';
    if (proxy === '' || noProxyMatches(url.hostname.toLowerCase(), noProxy)) return 'DIRECT';
    const parsed = new URL(proxy.includes('://') ? proxy : `http://${proxy}`);
    if (parsed.protocol !== 'http:') return `UNSUPPORTED ${parsed.protocol}`;
    return `PROXY ${parsed.host}`;
  };
}

/** The first entry of a PAC answer, as a proxy URL or null for a direct connection. */
export function parsePacResult(result: string, forUrl: URL): URL | null {
  const first = result.split(';')[0]!.trim();
  if (first === '' || first.toUpperCase() === 'DIRECT') return null;
  const match = /^PROXY\s+(\S+)$/i.exec(first);
  if (!match) {
    throw new NetError(
      'proxy_unsupported',
      `The system proxy for ${forUrl.host} is "${first}", which SONAR cannot use (it needs an HTTP proxy that supports CONNECT). ` +
        'Set proxy in the site policy to http://host:port, or "none".',
    );
  }
  return new URL(`http://${match[1]}`);
}

export async function proxyFor(setting: ProxySetting, url: URL, system: SystemProxyResolver): Promise<URL | null> {
  if (setting === 'none') return null;
  if (setting === 'system') return parsePacResult(await system(url), url);
  return new URL(setting);
}
