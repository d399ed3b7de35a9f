// The app's own origin. The UI is served only from app://sonar; navigation and
// IPC are allowed only for documents from it, so this one predicate guards both.
export const APP_SCHEME = 'app';
export const APP_HOST = 'sonar';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` is a document of the app itself. Compared field by field rather than with
 * `URL.origin`, because Node reports "null" as the origin of any non-special scheme; credentials
 * and ports are refused so `app://sonar@elsewhere` or `app://sonar:1` cannot pass for the app.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
