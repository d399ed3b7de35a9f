// Pulls and lookups of one site run one at a time (a transaction-scoped advisory lock), so two
// concurrent pulls of the same site cannot both record the same removal or snapshot step.
import { sql } from 'drizzle-orm';
import type { CentralTx } from '../db/open';

const SITE_LOCK_SPACE = 7001;

export async function siteAdvisoryLock(tx: CentralTx, site: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${SITE_LOCK_SPACE}, hashtext(${site}))`);
}
