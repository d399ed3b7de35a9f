// The workforce planning report against a hand-counted fixture built through the SMS channels at
// a prison: keyworkers assigned, reassigned and discharged before, during and after November 2026;
// treatments and care plans whose reviews fall due; tasks made by hand, overdue, escalated,
// closed and not yet due. The report is run at 09:00 on 1 December 2026; every expected figure
// below can be counted by reading the fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRequest, ReportResult, ReportSection } from '../../contract/channels/reports';
import { STAFF_PASSWORD, staffSession } from '../support/staff';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

let site: TempSite;
let clock = Date.parse('2026-10-20T09:00:00Z');
const tokens: Record<string, string> = {};
const STAFF = { sam: ['sms_clinical'], olly: ['sms_clinical'], pat: ['psychosocial_worker'], nina: ['prison_nurse'], maya: ['team_manager'] } as const;
type Who = keyof typeof STAFF | 'ada';

/** Moves the clock (an idle session locks) and signs everyone in again. */
async function at(iso: string): Promise<void> {
  clock = Date.parse(iso);
  tokens.ada = (await site.ok('auth.signIn', { username: 'ada', password: ADMIN_PASSWORD })).token;
  for (const name of Object.keys(STAFF)) tokens[name] = (await site.ok('auth.signIn', { username: name, password: STAFF_PASSWORD })).token;
}
const token = (who: Who) => tokens[who]!;
const userId = (username: string) => site.app.store.raw.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as string;

async function admit(familyName: string, arrivedAt: string): Promise<string> {
  const { personId } = await site.ok('patients.register', { familyName, givenNames: 'Workforce', title: null, birthDate: '1985-04-02', sex: 'male', nhsNumber: null }, token('ada'));
  await site.ok('stays.start', { personId, arrivedAt, arrivalReason: 'Remanded' }, token('ada'));
  return personId;
}
const assign = (personId: string, kind: 'clinical' | 'psychosocial', worker: string, reason = '') =>
  site.ok('caseload.assign', { personId, kind, workerId: userId(worker), reason, referralId: null }, token('sam'));

async function runReport(filters: Partial<Pick<ReportRequest, 'workerId' | 'team'>> = {}): Promise<ReportResult> {
  const { runId } = await site.ok('reports.start', { reportId: 'workforce', from: '2026-11-01', to: '2026-11-30', workerId: null, team: null, ...filters }, token('maya'));
  let seen = 0;
  for (let i = 0; i < 100; i++) {
    const p = await site.ok('reports.progress', { runId, seen }, token('maya'));
    if (p.state === 'done') return p.result;
    if (p.state === 'failed') throw new Error(p.message);
    seen = p.done;
  }
  throw new Error('report did not finish');
}
const section = (r: ReportResult, id: string): ReportSection => r.sections.find((s) => s.id === id)!;
const figures = (r: ReportResult, id: string) => Object.fromEntries(section(r, id).figures.map((f) => [f.id, f.value]));
const rows = (r: ReportResult, id: string) => section(r, id).table.rows;

