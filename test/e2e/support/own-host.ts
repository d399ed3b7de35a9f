// A browser host a spec starts for itself (global-setup's hosts are shared by every spec): its own
// data directory and site configuration, so the spec can set a short idle policy, or stop the
// host and start it again on the same data with a later clock (SONAR_TEST_NOW, honoured at demo
// sites only) to see time-based access rules from the far side.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rememberLaunchUrl } from './env';

const READY_LINE = 'SONAR browser host listening:';
const START_TIMEOUT_MS = 30_000;

export interface SiteConfigFile {
  schemaVersion: 1;
  siteCode: string;
  siteName: string;
  siteType: 'custody' | 'prison' | 'community';
  demo: boolean;
  idleLockMinutes: number;
}

export interface OwnHost {
  dataDir: string;
  launchUrl: string;
  origin: string;
  /** Stops the host, keeping its data. */
  stop(): Promise<void>;
}

function hostJs(): { root: string; script: string } {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const script = join(root, 'out', 'main', 'browser-host.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npx electron-vite build" first`);
  return { root, script };
}

/** A fresh data directory with this site configuration written in it. */
export function newDataDir(site: SiteConfigFile): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'sonar-e2e-own-'));
  writeFileSync(join(dataDir, 'sonar.config.json'), JSON.stringify(site, null, 2) + '\n');
  return dataDir;
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

/** Starts the built browser host on `dataDir`; `testNow` starts its clock at that ISO time. */
export async function startOwnHost(dataDir: string, testNow?: string): Promise<OwnHost> {
  const { root, script } = hostJs();
  const log = createWriteStream(join(dataDir, 'browser-host.log'), { flags: 'a' });
  const env: NodeJS.ProcessEnv = { ...process.env, SONAR_DATA_DIR: dataDir };
  delete env.SONAR_TEST_NOW;
  if (testNow) env.SONAR_TEST_NOW = testNow;
  const child: ChildProcess = spawn(process.execPath, [script, '--port', '0'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
  };
  rememberLaunchUrl(launchUrl);
  return { dataDir, launchUrl, origin: new URL(launchUrl).origin, stop };
}
