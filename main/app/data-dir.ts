// Where a user's SONAR data lives when not under Electron (Electron uses app.getPath('userData')).
import { homedir } from 'node:os';
import { join } from 'node:path';

// The demo prison (SONAR_DEMO=prison) has a folder of its own beside it, so both demos can be run.
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SONAR_DATA_DIR) return env.SONAR_DATA_DIR;
  const suffix = env.SONAR_DEMO?.trim() === 'prison' ? '-demo-prison' : '';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), `SONAR${suffix}`);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', `SONAR${suffix}`);
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), `sonar${suffix}`);
}
