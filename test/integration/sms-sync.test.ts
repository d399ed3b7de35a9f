// The substance misuse pathway travels like the rest of the record, and is withdrawn like the rest:
// two prisons and one central over real mutual TLS. Prison A refers, allocates, starts treatment,
// records a care plan and a release plan; every one of those events carries the substance use
// category (a healthcare letter task stays care planning), the central accepts every type, and
// prison B, looking the person up at reception, holds A's treatment, keyworker, care plan, release
// plan and review task, and shows them in its substance misuse section under A, apart from its own.
// When the person declines sharing substance use, B's copies of all of it go, and what B may still
// hold (the person, the letter task) stays.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, siteDateOf } from '../../domain/sms/review-schedule';
import { fastestBackend } from './central-support/backends';
import { openAgreement, startTestCentral, type TestCentral } from './central-support/harness';
import { staffSession } from '../support/staff';
import { stopAll, syncedSite, until } from './central-support/sync-sites';
import { signedInAdmin, type TempSite } from '../support/temp-site';

const NHS = '9434765919';
/** The tables the SMS pathway fills; each must be emptied of A's rows at B when substance use is withdrawn. */
const SMS_TABLES = ['caseload_slots', 'caseload_assignments', 'treatments', 'care_plans', 'care_plan_versions', 'release_plans'] as const;

let t: TestCentral;
let prisonA: TempSite;
let prisonB: TempSite;
let adminA: string;
let adminB: string;
let smsA: string;
let smsB: string;
let personId: string;

const rowsAt = (site: TempSite, table: string) => site.app.store.raw.prepare(`SELECT count(*) FROM ${table} WHERE person_id = ?`).pluck().get(personId) as number;
const tasksAt = (site: TempSite) => site.app.store.raw.prepare('SELECT kind FROM tasks WHERE person_id = ? ORDER BY kind').pluck().all(personId) as string[];

beforeAll(async () => {
  t = await startTestCentral(fastestBackend());
  await t.loadAgreements([openAgreement('DSA-PRISON-PRISON', ['prison_healthcare'], ['prison_healthcare'])]);
  prisonA = await syncedSite(t, 'PRISA1', 'prison_healthcare', 'prison');
  prisonB = await syncedSite(t, 'PRISB1', 'prison_healthcare', 'prison');
  adminA = await signedInAdmin(prisonA);
  adminB = await signedInAdmin(prisonB);
  smsA = await staffSession(prisonA, adminA, 'sam.sms', ['sms_clinical']);
}, 180_000);
afterAll(() => stopAll(t, prisonA, prisonB));


