// Each push carries the head of the site's audit hash chain (row count and last hash). The central
// keeps every new head, so a site that rewrote its whole chain (and so passes its own verify) still
// disagrees with what the central holds. A head that goes backwards, or changes at the same count,
// is stored with the anomaly named; the push itself still goes through, because refusing clinical
// sync over an audit question would be the greater harm. The same statement records the site's
// last batch and push time.
import { sql } from 'drizzle-orm';
import type { AuditHead } from '../../contract/sync/wire';
import { executePrepared, rowsOf, type CentralTx } from '../db/open';

export async function anchorAuditHead(tx: CentralTx, site: string, batchSeq: number, head: AuditHead, at: Date): Promise<{ count: number; hash: string; anomaly: string | null }> {
  const stored = rowsOf<{ anomaly: string | null }>(
    await executePrepared(tx, 'central_push_audit_anchor', sql`
      WITH last AS (
        SELECT count, hash FROM audit_anchors WHERE site_code = ${site} ORDER BY id DESC LIMIT 1
      ),
      pushed AS (
        UPDATE sites SET last_batch_seq = GREATEST(COALESCE(last_batch_seq, 0), ${batchSeq}), last_push_at = ${at.toISOString()} WHERE code = ${site}
      )
      INSERT INTO audit_anchors (site_code, batch_seq, count, hash, received_at, anomaly)
      SELECT ${site}, ${batchSeq}, ${head.count}, ${head.hash}, ${at.toISOString()},
             CASE WHEN last.count IS NULL THEN NULL
                  WHEN ${head.count}::bigint < last.count THEN format('the audit chain went back from %s rows to %s', last.count, ${head.count}::bigint)
                  WHEN ${head.count}::bigint = last.count THEN format('the audit chain head changed at the same row count (%s): rows were rewritten', last.count)
             END
      FROM (SELECT 1) AS one LEFT JOIN last ON true
      WHERE last.count IS NULL OR last.count <> ${head.count}::bigint OR last.hash <> ${head.hash}
      RETURNING anomaly`),
  )[0];
  // No row: the head is the one already stored, so there is nothing new to keep.
  return { ...head, anomaly: stored?.anomaly ?? null };
}
