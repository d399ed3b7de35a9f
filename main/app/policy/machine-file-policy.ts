// Machine policy from a file: %ProgramData%\SONAR\site.json on Windows, /etc/sonar/site.json
// elsewhere. Below the registry policy, above the data directory's own file. SONAR only ever reads
// it. A policy file that any user could change is no policy, so on Linux and macOS a file or folder
// writable by group or others is refused; on Windows the installer locks the folder to
// administrators (build/installer.nsh).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, win32 } from 'node:path';
import { SiteConfigError, parseSettingsLayer, type SettingsLayer } from './settings-layer';

export const MACHINE_POLICY_FILE_NAME = 'site.json';

export function defaultMachinePolicyFile(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'SONAR', MACHINE_POLICY_FILE_NAME);
  return join('/etc', 'sonar', MACHINE_POLICY_FILE_NAME);
}

function assertOnlyAdministratorsCanChange(path: string, platform: NodeJS.Platform): void {
  if (platform === 'win32') return;
  for (const target of [path, dirname(path)]) {
    if ((statSync(target).mode & 0o022) !== 0) {
      throw new SiteConfigError(
        `The site policy ${target} can be changed by users other than its owner; SONAR will not trust it. ` +
          'Site IT: make it writable by root only (chmod go-w).',
      );
    }
  }
}

/** The machine policy file as a layer, or null when there is none. */
export function readMachinePolicyFile(path: string, platform: NodeJS.Platform = process.platform): SettingsLayer | null {
  if (!existsSync(path)) return null;
  assertOnlyAdministratorsCanChange(path, platform);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new SiteConfigError(`The site policy file ${path} could not be read: ${(err as Error).message}`);
  }
  return parseSettingsLayer(text, { kind: 'machine-file', name: path });
}
