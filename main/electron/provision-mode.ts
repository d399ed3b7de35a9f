// `SONAR.exe --provision <command>`: the provisioning commands run by the installed app, so the
// site's private key is wrapped by this Windows user's keystore (DPAPI via safeStorage), exactly
// as the database key is, and the system proxy is the one Chromium resolves (WinINET, PAC, WPAD).
// No window opens; the output goes to stdout and, with --report FILE, to a file.
import { app, safeStorage, session } from 'electron';
import type { PolicySources } from '../app/policy/resolve-site-settings';
import { platformPolicySources } from '../app/policy/resolve-site-settings';
import { safeStorageWrapping } from '../keys/safe-storage-wrapping';
import { runProvision } from '../tools/provision-commands';

/** The arguments after --provision, or null when the app was not started to provision. */
export function provisionArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--provision');
  return at < 0 ? null : argv.slice(at + 1);
}

export function runProvisionMode(args: string[], options: { dataDir: () => string; policy?: PolicySources }): void {
  app
    .whenReady()
    .then(async () => {
      const outcome = await runProvision(args, {
        dataDir: options.dataDir(),
        policy: options.policy ?? platformPolicySources(),
        packaged: app.isPackaged,
        wrapping: safeStorageWrapping(safeStorage),
        systemProxy: (url) => session.defaultSession.resolveProxy(url.href),
        now: () => new Date(),
      });
      (outcome.exitCode === 0 ? process.stdout : process.stderr).write(outcome.output);
      app.exit(outcome.exitCode);
    })
    .catch((error: unknown) => {
      process.stderr.write(`provision failed: ${error instanceof Error ? error.message : String(error)}\n`);
      app.exit(1);
    });
}
