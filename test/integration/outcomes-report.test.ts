// The patient outcomes report against a hand-counted fixture built through the channels at a prison
// in November 2026 (run on 1 December). Referrals made in November: Ames (reception, accepted),
// Bell (reception, declined), Cole (self, waiting), Dunn (healthcare, referred on to the community
// drug and alcohol team, coded), Eden (healthcare, referred on to the specialist alcohol service,
// coded), Ford (self, referred on to housing support, not coded). October, not counted: Gale
// (reception, referred on, coded, decided in October) and Gale's release referral made in October.
// November release referral: Ames (community drug and alcohol team, coded). TOPs: Ames start and
// two reviews (the latest counts), Bell start and a review with crack not disclosed, Cole a review
// with no start.
//
// CTV3: the site loads its own CTV3 map (version 2: XaT01 -> 417096006, XaT02 -> 431260004; the
// codes are made up for the test). Records carried over from a CTV3 system are planted in the store
// as an import would leave them (the channels record SNOMED CT only): Hans (healthcare, referred on
// in November, CTV3 XaT01: mapped), Ivy (healthcare, referred on in November, CTV3 XaZZZ: in no
// map, listed as not mapped) and Jude's November release referral (CTV3 XaT02: mapped). Ames had
// a brief intervention for alcohol on 3 November, which records its SNOMED CT code. Sam is the
// keyworker for Ames only: narrowed to Sam, the report is about Ames.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CTV3_SYSTEM, SNOMED_SYSTEM } from '../../domain/reports/coded-events/code-map';
import { templateRegistry } from '../../domain/templates/library';
import { completeAnswers } from '../support/complete-answers';
import type { ReportResult, ReportSection } from '../../contract/channels/reports';
import { NOT_DISCLOSED } from '../../domain/templates/answers';
import { STAFF_PASSWORD, staffSession } from '../support/staff';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';
import { workedTop } from '../support/top-answers';

let site: TempSite;
let clock = Date.parse('2026-10-20T09:00:00Z');
const tokens: Record<string, string> = {};
const STAFF = { nina: ['prison_nurse'], sam: ['sms_clinical'], maya: ['team_manager'] } as const;
const token = (who: keyof typeof STAFF | 'ada') => tokens[who]!;

async function at(iso: string): Promise<void> {
  clock = Date.parse(iso);
  tokens.ada = (await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).token;
  for (const name of Object.keys(STAFF)) tokens[name] = (await site.ok('auth.signIn', { username: name, password: STAFF_PASSWORD })).token;
}

async function admit(familyName: string): Promise<string> {
  const { personId } = await site.ok('patients.register', { familyName, givenNames: 'Outcome', title: null, birthDate: '1980-06-06', sex: 'female', nhsNumber: null }, token('ada'));
  await site.ok('stays.start', { personId, arrivedAt: new Date(clock - 3_600_000).toISOString(), arrivalReason: 'Remanded' }, token('ada'));
  return personId;
}
const refer = async (personId: string, source: 'reception' | 'self' | 'healthcare') =>
  (await site.ok('referrals.make', { personId, toService: 'substance_misuse', source, urgency: 'routine', reason: 'Fixture', substances: ['opioids'] }, token('nina'))).referralId;
const decide = (referralId: string, outcome: 'accepted' | 'declined' | 'referred_on', decidedOn: string, referredOnTo: string | null = null) =>
  site.ok('referrals.decide', { referralId, outcome, decidedOn, decidedBy: 'Sam SMS', note: 'Fixture decision', referredOnTo }, token('sam'));
const releasePlan = (personId: string, referredOn: string) =>
  site.ok(
    'sms.recordReleasePlan',
    {
      personId,
      baseVersion: null,
      releaseOn: '2026-12-20',
      destination: 'Home address',
      ost: null,
      naloxone: 'issued',
      naloxoneNote: '',
      communityReferral: { service: 'community-drug-alcohol-team', provider: 'Forward Leeds', referredOn, firstAppointmentAt: null },
      notes: '',
    },
    token('sam'),
  );
/** A TOP from workedTop with overrides; an override of undefined clears the answer. */
const top = (personId: string, overrides: Record<string, unknown>) => {
  const answers = Object.fromEntries(Object.entries({ ...workedTop(), ...overrides }).filter(([, v]) => v !== undefined));
  return site.ok('forms.save', { personId, templateId: 'top-secure', templateVersion: 1, answers: answers as never }, token('sam'));
};

