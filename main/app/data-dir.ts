// Where a user's SONAR data lives when not under Electron (Electron uses app.getPath('userData')).
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SONAR_DATA_DIR) return env.SONAR_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'SONAR');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'SONAR');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'sonar');
}
