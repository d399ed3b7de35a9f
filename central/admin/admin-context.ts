// What every administration command runs with, the error a command refuses with, and the list of
// revoked certificates the CRL is built from (shared by the site and governance lead commands).
import { sql } from 'drizzle-orm';
import type { RegionCa } from '../ca/region-ca';
import { rowsOf, type CentralStore } from '../db/open';

export interface AdminContext {
  store: CentralStore;
  ca: RegionCa;
  now: () => Date;
  /** Called after a registration or revocation: the running server re-reads the CRL and forgets cached identities. */
  afterIdentityChange?: () => void;
  /** Called after anything that changes who may see what (agreements), to wake waiting sites. */
  afterPolicyChange?: () => void;
}

export class AdminError extends Error {}

/** Every revoked certificate the CA has issued (sites' and governance leads'), for the CRL. */
export async function revokedEntries(store: CentralStore): Promise<{ serial: string; revokedAt: Date }[]> {
  const rows = rowsOf<{ serial: string; revoked_at: string | Date }>(
    await store.db.execute(sql`
      SELECT serial, revoked_at FROM site_certificates WHERE revoked_at IS NOT NULL
      UNION ALL
      SELECT serial, revoked_at FROM lead_certificates WHERE revoked_at IS NOT NULL
      ORDER BY serial`),
  );
  return rows.map((r) => ({ serial: r.serial, revokedAt: new Date(r.revoked_at) }));
}
