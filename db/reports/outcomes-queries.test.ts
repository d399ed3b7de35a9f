// The outcomes queries find a period's referrals and TOPs through indexes, never by reading a large
// site's whole referral or form history: referrals by source and the coded referral outcomes read
// covering indexes only (the worker filter's person too); the codes forms recorded are found by
// site and time; the TOP step finds the period's responses by template and time.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../open';
import { outcomesSteps } from './outcomes-queries';

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
    topTemplates: '["top-secure","top-community"]',
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
    // The codes forms recorded: the period's responses at this site, not every response ever.
    expect(p.coded!.filter((d) => /^(SEARCH|SCAN) fr\b/.test(d))).toEqual(['SEARCH fr USING INDEX form_responses_site_recorded (origin_site=? AND recorded_at>? AND recorded_at<?)']);
  });

  it('finds the period’s TOPs by template and time, and each person’s start and review by person', () => {
    const reads = plans().top!.filter((d) => /^(SEARCH|SCAN) fr\b/.test(d));
    expect(reads[0]).toMatch(/^SEARCH fr USING (COVERING )?INDEX form_responses_template_recorded \(template_id=\? AND recorded_at>\? AND recorded_at<\?\)/);
    for (const read of reads.slice(1)) expect(read).toMatch(/^SEARCH fr USING INDEX form_responses_person_template \(person_id=\? AND template_id=\?/);
  });
});
