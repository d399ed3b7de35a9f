// How global-setup tells the tests where the browser host is (workers inherit its environment).
export const ENV_LAUNCH_URL = 'SONAR_E2E_LAUNCH_URL';
export const ENV_DATA_DIR = 'SONAR_E2E_DATA_DIR';

/** The host's launch address, with its per-launch secret: opening it sets the launch cookie. */
export function launchUrl(): string {
  const url = process.env[ENV_LAUNCH_URL];
  if (!url) throw new Error(`${ENV_LAUNCH_URL} is not set: run the browser tests through playwright.config.ts (global-setup starts the host)`);
  return url;
}

/** http://127.0.0.1:PORT, with no secret. */
export function hostOrigin(): string {
  return new URL(launchUrl()).origin;
}
