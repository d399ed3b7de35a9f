// Each push carries the head of the site's audit hash chain (row count and last hash). The central
// keeps every new head, so a site that rewrote its whole chain (and so passes its own verify) still
// disagrees with what the central holds. A head that goes backwards, or changes at the same count,
// is stored with the anomaly named; the push itself still goes through, because refusing clinical
// sync over an audit question would be the greater harm.
import { sql } from 'drizzle-orm';
import type { AuditHead } from '../../contract/sync/wire';
import { rowsOf, type CentralTx } from '../db/open';

export async function anchorAuditHead(tx: CentralTx, site: string, batchSeq: number, head: AuditHead, at: Date): Promise<{ count: number; hash: string; anomaly: string | null }> {
  const last = rowsOf<{ count: string | number; hash: string }>(
    await tx.execute(sql`SELECT count, hash FROM audit_anchors WHERE site_code = ${site} ORDER BY id DESC LIMIT 1`),
  )[0];
  const lastCount = last ? Number(last.count) : null;
  if (last && lastCount === head.count && last.hash === head.hash) return { ...head, anomaly: null };
  let anomaly: string | null = null;
  if (lastCount !== null && head.count < lastCount) anomaly = `the audit chain went back from ${lastCount} rows to ${head.count}`;
  else if (lastCount !== null && head.count === lastCount) anomaly = `the audit chain head changed at the same row count (${head.count}): rows were rewritten`;
  await tx.execute(sql`
    INSERT INTO audit_anchors (site_code, batch_seq, count, hash, received_at, anomaly)
    VALUES (${site}, ${batchSeq}, ${head.count}, ${head.hash}, ${at.toISOString()}, ${anomaly})`);
  return { ...head, anomaly };
}
