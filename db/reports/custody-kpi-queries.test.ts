// The KPI queries read indexes only (hot queries over a large site must not decrypt every stay and
// response page), the migration's index expressions are exactly those the queries use, and a store
// made before the report indexes gets them on opening, with its existing rows indexed.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, openStore } from '../open';
import { FIRST_ASSESSMENT_BANDS, OBSERVATION_LEVELS, ROUSING_AT_LEAST_30, ROUSING_CRITERIA, ROUSING_FREQUENCIES, SECOND_STAGE_DAYS } from '../../domain/reports/kpi/custody-kpi-definitions';
import { FIRST_ASSESSMENT_SQL, OBSERVATION_SQL, SECOND_STAGE_SQL, custodyKpiSteps, levelKey, rousingKey, type CustodyKpiParams } from './custody-kpi-queries';
import { CUSTODY_KPI_ANSWERS, OBSERVED_AT_SQL, answerSql } from './kpi-index';

/** The report migrations by name (their numbers change as other migrations land before them). */
const REPORT_MIGRATIONS = ['report_indexes', 'report_expression_indexes'];
const isReportMigration = (tagOrFile: string) => REPORT_MIGRATIONS.some((m) => tagOrFile.replace(/\.sql$/, '').replace(/^\d+_/, '') === m);

let dir: string;
const key = randomBytes(32);
const params: CustodyKpiParams = {
  site: 'DEMO01',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  fromLoose: '2026-10-31T00:00:00.000Z',
  toLoose: '2026-12-02T00:00:00.000Z',
  now: '2026-12-02T09:00:00.000Z',
  custodyFirst: 'custody-hcp-assessment',
  prisonFirst: 'prison-reception-screen',
  secondStage: 'prison-second-stage-assessment',
  secondStageTask: 'second-stage-assessment',
  hospital: '%hospital%',
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-kpi-sql-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('custody KPI queries', () => {
  it('count what the shared KPI definitions say (the central reads the same definitions)', () => {
    for (const b of FIRST_ASSESSMENT_BANDS) {
      expect(FIRST_ASSESSMENT_SQL, b.id).toContain(`sum(minutes >= ${b.from}${b.to === null ? '' : ` AND minutes < ${b.to}`}), 0) AS ${b.id}`);
    }
    expect(SECOND_STAGE_SQL).toContain(`length_days > ${SECOND_STAGE_DAYS} AS longer`);
    expect(SECOND_STAGE_SQL).toContain(`done_after <= ${SECOND_STAGE_DAYS}), 0) AS within_7`);
    for (const l of OBSERVATION_LEVELS) expect(OBSERVATION_SQL).toContain(`sum(level = '${l.value}'), 0) AS ${levelKey(l.value)}`);
    for (const f of ROUSING_FREQUENCIES) expect(OBSERVATION_SQL).toContain(`sum(rousing = '${f.value}'), 0) AS ${rousingKey(f.value)}`);
    for (const id of ROUSING_CRITERIA.yes) expect(OBSERVATION_SQL).toContain(`coalesce(${answerSql(id).replace('json_extract(body,', 'json_extract(fr.body,')}, 0) = 1`);
    expect(OBSERVATION_SQL).toContain(`rousing IN (${ROUSING_AT_LEAST_30.map((v) => `'${v}'`).join(', ')})`);
  });

  it('read the stays, forms, tasks and referrals they need from covering indexes only', () => {
    const store = openStore({ file: join(dir, 'site.db'), key, create: true });
    try {
      for (const step of custodyKpiSteps(params)) {
        const plan = (store.raw.prepare(`EXPLAIN QUERY PLAN ${step.sql}`).all(step.params) as { detail: string }[]).map((r) => r.detail);
        const tableReads = plan.filter((d) => /^(SEARCH|SCAN) (s|fr|t|r)\b/.test(d));
        expect(tableReads.length, step.id).toBeGreaterThan(0);
        for (const read of tableReads) expect(read, `${step.id}: ${read}`).toMatch(/USING COVERING INDEX (stays_site_arrived|form_responses_stay_observed|form_responses_custody_kpi|tasks_stay_kind|referrals_person_site) /);
      }
    } finally {
      store.close();
    }
  });

  it('index exactly the expressions the queries use', () => {
    const file = readdirSync(defaultMigrationsFolder()).find((f) => f.endsWith('_report_expression_indexes.sql'));
    expect(file).toBeDefined();
    const migration = readFileSync(join(defaultMigrationsFolder(), file!), 'utf8');
    expect(migration).toContain(OBSERVED_AT_SQL);
    for (const a of CUSTODY_KPI_ANSWERS) expect(migration).toContain(answerSql(a));
  });

  it('are added to a store made before them, with its rows indexed', () => {
    // A migrations folder that stops before the report indexes: the store as an older SONAR made it.
    const older = join(dir, 'older-migrations');
    cpSync(defaultMigrationsFolder(), older, { recursive: true });
    const journalFile = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const kept = journal.entries.filter((e) => !isReportMigration(e.tag));
    expect(journal.entries.length - kept.length).toBe(REPORT_MIGRATIONS.length);
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: kept }));
    for (const f of readdirSync(older)) if (isReportMigration(f)) rmSync(join(older, f));

    const file = join(dir, 'site.db');
    const before = openStore({ file, key, create: true, migrationsFolder: older });
    before.raw.exec(`INSERT INTO persons (id, family_name, given_names, birth_date, sex, origin_site, created_at, created_by, updated_at)
      VALUES ('p1', 'Old', 'Store', '1980-01-01', 'male', 'DEMO01', '2026-11-01T00:00:00Z', 'u', '2026-11-01T00:00:00Z')`);
    before.raw.exec(`INSERT INTO stays (id, person_id, site_code, kind, arrived_at, created_by) VALUES ('s1', 'p1', 'DEMO01', 'custody', '2026-11-03T10:00:00.000Z', 'u')`);
    before.raw.exec(`INSERT INTO form_responses (id, chain_id, person_id, stay_id, template_id, template_version, body, status, version, current, recorded_at, recorded_by, recorded_by_name, origin_site)
      VALUES ('f1', 'f1', 'p1', 's1', 'custody-hcp-assessment', 2, '{"answers":{"observation-level":"3","rousing":"30","intoxicated":true}}', 'final', 1, 1, '2026-11-03T10:20:00.000Z', 'u', 'U', 'DEMO01')`);
    expect(before.raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'form_responses_custody_kpi'").pluck().get()).toBe(0);
    before.close();

    const after = openStore({ file, key, create: false });
    try {
      const steps = custodyKpiSteps(params);
      const run = (id: string) => {
        const step = steps.find((s) => s.id === id)!;
        return after.raw.prepare(step.sql).get(step.params) as Record<string, number>;
      };
      expect(run('firstAssessment')).toMatchObject({ stays: 1, assessed: 1, under_30: 1 });
      expect(run('observation')).toMatchObject({ assessments: 1, level_3: 1, rousing_30: 1, criterion_met: 1, criterion_met_rousing_30: 1 });
    } finally {
      after.close();
    }
  });
});
