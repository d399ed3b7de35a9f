// Starts the built browser host (`npm run test:e2e` builds first) twice, each on a fresh temporary
// data directory: the demo custody suite every spec uses, and a prison site for prison reception.
// Hands the launch URLs to the tests through the environment. The returned function is
// Playwright's global teardown: it stops the hosts and removes the data directories.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV_DATA_DIR, ENV_LAUNCH_URL, ENV_PRISON_LAUNCH_URL } from './support/env';
import { newDataDir, removeDataDir, startOwnHost, type OwnHost, type SiteConfigFile } from './support/own-host';

/** The prison site: a demo (synthetic people only), so the NHS test range is accepted as at the custody suite. */
const PRISON_SITE: SiteConfigFile = { schemaVersion: 1, siteCode: 'PRIS01', siteName: 'HMP Demo Reception', siteType: 'prison', demo: true, idleLockMinutes: 5 };

/** With no site, the host finds an empty data directory and writes the demo site itself (first run). */
async function startHost(site?: SiteConfigFile): Promise<OwnHost & { remove(): Promise<void> }> {
  const dataDir = site ? newDataDir(site) : mkdtempSync(join(tmpdir(), 'sonar-e2e-'));
  try {
    const host = await startOwnHost(dataDir);
    return {
      ...host,
      remove: async () => {
        await host.stop();
        removeDataDir(dataDir);
      },
    };
  } catch (err) {
    removeDataDir(dataDir);
    throw err;
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const custody = await startHost();
  let prison: Awaited<ReturnType<typeof startHost>>;
  try {
    prison = await startHost(PRISON_SITE);
  } catch (err) {
    await custody.remove();
    throw err;
  }

  process.env[ENV_LAUNCH_URL] = custody.launchUrl;
  process.env[ENV_DATA_DIR] = custody.dataDir;
  process.env[ENV_PRISON_LAUNCH_URL] = prison.launchUrl;

  return async () => {
    await Promise.all([custody.remove(), prison.remove()]);
  };
}
