// `npm run dist [-- --site CODE --policy FILE] [--linux]`: the one SONAR installer for every site.
//   1. with --site: that site's policy checked and written as site.json and a .reg file
//      (dist/site-CODE/), to deploy beside the installer;
//   2. the app built (electron-vite);
//   3. the SQLite addons rebuilt for Electron's ABI and proved by loading them in Electron;
//   4. electron-builder: NSIS + MSI on Windows (signed, SONAR_SIGNING), AppImage + deb with --linux;
//   5. the addons rebuilt for Node again, so `npm test` keeps working on the packaging machine.
// Needs the Electron runtime and electron-builder's tool downloads: a Windows CI runner or a
// machine with internet access (.github/workflows/windows-release.yml).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSitePolicy, toRegFile } from './site-bundle';
import { signingOverlay } from './signing';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const NATIVE_ADDONS = ['better-sqlite3-multiple-ciphers', 'better-sqlite3'];

function step(title: string): void {
  console.error(`\n== ${title}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${String(result.status)})`);
}

function electronBinary(): string {
  let binary: unknown;
  try {
    binary = require('electron');
  } catch {
    binary = null;
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    throw new Error('The Electron runtime is not installed (its download host is unreachable here). Packaging needs it: run on the Windows CI runner.');
  }
  return binary;
}

function writeSiteBundle(siteCode: string, policyFile: string): void {
  step(`site policy for ${siteCode}`);
  const policy = readSitePolicy(policyFile, siteCode);
  const out = join(root, 'dist', `site-${siteCode}`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'site.json'), JSON.stringify(policy, null, 2) + '\n');
  writeFileSync(join(out, 'sonar-policy.reg'), toRegFile(policy));
  console.error(`Wrote ${join(out, 'site.json')} and ${join(out, 'sonar-policy.reg')}`);
}

async function rebuildForElectron(electron: string): Promise<void> {
  step('SQLite addons for Electron');
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: root, electronVersion, force: true, onlyModules: NATIVE_ADDONS });
  // Proof, not trust: load each addon in Electron's own Node and open an encrypted database.
  const probe = NATIVE_ADDONS.map((m) => `require(${JSON.stringify(m)})`).join(';') + ";new (require('better-sqlite3-multiple-ciphers'))(':memory:').pragma(\"cipher='sqlcipher'\")";
  run(electron, ['-e', probe], { ...process.env, ELECTRON_RUN_AS_NODE: '1' });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string' }, policy: { type: 'string' }, linux: { type: 'boolean', default: false }, 'site-only': { type: 'boolean', default: false } } });
  if ((values.site === undefined) !== (values.policy === undefined)) throw new Error('--site CODE and --policy FILE go together.');
  if (values.site && values.policy) writeSiteBundle(values.site, values.policy);
  if (values['site-only']) return;

  const windows = !values.linux;
  if (windows && process.platform !== 'win32') throw new Error('The Windows installers are built on Windows (NSIS and MSI tooling); use --linux for a test-bench build here.');
  const signing = windows ? signingOverlay(process.env) : null;
  // Before anything is changed: without Electron's runtime the addons cannot be proved, and a
  // rebuild would leave node_modules without working Node addons.
  const electron = electronBinary();
  step('build');
  run('npx', ['electron-vite', 'build']);
  try {
    await rebuildForElectron(electron);
    step(`package (${windows ? `Windows, ${signing?.mode}` : 'Linux'})`);
    const { build, Platform } = await import('electron-builder');
    const artifacts = await build({
      targets: (windows ? Platform.WINDOWS : Platform.LINUX).createTarget(),
      config: signing?.config ?? {},
      publish: 'never',
    });
    console.error(`Built:\n${artifacts.map((a) => `  ${a}`).join('\n')}`);
  } finally {
    step('SQLite addons back to Node (for npm test)');
    run('npm', ['rebuild', ...NATIVE_ADDONS]);
  }
}

main().catch((error: unknown) => {
  console.error(`dist failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
