// The patient outcomes report against a hand-counted fixture built through the channels at a prison
// in November 2026 (run on 1 December). Referrals made in November: Ames (reception, accepted),
// Bell (reception, declined), Cole (self, waiting), Dunn (healthcare, referred on to the community
// drug and alcohol team, coded), Eden (healthcare, referred on to the specialist alcohol service,
// coded), Ford (self, referred on to housing support, not coded). October, not counted: Gale
// (reception, referred on, coded, decided in October) and Gale's release referral made in October.
// November release referral: Ames (community drug and alcohol team, coded). TOPs: Ames start and
// two reviews (the latest counts), Bell start and a review with crack not disclosed, Cole a review
// with no start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function runReport(): Promise<ReportResult> {
  const { runId } = await site.ok('reports.start', { reportId: 'outcomes', from: '2026-11-01', to: '2026-11-30', workerId: null, team: null }, token('maya'));
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

beforeAll(async () => {
  site = await startTempSite({ siteType: 'prison', now: () => new Date(clock) });
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
  await at('2026-11-03T09:00:00Z');
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
    expect(figures(r, 'referrals')).toEqual({ referrals: 6, open: 1, accepted: 1, declined: 1, referred_on: 3, closed: 0 });
    expect(section(r, 'referrals').table.rows).toEqual([
      { source: 'Healthcare team', open: 0, accepted: 0, declined: 0, referred_on: 2, closed: 0, total: 2 },
      { source: 'Reception screen', open: 0, accepted: 1, declined: 1, referred_on: 0, closed: 0, total: 2 },
      { source: 'Self-referral', open: 1, accepted: 0, declined: 0, referred_on: 1, closed: 0, total: 2 },
    ]);
  });

  it('counts the coded events of the period by SNOMED CT code', async () => {
    const r = await runReport();
    expect(figures(r, 'coded-events')).toEqual({ coded: 3, 'referral-outcome': 2, 'release-referral': 1 });
    expect(section(r, 'coded-events').table.rows).toEqual([
      { event: 'Community referral on release', code: '417096006', display: 'Referral to community drug and alcohol team', events: 1 },
      { event: 'Referral outcome: referred on', code: '417096006', display: 'Referral to community drug and alcohol team', events: 1 },
      { event: 'Referral outcome: referred on', code: '431260004', display: 'Referral to specialist alcohol treatment service', events: 1 },
    ]);
  });

  it('averages TOP change between start and the latest review over people with both', async () => {
    const r = await runReport();
    expect(figures(r, 'top-change')).toEqual({ reviewed: 3, paired: 2 });
    const rows = Object.fromEntries(section(r, 'top-change').table.rows.map((row) => [row.measure, row]));
    expect(rows['Opiates (illicit): days used']).toMatchObject({ people: 2, start: '23.0', review: '12.5', change: '-10.5' });
    expect(rows['Crack: days used']).toMatchObject({ people: 1, start: '2.0', review: '0.0', change: '-2.0' });
    expect(rows['Alcohol: days used']).toMatchObject({ people: 2, change: '0.0' });
    expect(rows['Psychological health']).toMatchObject({ people: 2, start: '6.0', review: '10.0', change: '4.0' });
    expect(rows['Physical health']).toMatchObject({ people: 2, change: '1.0' });
    expect(rows['Quality of life']).toMatchObject({ people: 2, change: '2.0' });
  });
});
