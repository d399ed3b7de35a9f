// `node out/main/browser-host.js [--port N]`: the site app without Electron. Prints the launch
// address (with its per-launch secret) to open in a browser on this machine.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSiteApp } from '../app/create-site-app';
import { defaultDataDir } from '../app/data-dir';
import { FileKeyStore } from '../keys/file-key-store';
import { demoSiteKind } from '../app/site-config-file';
import { startBrowserHost } from './server';

export const READY_LINE = 'SONAR browser host listening:';

async function main(): Promise<void> {
  // Whatever this process creates (database, WAL, configuration, logs) is for this user only.
  process.umask(0o077);
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);
  const here = dirname(fileURLToPath(import.meta.url));
  const dataDir = defaultDataDir();
  const app = await createSiteApp({
    dataDir,
    keyStore: new FileKeyStore(join(dataDir, 'db.key')),
    migrationsFolder: join(here, 'migrations'),
    log: (m) => console.error(m),
    ...(process.env.SONAR_TEST_NOW ? { testNow: process.env.SONAR_TEST_NOW } : {}),
    demoSite: demoSiteKind(),
  });
  const host = await startBrowserHost({
    router: app.router,
    rendererDir: join(here, '..', 'renderer'),
    launchSecret: randomBytes(24).toString('base64url'),
    port,
    log: (m) => console.error(m),
  });
  console.error(`SONAR site ${app.site.siteName} (${app.site.siteCode}); data in ${dataDir}`);
  void app.integrity.then((v) => {
    if (v.ok === true) console.error(`integrity check of the whole database: ok (${v.checkedMs} ms)`);
  });
  console.log(`${READY_LINE} ${host.launchUrl}`);
  const stop = () => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`SONAR could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
