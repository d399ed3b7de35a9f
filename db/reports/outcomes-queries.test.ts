// The outcomes queries find a period's referrals and TOPs through indexes, never by reading a large
// site's whole referral or form history: referrals by source and the coded referral outcomes read
// covering indexes only (the worker filter's person too); the codes forms recorded are found by
// site and time among the forms that recorded one; the TOP step reads each TOP's stage and measures
// from the TOP indexes (top-index.ts), never a TOP's body.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOP_MEASURE_ITEM_IDS } from '../../domain/sms/top-summary';
import { defaultMigrationsFolder, openStore, type OpenedStore } from '../open';
import { CODED_FORM, outcomesSteps } from './outcomes-queries';
import { TOP_MEASURES_SQL, TOP_STAGE_SQL, TOP_TEMPLATES_SQL } from './top-index';

let dir: string;
let store: OpenedStore;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-outcomes-sql-'));
  store = openStore({ file: join(dir, 'site.db'), key: randomBytes(32), create: true });
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function plans(): Record<string, string[]> {
  const steps = outcomesSteps({
    site: 'DEMO01',
    from: '2026-11-01T00:00:00.000Z',
    to: '2026-12-01T00:00:00.000Z',
    firstDay: '2026-11-01',
    lastDay: '2026-11-30',
  });
  return Object.fromEntries(steps.map((s) => [s.id, (store.raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(s.params) as { detail: string }[]).map((r) => r.detail)]));
}

describe('outcomes queries', () => {
  it('read referrals by source and coded outcomes from covering indexes over the period only', () => {
    const p = plans();
    expect(p.referrals!.filter((d) => /^(SEARCH|SCAN) r\b/.test(d))).toEqual([
      'SEARCH r USING COVERING INDEX referrals_site_service_created (site_code=? AND to_service=? AND created_at>? AND created_at<?)',
    ]);
    expect(p.coded!.filter((d) => /^(SEARCH|SCAN) r\b/.test(d))).toEqual([
      'SEARCH r USING COVERING INDEX referrals_site_decided (site_code=? AND status=? AND decided_on>? AND decided_on<?)',
    ]);
    // The codes forms recorded: the period's responses at this site that recorded a code, not every
    // response ever (nor every response of the period).
    expect(p.coded!.filter((d) => /^(SEARCH|SCAN) fr\b/.test(d))).toEqual(['SEARCH fr USING INDEX form_responses_site_coded (origin_site=? AND recorded_at>? AND recorded_at<?)']);
  });

  it('finds the period’s TOPs, and each person’s start and review, from the TOP indexes alone (never a TOP body)', () => {
    expect(plans().top!.filter((d) => /^(SEARCH|SCAN) fr\b/.test(d))).toEqual([
      'SEARCH fr USING COVERING INDEX form_responses_top_site (template_id=? AND origin_site=? AND recorded_at>? AND recorded_at<?)',
      'SEARCH fr USING COVERING INDEX form_responses_top_person (person_id=? AND <expr>=? AND recorded_at=? AND template_id=? AND current=?)',
      'SEARCH fr USING COVERING INDEX form_responses_top_person (person_id=? AND <expr>=? AND recorded_at<?)',
    ]);
  });

  it('index exactly the expressions and conditions the queries use', () => {
    const file = readdirSync(defaultMigrationsFolder()).find((f) => f.endsWith('_outcome_and_caseload_indexes.sql'));
    expect(file).toBeDefined();
    const migration = readFileSync(join(defaultMigrationsFolder(), file!), 'utf8');
    for (const expression of [TOP_STAGE_SQL, TOP_MEASURES_SQL, `WHERE template_id IN ${TOP_TEMPLATES_SQL}`, `WHERE ${CODED_FORM}`]) expect(migration).toContain(expression);
    // Every answer the TOP measures read is in the indexed expression, in order.
    expect(TOP_MEASURES_SQL).toBe(`json_extract(body, ${TOP_MEASURE_ITEM_IDS.map((id) => `'$.answers."${id}"'`).join(', ')})`);
  });
});