beforeAll(async () => {
  site = await startTempSite({ siteType: 'prison', now: () => new Date(clock) });
  tokens.ada = await signedInAdmin(site);
  for (const [name, roles] of Object.entries(STAFF)) tokens[name] = await staffSession(site, tokens.ada, name, [...roles]);
  const task = (personId: string, kind: string, dueOn: string, who: Who, assignee: string | null = null) =>
    site.ok('tasks.create', { personId, kind, title: `Fixture ${kind}`, detail: 'Made for the workforce fixture', dueOn, dueAt: null, team: null, assigneeId: assignee ? userId(assignee) : null }, token(who));

  // 20 October: Reed (clinical Sam, psychosocial Pat: current throughout), Shaw (clinical Sam), Todd (clinical Olly).
  const reed = await admit('Reed', '2026-10-20T08:00:00Z');
  const shaw = await admit('Shaw', '2026-10-20T08:10:00Z');
  const todd = await admit('Todd', '2026-10-20T08:20:00Z');
  await assign(reed, 'clinical', 'sam');
  await assign(reed, 'psychosocial', 'pat');
  await assign(shaw, 'clinical', 'sam');
  await assign(todd, 'clinical', 'olly');
  // 25 October: Todd discharged before the period (not counted).
  await at('2026-10-25T10:00:00Z');
  await site.ok('caseload.end', { personId: todd, kind: 'clinical', reason: 'Discharged' }, token('olly'));
  // 10 November: Shaw reassigned to Olly (on both caseloads in the period).
  await at('2026-11-10T10:00:00Z');
  await assign(shaw, 'clinical', 'olly', 'Sam on leave');
  // 15 November: a recall due then, closed as seen (not overdue).
  await at('2026-11-15T09:00:00Z');
  const { taskId: seen } = await task(reed, 'recall', '2026-11-15', 'sam');
  await site.ok('tasks.close', { taskId: seen, outcome: 'seen', note: 'Seen on the wing', rebookAt: null }, token('sam'));
  // 19 November: a test result due 20 November, given to Nina (escalates after 3 days: escalated).
  await at('2026-11-19T09:00:00Z');
  await task(shaw, 'test-result', '2026-11-20', 'nina', 'nina');
  // 20 November: Shaw starts treatment; the 5-day review (due 25 November, Olly's) is overdue and escalated.
  await at('2026-11-20T09:00:00Z');
  await site.ok('sms.startTreatment', { personId: shaw, startedOn: '2026-11-20', interventions: ['pharmacological'], substances: ['opioids'] }, token('olly'));
  // 28 November: Reed starts treatment (5-day review due 3 December: within 7 days, Sam's) and has a
  // care plan to review on 20 December (within 28 days); a hospital letter due that day, given to no one
  // (overdue since the end of 28 November, escalates after 7 days: not escalated); a recall due 10 December.
  await at('2026-11-28T09:00:00Z');
  await site.ok('sms.startTreatment', { personId: reed, startedOn: '2026-11-28', interventions: ['pharmacological', 'psychosocial'], substances: ['opioids'] }, token('sam'));
  const goals = [{ goal: 'Stay stable on OST', actions: [{ action: 'Daily supervised dose', owner: 'Prescriber', by: null }] }];
  await site.ok('sms.recordCarePlan', { personId: reed, baseVersion: null, goals, reviewOn: '2026-12-20', note: '' }, token('sam'));
  await task(reed, 'hospital-letter', '2026-11-28', 'nina');
  await task(reed, 'recall', '2026-12-10', 'sam');
  // 1 December 08:00: Underwood on Sam's caseload after the period (not counted). Three more on
  // Sam's caseload after the period have care plans to review on calendar-day edges: Vance on 8
  // December (7 days from the run's day: within 7 days, though it falls due 15 hours more than
  // 7 x 24 hours after the run), Xu on 9 December (8 days: within 28 only) and Walsh on
  // 29 December (the 28th day: within 28).
  await at('2026-12-01T08:00:00Z');
  const underwood = await admit('Underwood', '2026-12-01T07:00:00Z');
  await assign(underwood, 'clinical', 'sam');
  for (const [name, reviewOn] of [['Vance', '2026-12-08'], ['Xu', '2026-12-09'], ['Walsh', '2026-12-29']] as const) {
    const personId = await admit(name, '2026-12-01T07:00:00Z');
    await assign(personId, 'clinical', 'sam');
    await site.ok('sms.recordCarePlan', { personId, baseVersion: null, goals, reviewOn, note: '' }, token('sam'));
  }
  await at('2026-12-01T09:00:00Z');
}, 120_000);
afterAll(() => site.cleanup());

