// Starts the built browser host (`npm run test:e2e` builds first) twice, each on a fresh temporary
// data directory: the demo custody suite every spec uses, and a prison site (its configuration
// written before start) for prison reception. Waits for each "listening" line and hands the launch
// URLs to the tests through the environment. The returned function is Playwright's global
// teardown: it stops the hosts and removes the data directories.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENV_DATA_DIR, ENV_LAUNCH_URL, ENV_PRISON_LAUNCH_URL } from './support/env';

const READY_LINE = 'SONAR browser host listening:';
const START_TIMEOUT_MS = 30_000;

/** The prison site: a demo (synthetic people only), so the NHS test range is accepted as at the custody suite. */
const PRISON_SITE = { schemaVersion: 1, siteCode: 'PRIS01', siteName: 'HMP Demo Reception', siteType: 'prison', demo: true, idleLockMinutes: 5 };

interface Host {
  child: ChildProcess;
  dataDir: string;
  launchUrl: string;
  stop(): Promise<void>;
}

async function startHost(root: string, hostJs: string, siteConfig?: object): Promise<Host> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sonar-e2e-'));
  if (siteConfig) writeFileSync(join(dataDir, 'sonar.config.json'), JSON.stringify(siteConfig, null, 2) + '\n');
  const log = createWriteStream(join(dataDir, 'browser-host.log'));
  const child = spawn(process.execPath, [hostJs, '--port', '0'], {
    cwd: root,
    env: { ...process.env, SONAR_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    log.write(chunk);
  });

  const launchUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the browser host did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`)), START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith(READY_LINE));
      if (line) {
        clearTimeout(timer);
        resolve(line.slice(READY_LINE.length).trim());
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited (code ${code}) before it was ready:\n${stderr}`));
    });
  });

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { child, dataDir, launchUrl, stop };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const hostJs = join(root, 'out', 'main', 'browser-host.js');
  if (!existsSync(hostJs)) throw new Error(`${hostJs} is missing: run "npm run test:e2e" (it builds first) or "npx electron-vite build".`);

  const custody = await startHost(root, hostJs);
  let prison: Host;
  try {
    prison = await startHost(root, hostJs, PRISON_SITE);
  } catch (err) {
    await custody.stop();
    throw err;
  }

  process.env[ENV_LAUNCH_URL] = custody.launchUrl;
  process.env[ENV_DATA_DIR] = custody.dataDir;
  process.env[ENV_PRISON_LAUNCH_URL] = prison.launchUrl;

  return async () => {
    await Promise.all([custody.stop(), prison.stop()]);
  };
}
