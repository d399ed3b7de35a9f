// How global-setup tells the tests where the browser hosts are (workers inherit its environment).
export const ENV_LAUNCH_URL = 'SONAR_E2E_LAUNCH_URL';
export const ENV_DATA_DIR = 'SONAR_E2E_DATA_DIR';
/** The second host: a prison site, for prison reception. */
export const ENV_PRISON_LAUNCH_URL = 'SONAR_E2E_PRISON_LAUNCH_URL';

function fromEnv(name: string): string {
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: run the browser tests through playwright.config.ts (global-setup starts the hosts)`);
  return url;
}

/** The host's launch address, with its per-launch secret in the fragment (#launch=...). */
export function launchUrl(): string {
  return fromEnv(ENV_LAUNCH_URL);
}

export function prisonLaunchUrl(): string {
  return fromEnv(ENV_PRISON_LAUNCH_URL);
}

/** http://127.0.0.1:PORT, with no secret. */
export function hostOrigin(url: string = launchUrl()): string {
  return new URL(url).origin;
}

/** Launch addresses of hosts a spec started itself (own-host.ts), by origin. */
const ownHosts = new Map<string, string>();

export function rememberLaunchUrl(url: string): void {
  ownHosts.set(new URL(url).origin, url);
}

/** The launch secret of the host at `origin`: what the page sends in X-Sonar-Launch with each call. */
export function launchSecretFor(origin: string): string {
  const candidates = [ownHosts.get(origin), process.env[ENV_LAUNCH_URL], process.env[ENV_PRISON_LAUNCH_URL]];
  for (const url of candidates) {
    if (!url || new URL(url).origin !== origin) continue;
    const secret = /#launch=([A-Za-z0-9_-]+)$/.exec(url)?.[1];
    if (secret) return secret;
  }
  throw new Error(`no launch address known for ${origin}`);
}
