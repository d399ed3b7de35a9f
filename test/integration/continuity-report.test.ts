// The continuity-of-care report against a hand-counted fixture built through the channels at a
// prison, for November 2026, run on 10 December. Release plans (release date, community referral,
// the 3-week follow-up's outcome):
//   Ames  5 Nov, referred, closed "engaged"              -> engaged
//   Bell 10 Nov, referred, closed "not-engaged"          -> did not engage
//   Cole 12 Nov, referred, closed "unable-to-confirm"    -> could not be confirmed
//   Dunn 25 Nov, referred, open, due 16 Dec               -> awaited
//   Eden  8 Nov, referred, open, due 29 Nov               -> overdue
//   Ford 14 Nov, no community referral                    -> released, not referred
//   Gale 25 Oct and Hale 3 Dec, referred and engaged      -> outside the period, not counted
// Referred 5; engaged 1 (20.0%).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportResult } from '../../contract/channels/reports';
import { STAFF_PASSWORD, staffSession } from '../support/staff';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

let site: TempSite;
let clock = Date.parse('2026-10-20T09:00:00Z');
const tokens: Record<string, string> = {};
const STAFF = { sam: ['sms_clinical'], maya: ['team_manager'] } as const;
const token = (who: keyof typeof STAFF | 'ada') => tokens[who]!;

async function at(iso: string): Promise<void> {
  clock = Date.parse(iso);
  tokens.ada = (await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).token;
  for (const name of Object.keys(STAFF)) tokens[name] = (await site.ok('auth.signIn', { username: name, password: STAFF_PASSWORD })).token;
}

let born = 1970;
async function admit(familyName: string): Promise<string> {
  // A different year each, so no one is offered as a likely duplicate of another.
  born += 1;
  const { personId } = await site.ok('patients.register', { familyName, givenNames: 'Leaver', title: null, birthDate: `${born}-02-02`, sex: 'male', nhsNumber: null }, token('ada'));
  await site.ok('stays.start', { personId, arrivedAt: new Date(clock - 3_600_000).toISOString(), arrivalReason: 'Sentenced' }, token('ada'));
  return personId;
}

/** Records a release plan; returns its 3-week follow-up task. */
async function releasePlan(personId: string, releaseOn: string, referred: boolean): Promise<string> {
  const plan = await site.ok(
    'sms.recordReleasePlan',
    {
      personId,
      baseVersion: null,
      releaseOn,
      destination: 'Home address',
      ost: null,
      naloxone: 'issued',
      naloxoneNote: '',
      communityReferral: referred ? { service: 'community-drug-alcohol-team', provider: 'Forward Leeds', referredOn: releaseOn, firstAppointmentAt: null } : null,
      notes: '',
    },
    token('sam'),
  );
  return plan.followUp.taskId;
}
const close = (taskId: string, outcome: 'engaged' | 'not-engaged' | 'unable-to-confirm') =>
  site.ok('tasks.close', { taskId, outcome, note: 'Fixture: confirmed with the community team', rebookAt: null }, token('sam'));

async function runReport(): Promise<ReportResult> {
  const { runId } = await site.ok('reports.start', { reportId: 'continuity', from: '2026-11-01', to: '2026-11-30', workerId: null, team: null }, token('maya'));
  for (let seen = 0, i = 0; i < 100; i++) {
    const p = await site.ok('reports.progress', { runId, seen }, token('maya'));
    if (p.state === 'done') return p.result;
    if (p.state === 'failed') throw new Error(p.message);
    seen = p.done;
  }
  throw new Error('report did not finish');
}

let result: ReportResult;

beforeAll(async () => {
  site = await startTempSite({ siteType: 'prison', now: () => new Date(clock) });
  tokens.ada = await signedInAdmin(site);
  for (const [name, roles] of Object.entries(STAFF)) tokens[name] = await staffSession(site, tokens.ada, name, [...roles]);

  const gale = await admit('Gale');
  await close(await releasePlan(gale, '2026-10-25', true), 'engaged');

  await at('2026-11-04T09:00:00Z');
  const names = ['Ames', 'Bell', 'Cole', 'Dunn', 'Eden', 'Ford', 'Hale'] as const;
  const people = {} as Record<(typeof names)[number], string>;
  for (const n of names) people[n] = await admit(n);
  const ames = await releasePlan(people.Ames, '2026-11-05', true);
  const bell = await releasePlan(people.Bell, '2026-11-10', true);
  const cole = await releasePlan(people.Cole, '2026-11-12', true);
  await releasePlan(people.Dunn, '2026-11-25', true);
  await releasePlan(people.Eden, '2026-11-08', true);
  await releasePlan(people.Ford, '2026-11-14', false);
  const hale = await releasePlan(people.Hale, '2026-12-03', true);

  await at('2026-11-20T09:00:00Z');
  await close(ames, 'engaged');
  await at('2026-12-01T09:00:00Z');
  await close(bell, 'not-engaged');
  await close(cole, 'unable-to-confirm');
  await close(hale, 'engaged');

  await at('2026-12-10T09:00:00Z');
  result = await runReport();
}, 120_000);
afterAll(() => site.cleanup());

describe('continuity of care after release', () => {
  it('counts the people released in the period and those referred to community treatment', () => {
    const figures = Object.fromEntries(result.sections[0]!.figures.map((f) => [f.id, f.value]));
    expect(figures).toEqual({ released: 6, referred: 5, engaged: 1, 'engaged-rate': 20, overdue: 1 });
  });

  it('gives every referred person exactly one follow-up outcome, and never counts an unconfirmed one as engaged', () => {
    const rows = Object.fromEntries(result.sections[0]!.table.rows.map((r) => [r.outcome, r.people]));
    expect(rows).toEqual({
      'Engaged with community treatment': 1,
      'Did not engage': 1,
      'Could not be confirmed': 1,
      'Awaited: 3 weeks not yet up': 1,
      'Past 3 weeks, not confirmed either way': 1,
      'No follow-up task': 0,
    });
  });

  it('is refused to staff without report access', async () => {
    const answer = await site.call('reports.start', { reportId: 'continuity', from: '2026-11-01', to: '2026-11-30', workerId: null, team: null }, token('sam'));
    expect(answer.ok).toBe(false);
  });
});