async function runReport(filter: { workerId?: string; team?: 'healthcare' | 'sms' } = {}): Promise<ReportResult> {
  const { runId } = await site.ok('reports.start', { reportId: 'outcomes', from: '2026-11-01', to: '2026-11-30', workerId: filter.workerId ?? null, team: filter.team ?? null }, token('maya'));
  for (let seen = 0, i = 0; i < 100; i++) {
    const p = await site.ok('reports.progress', { runId, seen }, token('maya'));
    if (p.state === 'done') return p.result;
    if (p.state === 'failed') throw new Error(p.message);
    seen = p.done;
  }
  throw new Error('report did not finish');
}
const section = (r: ReportResult, id: string): ReportSection => r.sections.find((s) => s.id === id)!;
const figures = (r: ReportResult, id: string) => Object.fromEntries(section(r, id).figures.map((f) => [f.id, f.value]));

const CTV3_MAP = {
  kind: 'code-map',
  id: 'test-prison-ctv3',
  version: 2,
  from: CTV3_SYSTEM,
  to: SNOMED_SYSTEM,
  source: 'made up for the outcomes fixture',
  entries: [
    { code: 'XaT01', target: '417096006', display: 'Referral to community drug and alcohol team' },
    { code: 'XaT02', target: '431260004', display: 'Referral to specialist alcohol treatment service' },
  ],
};
let samId = '';

beforeAll(async () => {
  const mapFile = join(mkdtempSync(join(tmpdir(), 'sonar-ctv3-')), 'ctv3-map.json');
  writeFileSync(mapFile, JSON.stringify(CTV3_MAP));
  site = await startTempSite({ siteType: 'prison', now: () => new Date(clock), settings: { codeLists: [mapFile] } });
  tokens.ada = await signedInAdmin(site);
  for (const [name, roles] of Object.entries(STAFF)) tokens[name] = await staffSession(site, tokens.ada, name, [...roles]);

  // October (not counted): Gale referred and referred on (coded); a release referral made in October.
  const gale = await admit('Gale');
  await decide(await refer(gale, 'reception'), 'referred_on', '2026-10-20', 'community-drug-alcohol-team');
  await at('2026-10-30T09:00:00Z');
  await releasePlan(gale, '2026-10-30');

  await at('2026-11-02T09:00:00Z');
  const ames = await admit('Ames');
  const bell = await admit('Bell');
  const cole = await admit('Cole');
  const dunn = await admit('Dunn');
  const eden = await admit('Eden');
  const ford = await admit('Ford');
  const amesReferral = await refer(ames, 'reception');
  const bellReferral = await refer(bell, 'reception');
  await refer(cole, 'self');
  const dunnReferral = await refer(dunn, 'healthcare');
  const edenReferral = await refer(eden, 'healthcare');
  const fordReferral = await refer(ford, 'self');
  const hans = await admit('Hans');
  const ivy = await admit('Ivy');
  const jude = await admit('Jude');
  const hansReferral = await refer(hans, 'healthcare');
  const ivyReferral = await refer(ivy, 'healthcare');
  await at('2026-11-03T09:00:00Z');
  await decide(hansReferral, 'referred_on', '2026-11-03', 'community-drug-alcohol-team');
  await decide(ivyReferral, 'referred_on', '2026-11-03', 'specialist-alcohol-service');
  const planted = site.app.store.raw.prepare('UPDATE referrals SET referred_on_code = ?, referred_on_display = ? WHERE id = ?');
  planted.run('XaT01', 'Referral to CDAT (CTV3)', hansReferral);
  planted.run('XaZZZ', 'Alcohol service referral (old code)', ivyReferral);
  const bi = templateRegistry.latest('brief-intervention')!;
  const biAnswers = completeAnswers(bi, 3, '2026-11-03T09:00:00.000Z', { focus: ['alcohol'], delivered: true, outcome: 'follow-up' });
  await site.ok('forms.save', { personId: ames, templateId: bi.id, templateVersion: bi.version, answers: biAnswers }, token('sam'));
  samId = (await site.ok('reports.list', {}, token('maya'))).workers.find((w) => w.fullName === 'Test sam')!.id;
  await site.ok('caseload.assign', { personId: ames, kind: 'clinical', workerId: samId, reason: '', referralId: amesReferral }, token('maya'));
  await decide(amesReferral, 'accepted', '2026-11-03');
  await decide(bellReferral, 'declined', '2026-11-03');
  await decide(dunnReferral, 'referred_on', '2026-11-03', 'community-drug-alcohol-team');
  await decide(edenReferral, 'referred_on', '2026-11-03', 'specialist-alcohol-service');
  await decide(fordReferral, 'referred_on', '2026-11-03', 'housing-support');
  // Start TOPs (workedTop: opioids 23 days, crack 2, alcohol 0; ratings 6, 9, 5).
  await top(ames, {});
  await top(bell, {});
  // Ames: a review on the 15th (superseded by the latest), and on the 25th: opioids 2 days, crack 0, ratings 12, 11, 9.
  await at('2026-11-15T09:00:00Z');
  await top(ames, { stage: 'review', 'psychological-health': 8 });
  await at('2026-11-18T09:00:00Z');
  await releasePlan(ames, '2026-11-18');
  await releasePlan(jude, '2026-11-18');
  site.app.store.raw
    .prepare("UPDATE release_plans SET community_referral = json_set(community_referral, '$.code', json(?)) WHERE person_id = ?")
    .run(JSON.stringify({ system: CTV3_SYSTEM, code: 'XaT02', display: 'Alcohol service referral (CTV3)' }), jude);
  await at('2026-11-25T09:00:00Z');
  await top(ames, { stage: 'review', 'opioids-week-1': 1, 'opioids-week-2': 1, 'opioids-week-3': 0, 'opioids-week-4': 0, 'crack-week-4': 0, 'crack-amount': undefined, 'injecting-days': 2, 'psychological-health': 12, 'physical-health': 11, 'quality-of-life': 9 });
  // Bell: review on the 26th: opioids unchanged (23), crack not disclosed, psychological health 8.
  await at('2026-11-26T09:00:00Z');
  await top(bell, { stage: 'review', 'crack-week-4': NOT_DISCLOSED, 'crack-amount': undefined, 'psychological-health': 8 });
  // Cole: a review with no start TOP.
  await top(cole, { stage: 'review' });
  await at('2026-12-01T09:00:00Z');
}, 120_000);
afterAll(() => site.cleanup());