describe('workforce planning report, November 2026, run on 1 December', () => {
  it('counts caseloads current in the period per worker', async () => {
    const r = await runReport();
    expect(figures(r, 'caseload')).toEqual({ workers: 3, people: 2, clinical: 2, psychosocial: 1 });
    expect(rows(r, 'caseload')).toEqual([
      { worker: 'Test sam', clinical: 2, psychosocial: 0, people: 2 },
      { worker: 'Test olly', clinical: 1, psychosocial: 0, people: 1 },
      { worker: 'Test pat', clinical: 0, psychosocial: 1, people: 1 },
    ]);
    expect(section(r, 'caseload').chart?.data).toHaveLength(3);
  });

  it('counts reviews due in the next 7 and 28 days', async () => {
    const r = await runReport();
    // Within 7 days: Reed's 5-day review (3 December) and Vance's care plan (8 December); within 28
    // also Reed's care plan (20 December), Xu's (9 December) and Walsh's (29 December).
    expect(figures(r, 'reviews-due')).toEqual({ 'due-7': 2, 'due-28': 5, 'sms-review-28': 1, 'care-plan-review-28': 4 });
    expect(rows(r, 'reviews-due')).toEqual([{ worker: 'Test sam', due7: 2, due28: 5 }]);
  });

  it('counts overdue work by kind and by worker, with escalation as the task lists show it', async () => {
    const r = await runReport();
    expect(figures(r, 'overdue')).toEqual({ overdue: 3, escalated: 2, unassigned: 1 });
    expect(rows(r, 'overdue')).toEqual([
      { kind: 'Hospital letter awaited', overdue: 1, escalated: 0 },
      { kind: 'Substance misuse review', overdue: 1, escalated: 1 },
      { kind: 'Test result awaited', overdue: 1, escalated: 1 },
      { kind: 'Given to: Not given to anyone', overdue: 1, escalated: 0 },
      { kind: 'Given to: Test nina', overdue: 1, escalated: 1 },
      { kind: 'Given to: Test olly', overdue: 1, escalated: 1 },
    ]);
    // The same counts as the task list's own urgency.
    const listed = await site.ok('tasks.list', { personId: null, status: 'open', scope: 'site', team: null }, token('maya'));
    expect(listed.tasks.filter((t) => t.urgency !== 'not_due')).toHaveLength(3);
    expect(listed.tasks.filter((t) => t.urgency === 'escalated')).toHaveLength(2);
  });

  it('narrows to one worker and to one team', async () => {
    const sam = await runReport({ workerId: userId('sam') });
    expect(sam.workerName).toBe('Test sam');
    expect(figures(sam, 'caseload')).toEqual({ workers: 1, people: 2, clinical: 2, psychosocial: 0 });
    expect(figures(sam, 'reviews-due')).toMatchObject({ 'due-7': 2, 'due-28': 5 });
    expect(figures(sam, 'overdue')).toEqual({ overdue: 0, escalated: 0, unassigned: 0 });

    const healthcare = await runReport({ team: 'healthcare' });
    expect(healthcare.teamName).toBe('Healthcare team');
    expect(figures(healthcare, 'caseload')).toMatchObject({ workers: 0, people: 0 });
    expect(figures(healthcare, 'reviews-due')).toMatchObject({ 'due-28': 0 });
    expect(figures(healthcare, 'overdue')).toEqual({ overdue: 2, escalated: 1, unassigned: 1 });

    const sms = await runReport({ team: 'sms' });
    expect(figures(sms, 'caseload')).toMatchObject({ people: 2 });
    expect(figures(sms, 'overdue')).toEqual({ overdue: 1, escalated: 1, unassigned: 0 });
  });

  it('exports the CSV with the figures shown, audited with its digest', async () => {
    const r = await runReport({ team: 'sms' });
    const file = await site.ok('reports.export', { runId: r.runId, format: 'csv' }, token('maya'));
    expect(file.fileName).toBe('workforce_DEMOPR1_2026-11-01_2026-11-30.csv');
    const lines = file.content.replace(/^\uFEFF/, '').split('\r\n').map((l) => l.replace(/,+$/, ''));
    expect(lines).toContain('Team,Substance misuse team');
    expect(lines).toContain('People on a caseload,2');
    expect(lines).toContain('Test sam,2,0,2');
    const audit = site.app.store.raw.prepare("SELECT detail FROM audit_events WHERE channel = 'reports.export' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ runId: r.runId, reportId: 'workforce', format: 'csv', teamName: 'Substance misuse team', bytes: file.bytes });
  });

  it('is refused a team filter on a whole-site report, and to staff without report.view', async () => {
    expect(await site.call('reports.start', { reportId: 'custody-kpis', from: '2026-11-01', to: '2026-11-30', workerId: null, team: 'sms' }, token('maya'))).toMatchObject({
      ok: false,
      error: { path: 'team' },
    });
    expect(await site.call('reports.start', { reportId: 'workforce', from: '2026-11-01', to: '2026-11-30', workerId: null, team: null }, token('sam'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
