// The cross-site KPIs, figure by figure against counts made by hand: the fixture (two custody
// suites and a prison, March 2025; test/integration/central-support/kpi-fixture.ts) is pushed by
// each site over mutual TLS through the real push path, then the KPIs are run for 1-31 March with
// the report's clock at 12:00 UTC on 3 April. On PGlite always, and on a PostgreSQL server when
// DATABASE_URL names one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralBackends } from '../../test/integration/central-support/backends';
import { startTestCentral, type TestCentral } from '../../test/integration/central-support/harness';
import { pushKpiFixture } from '../../test/integration/central-support/kpi-fixture';
import { REGION, runKpis, type Figures, type KpiRun } from './kpi-run';

const NOW = new Date('2025-04-03T12:00:00.000Z');

const at = (figures: Figures | undefined, column: string) => figures?.get(column) ?? {};

function referral(run: KpiRun, service: string, column: string) {
  const v = at(run.referrals.get(service), column);
  return { open: v.open ?? 0, accepted: v.accepted ?? 0, declined: v.declined ?? 0, closed: v.closed ?? 0, referrals: v.referrals ?? 0, people: v.people ?? 0 };
}

describe.each(centralBackends())('custody and reception KPIs across sites ($name)', (backend) => {
  let t: TestCentral;
  let run: KpiRun;

  beforeAll(async () => {
    t = await startTestCentral(backend);
    const creds = {
      CUSTA: await t.register('CUSTA', 'custody_healthcare'),
      CUSTB: await t.register('CUSTB', 'custody_healthcare'),
      PRISA: await t.register('PRISA', 'prison_healthcare'),
    };
    await pushKpiFixture((site) => t.client(creds[site as keyof typeof creds]));
    run = await runKpis(t.central.store, '2025-03-01', '2025-03-31', NOW);
  }, 180_000);
  afterAll(async () => t?.close());

  it('covers 1 to 31 March as UK days: from midnight GMT to midnight BST', () => {
    expect(run.bounds.startsAt).toBe('2025-03-01T00:00:00.000Z');
    expect(run.bounds.endsBefore).toBe('2025-03-31T23:00:00.000Z');
    expect(run.sites.map((s) => s.code)).toEqual(['CUSTA', 'CUSTB', 'PRISA']);
  });

  it('counts the time from arrival to the first health assessment', () => {
    const common = { before_arrival: 0, from_30_to_60: 0, from_2_to_4h: 0, from_4_to_8h: 0, over_8h: 0 };
    expect(at(run.firstAssessment, 'CUSTA')).toEqual({
      stays: 12, assessed: 11, before_arrival: 1, under_30: 2, from_30_to_60: 4, from_1_to_2h: 1, from_2_to_4h: 1, from_4_to_8h: 1, over_8h: 1,
      timed: 10, median_minutes: 45, p90_minutes: 300,
    });
    expect(at(run.firstAssessment, 'CUSTB')).toEqual({ ...common, stays: 6, assessed: 6, under_30: 4, from_1_to_2h: 1, from_2_to_4h: 1, timed: 6, median_minutes: 20, p90_minutes: 130 });
    expect(at(run.firstAssessment, 'PRISA')).toEqual({
      ...common, stays: 9, assessed: 8, under_30: 2, from_30_to_60: 2, from_1_to_2h: 2, from_4_to_8h: 1, over_8h: 1, timed: 8, median_minutes: 45, p90_minutes: 500,
    });
    expect(at(run.firstAssessment, REGION)).toEqual({
      stays: 27, assessed: 25, before_arrival: 1, under_30: 8, from_30_to_60: 6, from_1_to_2h: 4, from_2_to_4h: 2, from_4_to_8h: 2, over_8h: 2,
      timed: 24, median_minutes: 45, p90_minutes: 300,
    });
  });

  it('counts second-stage assessments within 7 days over prison stays longer than 7 days', () => {
    const prison = { prison_stays: 9, longer_than_7: 7, within_7: 4, late: 1, not_done: 2, left_within_7: 1, under_7_so_far: 1 };
    expect(at(run.secondStage, 'PRISA')).toEqual(prison);
    expect(at(run.secondStage, REGION)).toEqual(prison);
    expect(run.secondStage.has('CUSTA')).toBe(false);
  });

  it('counts referrals to mental health and substance misuse services made during the stays, by where they stand', () => {
    expect(referral(run, 'mental_health_inreach', 'CUSTA')).toEqual({ open: 1, accepted: 0, declined: 0, closed: 1, referrals: 2, people: 2 });
    expect(referral(run, 'substance_misuse', 'CUSTA')).toEqual({ open: 1, accepted: 1, declined: 1, closed: 0, referrals: 3, people: 3 });
    expect(referral(run, 'mental_health_inreach', 'CUSTB')).toEqual({ open: 0, accepted: 0, declined: 0, closed: 0, referrals: 0, people: 0 });
    expect(referral(run, 'substance_misuse', 'CUSTB')).toEqual({ open: 1, accepted: 1, declined: 0, closed: 0, referrals: 2, people: 2 });
    expect(referral(run, 'mental_health_inreach', 'PRISA')).toEqual({ open: 1, accepted: 1, declined: 1, closed: 0, referrals: 3, people: 2 });
    expect(referral(run, 'substance_misuse', 'PRISA')).toEqual({ open: 1, accepted: 1, declined: 0, closed: 1, referrals: 3, people: 3 });
    expect(referral(run, 'mental_health_inreach', REGION)).toEqual({ open: 2, accepted: 1, declined: 1, closed: 1, referrals: 5, people: 4 });
    expect(referral(run, 'substance_misuse', REGION)).toEqual({ open: 3, accepted: 3, declined: 1, closed: 1, referrals: 8, people: 8 });
  });

  it('counts transfers to hospital and detainees assessed not fit to detain', () => {
    const custody = run.hospital.get('custody');
    const prison = run.hospital.get('prison');
    expect(at(custody, 'CUSTA')).toEqual({ stays: 12, to_hospital: 2, not_fit: 3, not_fit_to_hospital: 2 });
    expect(at(custody, 'CUSTB')).toEqual({ stays: 6, to_hospital: 1, not_fit: 1, not_fit_to_hospital: 1 });
    expect(at(custody, REGION)).toEqual({ stays: 18, to_hospital: 3, not_fit: 4, not_fit_to_hospital: 3 });
    expect(at(prison, 'PRISA')).toEqual({ stays: 9, to_hospital: 1, not_fit: 0, not_fit_to_hospital: 0 });
    expect(at(prison, REGION)).toEqual({ stays: 9, to_hospital: 1, not_fit: 0, not_fit_to_hospital: 0 });
  });

  it('counts observation levels, rousing set, PACE rousing criteria, Annex H checks and detainees who could not be roused', () => {
    expect(at(run.observation, 'CUSTA')).toEqual({
      detentions: 12, assessments: 12, detentions_assessed: 11, level_1: 6, level_2: 4, level_3: 1, level_4: 1,
      rousing_not_required: 4, rousing_60: 2, rousing_30: 4, rousing_15: 2, criterion_met: 8, criterion_met_rousing_30: 6,
      rousing_checks_recorded: 3, could_not_be_roused: 1,
    });
    expect(at(run.observation, 'CUSTB')).toEqual({
      detentions: 6, assessments: 6, detentions_assessed: 6, level_1: 5, level_2: 1, level_3: 0, level_4: 0,
      rousing_not_required: 4, rousing_60: 1, rousing_30: 1, rousing_15: 0, criterion_met: 1, criterion_met_rousing_30: 1,
      rousing_checks_recorded: 0, could_not_be_roused: 0,
    });
    expect(at(run.observation, REGION)).toEqual({
      detentions: 18, assessments: 18, detentions_assessed: 17, level_1: 11, level_2: 5, level_3: 1, level_4: 1,
      rousing_not_required: 8, rousing_60: 3, rousing_30: 5, rousing_15: 2, criterion_met: 9, criterion_met_rousing_30: 7,
      rousing_checks_recorded: 3, could_not_be_roused: 1,
    });
  });

  it('moves with the period: a day that excludes every stay gives zeros, not missing figures', async () => {
    const empty = await runKpis(t.central.store, '2025-01-10', '2025-01-10', NOW);
    expect(at(empty.firstAssessment, REGION)).toMatchObject({ stays: 0, assessed: 0, median_minutes: null });
    expect(at(empty.observation, REGION)).toMatchObject({ detentions: 0, assessments: 0, could_not_be_roused: 0 });
    const firstDay = await runKpis(t.central.store, '2025-03-01', '2025-03-01', NOW);
    // A1 (10:00 UTC), P1 (09:00 UTC) and B1 (00:10 GMT) began on 1 March; A13 (23:30 on 28 February) did not.
    expect(at(firstDay.firstAssessment, REGION)).toMatchObject({ stays: 3 });
  });
});
