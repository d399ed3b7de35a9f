// `npm run provision -- <command>`: provisioning from a developer machine or a test bench, with
// the site's private key in an owner-only file in the data directory (as the browser host keeps the
// database key). On an installed PC the same commands run as `SONAR.exe --provision <command>`,
// with the key wrapped by the OS keystore.
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app/data-dir';
import { platformPolicySources } from '../app/policy/resolve-site-settings';
import { ownerOnlyFile } from '../keys/secret-file';
import { environmentProxyResolver } from '../net/proxy-setting';
import { runProvision } from './provision-commands';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const { values } = parseArgs({ args: argv, strict: false, allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir();
  const { exitCode, output } = await runProvision(argv, {
    dataDir,
    policy: platformPolicySources(),
    packaged: false,
    wrapping: ownerOnlyFile,
    systemProxy: environmentProxyResolver(),
    now: () => new Date(),
  });
  (exitCode === 0 ? process.stdout : process.stderr).write(output);
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`provision failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
