// The KPI statement reaches the period's stays, their forms and tasks, and the people's referrals
// through the indexes of central/db/schema.ts. PostgreSQL uses an index on an expression only when the query
// repeats it exactly: with sequential scans priced out, each plan must name its index (an edit that
// makes the two drift apart fails here, not as a slow page on a large region).
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCentralStore, rowsOf, type CentralStore, type CentralTx } from '../db/open';
import { kpiSql, type KpiBounds } from './kpi-sql';

const BOUNDS: KpiBounds = { startsAt: '2025-03-01T00:00:00.000Z', endsBefore: '2025-03-31T23:00:00.000Z', looseFrom: '2025-02-28', looseTo: '2025-04-01', now: '2025-04-03T12:00:00.000Z' };

describe('KPI query plans', () => {
  let store: CentralStore;
  beforeAll(async () => {
    store = await openCentralStore({ databaseUrl: null, pgliteDir: null });
  }, 60_000);
  afterAll(async () => store?.close());

  async function plan(statement: SQL): Promise<string> {
    return store.db.transaction(async (raw) => {
      const tx = raw as CentralTx;
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const rows = rowsOf<Record<string, string>>(await tx.execute(sql`EXPLAIN ${statement}`));
      return rows.map((r) => Object.values(r)[0]).join('\n');
    });
  }

  it.each(['records_stay_arrived', 'records_form_stay', 'records_task_stay', 'records_person'])('the statement searches %s by its expression', async (index) => {
    const text = await plan(kpiSql(BOUNDS));
    const lines = text.split('\n');
    // Searched by its expression (an Index Cond), not merely read end to end.
    const at = lines.findIndex((l) => l.includes(`using ${index} `) || l.includes(`on ${index} `));
    expect(at, `${index} not in\n${text}`).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]?.trim() ?? '', text).toMatch(/^Index Cond: /);
  });
});