describe('patient outcomes report', () => {
  it('counts November’s referrals by source and outcome', async () => {
    const r = await runReport();
    expect(figures(r, 'referrals')).toEqual({ referrals: 8, open: 1, accepted: 1, declined: 1, referred_on: 5, closed: 0 });
    expect(section(r, 'referrals').table.rows).toEqual([
      { source: 'Healthcare team', open: 0, accepted: 0, declined: 0, referred_on: 4, closed: 0, total: 4 },
      { source: 'Reception screen', open: 0, accepted: 1, declined: 1, referred_on: 0, closed: 0, total: 2 },
      { source: 'Self-referral', open: 1, accepted: 0, declined: 0, referred_on: 1, closed: 0, total: 2 },
    ]);
  });

  it('counts the coded events of the period under SNOMED CT, CTV3 codes through the site’s map', async () => {
    const r = await runReport();
    expect(figures(r, 'coded-events')).toEqual({ coded: 6, 'referral-outcome': 3, 'release-referral': 2, form: 1, mapped: 2, unmapped: 1 });
    expect(section(r, 'coded-events').table.rows).toEqual([
      { event: 'Community referral on release', code: '417096006', display: 'Referral to community drug and alcohol team', events: 1, mapped: 0 },
      { event: 'Community referral on release', code: '431260004', display: 'Referral to specialist alcohol treatment service', events: 1, mapped: 1 },
      { event: 'Recorded in a form: Brief intervention (alcohol or drugs)', code: '366371000000105', display: 'Brief intervention for excessive alcohol consumption completed', events: 1, mapped: 0 },
      { event: 'Referral outcome: referred on', code: '417096006', display: 'Referral to community drug and alcohol team', events: 2, mapped: 1 },
      { event: 'Referral outcome: referred on', code: '431260004', display: 'Referral to specialist alcohol treatment service', events: 1, mapped: 0 },
    ]);
    expect(section(r, 'coded-events').description).toContain('test-prison-ctv3 version 2');
  });

  it('lists the code no map knows as not mapped, with its count, instead of dropping it', async () => {
    const r = await runReport();
    expect(figures(r, 'unmapped-codes')).toEqual({ codes: 1, events: 1 });
    expect(section(r, 'unmapped-codes').table.rows).toEqual([
      { event: 'Referral outcome: referred on', system: 'CTV3', code: 'XaZZZ', display: 'Alcohol service referral (old code)', events: 1, why: 'not in test-prison-ctv3 version 2' },
    ]);
    expect(section(r, 'coded-events').notes).toEqual(['1 event(s) carry a code not mapped to SNOMED CT: they are listed under "Codes not mapped to SNOMED CT".']);
  });

  it('averages TOP change between start and the latest review over people with both, as a table and a chart', async () => {
    const r = await runReport();
    expect(figures(r, 'top-change')).toEqual({ reviewed: 3, paired: 2 });
    const rows = Object.fromEntries(section(r, 'top-change').table.rows.map((row) => [row.measure, row]));
    expect(rows['Opiates (illicit): days used']).toMatchObject({ people: 2, start: 23, review: 12.5, change: -10.5 });
    expect(rows['Crack: days used']).toMatchObject({ people: 1, start: 2, review: 0, change: -2 });
    expect(rows['Alcohol: days used']).toMatchObject({ people: 2, change: 0 });
    expect(rows['Psychological health']).toMatchObject({ people: 2, start: 6, review: 10, change: 4 });
    expect(rows['Injecting: days injected']).toMatchObject({ people: 2, start: 20, review: 11, change: -9 });
    expect(rows['Physical health']).toMatchObject({ people: 2, change: 1 });
    expect(rows['Quality of life']).toMatchObject({ people: 2, change: 2 });
    // The chart: start and review side by side for every measure with both values (9: 7 substances with tobacco, less none; 3 ratings).
    const chart = section(r, 'top-change').chart!;
    expect(chart.series.map((s) => s.key)).toEqual(['start', 'review']);
    const bars = Object.fromEntries(chart.data.map((d) => [d.measure, [d.start, d.review]]));
    expect(bars['Opiates (illicit): days used']).toEqual([23, 12.5]);
    expect(bars['Crack: days used']).toEqual([2, 0]);
    expect(bars['Injecting: days injected']).toEqual([20, 11]);
    expect(bars['Psychological health']).toEqual([6, 10]);
    expect(bars['Physical health']).toEqual([9, 10]);
    expect(bars['Quality of life']).toEqual([5, 7]);
    expect(chart.data).toHaveLength(section(r, 'top-change').table.rows.filter((row) => row.people !== 0).length);
    // The exports carry the same numbers; the PDF draws the two-series chart with its decimal values.
    const csv = await site.ok('reports.export', { runId: r.runId, format: 'csv' }, token('maya'));
    expect(csv.content).toContain('Opiates (illicit): days used,2,23,12.5,-10.5');
    expect(csv.content).toContain('Referral outcome: referred on,CTV3,XaZZZ,Alcohol service referral (old code),1,not in test-prison-ctv3 version 2');
    const pdf = await site.ok('reports.export', { runId: r.runId, format: 'pdf' }, token('maya'));
    expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('narrowed to a worker, counts only the people on their caseload; narrowed to another team, nobody', async () => {
    const sam = await runReport({ workerId: samId });
    expect(sam.workerName).toBe('Test sam');
    expect(figures(sam, 'referrals')).toMatchObject({ referrals: 1, accepted: 1 });
    expect(figures(sam, 'coded-events')).toMatchObject({ coded: 2, 'release-referral': 1, form: 1, unmapped: 0 });
    expect(figures(sam, 'top-change')).toEqual({ reviewed: 1, paired: 1 });
    const opiates = section(sam, 'top-change').table.rows.find((row) => row.measure === 'Opiates (illicit): days used');
    expect(opiates).toMatchObject({ people: 1, start: 23, review: 2, change: -21 });
    expect(section(sam, 'top-change').table.rows.find((row) => row.measure === 'Injecting: days injected')).toMatchObject({ people: 1, start: 20, review: 2, change: -18 });
    const healthcare = await runReport({ team: 'healthcare' });
    expect(figures(healthcare, 'referrals').referrals).toBe(0);
    expect(figures(healthcare, 'coded-events').coded).toBe(0);
    expect(figures(healthcare, 'top-change')).toEqual({ reviewed: 0, paired: 0 });
    expect(section(healthcare, 'top-change').chart).toBeNull();
    const sms = await runReport({ team: 'sms' });
    expect(figures(sms, 'referrals').referrals).toBe(8);
  });
});
