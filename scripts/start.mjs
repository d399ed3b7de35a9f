// `npm start`: the site app with a demo site. Electron where its runtime is installed (fetched on
// first use where the download host is reachable); otherwise the browser host on 127.0.0.1.
// SONAR_HOST=browser or SONAR_HOST=electron forces one. `--demo prison` (or SONAR_DEMO=prison) runs
// the demo prison, in a data folder of its own, instead of the demo custody suite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const unavailableMarker = join(root, 'node_modules', '.cache', 'sonar', 'electron-unavailable');
const RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function recentlyFailed() {
  try {
    return Date.now() - Number(readFileSync(unavailableMarker, 'utf8')) < RETRY_AFTER_MS;
  } catch {
    return false;
  }
}

/** Runs electron's own install script once; remembers a failure for a day so start-up stays quick offline. */
function fetchElectron() {
  if (recentlyFailed()) return null;
  console.error('Fetching the Electron runtime (first start only)...');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 120_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const binary = result.status === 0 ? electronBinary() : null;
  if (!binary) {
    mkdirSync(dirname(unavailableMarker), { recursive: true });
    writeFileSync(unavailableMarker, String(Date.now()));
    // The install script prints a stack; the line naming the error is the useful one.
    const lines = (result.stderr?.toString() ?? '').split('\n').map((l) => l.trim());
    const why = lines.find((l) => /error|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/i.test(l) && !l.startsWith('at ')) || result.error?.message || 'download failed';
    console.error(`The Electron runtime could not be fetched (${why}).`);
  }
  return binary;
}

const demoArg = process.argv.indexOf('--demo');
if (demoArg !== -1) {
  const kind = process.argv[demoArg + 1];
  if (kind !== 'prison' && kind !== 'custody') {
    console.error('--demo takes "prison" or "custody".');
    process.exit(1);
  }
  process.env.SONAR_DEMO = kind;
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root, env: process.env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const wanted = process.env.SONAR_HOST ?? 'auto';
const binary = wanted === 'browser' ? null : electronBinary() ?? fetchElectron();
if (binary) {
  run(binary, [root]);
} else {
  if (wanted === 'electron') {
    console.error('SONAR_HOST=electron but the Electron runtime is not installed.');
    process.exit(1);
  }
  console.error('Starting the browser host: open the address below in Chromium, Chrome or Edge on this machine.');
  run(process.execPath, [join(root, 'out', 'main', 'browser-host.js')]);
}
