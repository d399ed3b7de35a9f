// Site apps with sync on, against a test central: each enrolled with its own certificate and a
// short sync timer, so a test's sites exchange records within seconds; and waiting for a condition
// that sync makes true.
import { startTempSite, type TempSite } from '../../support/temp-site';
import type { TestCentral } from './harness';

/** A site enrolled at `t` with sync on (pushes and pulls every 2 s). */
export async function syncedSite(t: TestCentral, code: string, orgType: 'custody_healthcare' | 'prison_healthcare', siteType: 'custody' | 'prison'): Promise<TempSite> {
  const creds = await t.register(code, orgType);
  return startTempSite({
    siteType,
    settings: { siteCode: code, siteName: `${code} test`, siteType, syncEnabled: true, centralUrl: t.url, caBundle: creds.caPem },
    app: { siteCredentials: { active: () => ({ keyPem: creds.keyPem, certPem: creds.certPem }) }, syncTiming: { intervalMs: 2_000, waitMs: 2_000 } },
  });
}

/** Stops the sites and the central, whatever state a failed test left them in. */
export async function stopAll(t: TestCentral | undefined, ...sites: (TempSite | undefined)[]): Promise<void> {
  for (const site of sites) await site?.app.shutdown().catch(() => undefined);
  for (const site of sites) site?.cleanup();
  await t?.close();
}

/** Polls `probe` every 100 ms until it gives a value, or fails naming `what`. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
