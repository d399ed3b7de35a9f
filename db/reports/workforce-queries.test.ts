// The workforce queries read covering indexes only (a large site's task and caseload history is
// never read page by page), whatever filters are set.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../open';
import { workforceSteps, type WorkforceParams } from './workforce-queries';

let dir: string;
const base: WorkforceParams = {
  site: 'DEMO01',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  now: '2026-12-01T09:00:00.000Z',
  in7: '2026-12-09T00:00:00.000Z',
  in28: '2026-12-30T00:00:00.000Z',
  worker: null,
  team: null,
  reviewKinds: '["sms-review","care-plan-review"]',
  escalation: '{"sms-review":2}',
  defaultEscalation: 1,
  caseloadTeam: 'sms',
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-workforce-sql-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('workforce queries', () => {
  it.each([
    ['every worker and team', {}],
    ['one worker', { worker: '00000000-0000-4000-8000-000000000001' }],
    ['one team', { team: 'healthcare' }],
  ])('read caseloads and tasks from covering indexes only (%s)', (_name, filters) => {
    const store = openStore({ file: join(dir, 'site.db'), key: randomBytes(32), create: true });
    try {
      for (const step of workforceSteps({ ...base, ...filters })) {
        const plan = (store.raw.prepare(`EXPLAIN QUERY PLAN ${step.sql}`).all(step.params) as { detail: string }[]).map((r) => r.detail);
        const tableReads = plan.filter((d) => /^(SEARCH|SCAN) (a|t)\b/.test(d));
        expect(tableReads.length, step.id).toBeGreaterThan(0);
        for (const read of tableReads) expect(read, `${step.id}: ${read}`).toMatch(/USING COVERING INDEX (caseload_assignments_site_worker|tasks_site_work) /);
        if (step.id === 'caseload') {
          // Each worker's people are grouped as the index is read, not sorted first.
          const read = plan.findIndex((d) => d.startsWith('SEARCH a '));
          expect(plan[read + 1], plan.join('\n')).not.toMatch(/TEMP B-TREE FOR GROUP BY/);
        }
      }
    } finally {
      store.close();
    }
  });
});
