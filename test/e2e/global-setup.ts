// Starts the built browser host (`npm run test:e2e` builds first) on a fresh temporary data
// directory, waits for its "listening" line and hands the launch URL to the tests through the
// environment. The returned function is Playwright's global teardown: it stops the host and
// removes the data directory.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENV_DATA_DIR, ENV_LAUNCH_URL } from './support/env';

const READY_LINE = 'SONAR browser host listening:';
const START_TIMEOUT_MS = 30_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const hostJs = join(root, 'out', 'main', 'browser-host.js');
  if (!existsSync(hostJs)) throw new Error(`${hostJs} is missing: run "npm run test:e2e" (it builds first) or "npx electron-vite build".`);

  const dataDir = mkdtempSync(join(tmpdir(), 'sonar-e2e-'));
  const log = createWriteStream(join(dataDir, 'browser-host.log'));
  const child = spawn(process.execPath, [hostJs, '--port', '0'], {
    cwd: root,
    env: { ...process.env, SONAR_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    log.write(chunk);
  });

  const launchUrl = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`the browser host did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
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

  process.env[ENV_LAUNCH_URL] = launchUrl;
  process.env[ENV_DATA_DIR] = dataDir;

  return async () => {
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
}