describe('the substance misuse record between prisons', () => {
  it('every SMS event carries the substance use category, and the central accepts every type', async () => {
    const today = siteDateOf(new Date());
    ({ personId } = await prisonA.ok('patients.register', { familyName: 'Reed', givenNames: 'Tom', title: null, birthDate: '1985-04-02', sex: 'male', nhsNumber: NHS }, adminA));
    await prisonA.ok('stays.start', { personId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), arrivalReason: 'Remanded' }, adminA);
    const { referralId } = await prisonA.ok('referrals.make', { personId, toService: 'substance_misuse', source: 'reception', urgency: 'urgent', reason: 'Heroin daily', substances: ['opioids'] }, adminA);
    await prisonA.ok('referrals.decide', { referralId, outcome: 'accepted', decidedOn: today, decidedBy: 'Sam SMS', note: '' }, smsA);
    const samId = prisonA.app.store.raw.prepare("SELECT id FROM users WHERE username = 'sam.sms'").pluck().get() as string;
    await prisonA.ok('caseload.assign', { personId, kind: 'clinical', workerId: samId, reason: '', referralId }, smsA);
    await prisonA.ok('sms.startTreatment', { personId, startedOn: today, interventions: ['pharmacological'], substances: ['opioids'] }, smsA);
    await prisonA.ok('sms.recordCarePlan', { personId, baseVersion: null, goals: [{ goal: 'Stable on methadone', actions: [{ action: 'Daily dose', owner: 'Sam', by: null }] }], reviewOn: addCalendarDays(today, 14), note: '' }, smsA);
    const releaseOn = addCalendarDays(today, 14);
    await prisonA.ok(
      'sms.recordReleasePlan',
      {
        personId,
        baseVersion: null,
        releaseOn,
        destination: 'Approved premises, Leeds',
        ost: { medicine: 'Methadone oral solution 1 mg/ml', doseMg: 60, lastDoseAt: `${releaseOn}T08:30:00Z` },
        naloxone: 'issued',
        naloxoneNote: '',
        communityReferral: null,
        notes: '',
      },
      smsA,
    );
    await prisonA.ok('tasks.create', { personId, kind: 'hospital-letter', title: 'Cardiology clinic letter', detail: 'Leeds General', dueOn: addCalendarDays(today, 7) }, adminA);

    const categories = prisonA.app.store.raw
      .prepare("SELECT DISTINCT type || ' ' || coalesce(json_extract(body, '$.payload.kind'), '') AS what, sensitivity FROM event_log WHERE person_id = ? ORDER BY what")
      .all(personId) as { what: string; sensitivity: string }[];
    const of = (what: string) => categories.filter((c) => c.what.startsWith(what)).map((c) => c.sensitivity);
    for (const type of ['referral.made', 'referral.outcome_recorded', 'caseload.assigned', 'treatment.started', 'care_plan.recorded', 'release_plan.recorded']) {
      expect(of(type), type).toEqual(['substance_use']);
    }
    // The SMS team's tasks say the person is in treatment; the letter task does not.
    expect(of('task.created sms-review')).toEqual(['substance_use']);
    expect(of('task.created care-plan-review')).toEqual(['substance_use']);
    expect(of('task.created release-follow-up')).toEqual(['substance_use']);
    expect(of('task.created hospital-letter')).toEqual(['care_plan']);

    const pushed = await prisonA.ok('sync.now', {}, adminA);
    expect(pushed).toMatchObject({ refused: 0, problem: null });
    expect(pushed.pushed).toBeGreaterThanOrEqual(categories.length);
    expect((await prisonA.ok('sync.status', {}, adminA)).waitingToSend).toBe(0);
  }, 60_000);

  it("prison B, looking the person up, holds A's treatment, keyworker, care plan, release plan and tasks", async () => {
    const found = await prisonB.ok('sync.lookup', { identifierType: 'nhs_number', value: NHS, purpose: 'direct_care' }, adminB);
    expect(found.people[0]).toMatchObject({ personId, decisions: [{ originSite: 'PRISA1', outcome: 'permit' }] });
    for (const table of SMS_TABLES) expect(rowsAt(prisonB, table), table).toBeGreaterThan(0);
    expect(tasksAt(prisonB)).toEqual(['care-plan-review', 'hospital-letter', 'release-follow-up', 'sms-review']);
    expect(prisonB.app.store.raw.prepare("SELECT site_code FROM treatments WHERE person_id = ?").pluck().get(personId)).toBe('PRISA1');
  }, 60_000);

  it("B's substance misuse section shows A's treatment, care plan, release medicines and keyworker under A, apart from its own", async () => {
    // The person arrives at B; B's team and B's nurse open the record.
    await prisonB.ok('stays.start', { personId, arrivedAt: new Date().toISOString(), arrivalReason: 'Transfer from PRISA1' }, adminB);
    smsB = await staffSession(prisonB, adminB, 'bea.sms', ['sms_clinical']);
    const nurseB = await staffSession(prisonB, adminB, 'nina.nurse', ['prison_nurse']);

    const team = await prisonB.ok('sms.record', { personId }, smsB);
    // Nothing of A's is B's own: B has not started treatment, a care plan or a release plan.
    expect(team).toMatchObject({ scope: 'detail', treatment: null, pastTreatments: [], carePlan: null, releasePlan: null, keyworkers: [], referrals: [] });
    expect(team.elsewhere.map((e) => e.siteCode)).toEqual(['PRISA1']);
    const fromA = team.elsewhere[0]!;
    expect(fromA.treatments).toMatchObject([{ endedOn: null, interventions: ['pharmacological'], substances: ['opioids'], startedByName: expect.any(String) }]);
    expect(fromA.carePlan?.goals?.[0]?.goal).toBe('Stable on methadone');
    expect(fromA.releasePlan).toMatchObject({ destination: 'Approved premises, Leeds', ost: { doseMg: 60 }, naloxone: 'issued' });
    expect(fromA.keyworkers.map((k) => k.kind)).toEqual(['clinical']);
    expect(fromA.referrals.map((r) => r.status)).toEqual(['accepted']);

    // A nurse outside the team sees the medicines (continuity, overdose risk) but not the detail.
    const nurse = await prisonB.ok('sms.record', { personId }, nurseB);
    const summary = nurse.elsewhere[0]!;
    expect(nurse.scope).toBe('summary');
    expect(summary.treatments[0]?.substances).toBeNull();
    expect(summary.carePlan?.goals).toBeNull();
    expect(summary.releasePlan).toMatchObject({ destination: null, ost: { doseMg: 60 } });

    // A's own view lists nothing under other sites.
    expect((await prisonA.ok('sms.record', { personId }, smsA)).elsewhere).toEqual([]);
  }, 60_000);

  it("B's record lists A's open work under A, read only: the letter A awaits is not lost on the move", async () => {
    const { tasks, elsewhere } = await prisonB.ok('tasks.list', { personId, status: 'all' }, adminB);
    expect(tasks).toEqual([]);
    const letter = elsewhere.find((task) => task.kind === 'hospital-letter');
    expect(letter).toMatchObject({ siteCode: 'PRISA1', title: 'Cardiology clinic letter', status: 'open' });
    expect(elsewhere.every((task) => task.siteCode === 'PRISA1' && task.status === 'open')).toBe(true);
    // Only A closes it.
    expect(await prisonB.call('tasks.close', { taskId: letter!.id, outcome: 'received', note: '', rebookAt: null }, adminB)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A's own list is its own; nothing of B's is elsewhere there.
    expect((await prisonA.ok('tasks.list', { personId, status: 'all' }, adminA)).elsewhere).toEqual([]);
  }, 60_000);

  it('a dissent from sharing substance use removes all of it from B, and nothing else', async () => {
    await prisonA.ok('consent.record', { personId, decision: 'do_not_share', categories: ['substance_use'], legalBasis: 'direct_care', decidedOn: siteDateOf(new Date()), notes: null }, adminA);
    await prisonA.ok('sync.now', {}, adminA);
    await until('the treatment to leave prison B', async () => {
      await prisonB.app.sync.engine!.syncNow();
      return rowsAt(prisonB, 'treatments') === 0;
    });
    for (const table of SMS_TABLES) expect(rowsAt(prisonB, table), table).toBe(0);
    expect(prisonB.app.store.raw.prepare("SELECT count(*) FROM referrals WHERE person_id = ? AND to_service = 'substance_misuse'").pluck().get(personId)).toBe(0);
    expect(tasksAt(prisonB)).toEqual(['hospital-letter']);
    expect((await prisonB.ok('sms.record', { personId }, smsB)).elsewhere).toEqual([]);
    expect(prisonB.app.store.reads.persons.get(personId)?.familyName).toBe('Reed');
    // Prison A keeps its own record whole.
    for (const table of SMS_TABLES) expect(rowsAt(prisonA, table), table).toBeGreaterThan(0);
  }, 60_000);
});
