// Which transport this page talks through: the Electron preload's window.sonar, or (in the
// browser host, where there is no preload) the fetch bridge to the same router.
import type { SonarBridge } from '../../contract/channels';
import { createFetchBridge } from './fetch-bridge';
import { adoptLaunchSecret, launchSecret } from './launch-secret';

declare global {
  interface Window {
    sonar?: SonarBridge;
  }
}

export function resolveBridge(win: Window): SonarBridge {
  if (win.sonar && typeof win.sonar.invoke === 'function') return win.sonar;
  adoptLaunchSecret(win);
  return createFetchBridge((url, init) => win.fetch(url, init), '', () => launchSecret(win));
}
