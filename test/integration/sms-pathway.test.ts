// The SMS Toolkit pathway through the real router on a real encrypted prison store, with a clock
// the test moves: referral, inbox, decision, keyworkers (reassignment keeps history, moves work,
// and makes a legitimate relationship), treatment and its scheduled reviews, care plan versions,
// release plan and the 3-week follow-up, and exit closing or handing over what is due.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAFF_PASSWORD, staffSession } from '../support/staff';
import { ADMIN_PASSWORD, signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

let site: TempSite;
let clock = Date.parse('2026-12-01T09:00:00Z');
let admin: string;
let sms: string;
let psych: string;
let nurse: string;
let personId: string;
let stayId: string;
/** Moves the clock (sessions lock when idle, as at a real desk) and signs everyone in again. */
async function moveClock(to: number): Promise<void> {
  clock = to;
  const again = async (username: string, password: string) => (await site.ok('auth.signIn', { username, password })).token;
  admin = await again('ada', ADMIN_PASSWORD);
  sms = await again('sam.sms', STAFF_PASSWORD);
  psych = await again('pat.psych', STAFF_PASSWORD);
  nurse = await again('nina.nurse', STAFF_PASSWORD);
}
const userId = (s: TempSite, username: string) => (s.app.store.raw.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as string);

beforeEach(async () => {
  clock = Date.parse('2026-12-01T09:00:00Z');
  site = await startTempSite({ siteType: 'prison', now: () => new Date(clock) });
  admin = await signedInAdmin(site);
  sms = await staffSession(site, admin, 'sam.sms', ['sms_clinical']);
  psych = await staffSession(site, admin, 'pat.psych', ['psychosocial_worker']);
  nurse = await staffSession(site, admin, 'nina.nurse', ['prison_nurse']);
  ({ personId } = await site.ok('patients.register', { familyName: 'Reed', givenNames: 'Tom', title: null, birthDate: '1985-04-02', sex: 'male', nhsNumber: null }, admin));
  ({ stayId } = await site.ok('stays.start', { personId, arrivedAt: '2026-12-01T08:00:00Z', arrivalReason: 'Remanded' }, admin));
}, 60_000);
afterEach(() => site.cleanup());

async function referAndAccept() {
  const { referralId } = await site.ok('referrals.make', { personId, toService: 'substance_misuse', source: 'reception', urgency: 'urgent', reason: 'Heroin daily, on methadone 60 mg in the community', substances: ['opioids', 'crack'] }, nurse);
  await site.ok('referrals.decide', { referralId, outcome: 'accepted', decidedOn: '2026-12-01', decidedBy: 'Sam SMS', note: '' }, sms);
  return referralId;
}

describe('referral and the team inbox', () => {
  it('a nurse refers; the SMS inbox shows it urgent first, with detail; the nurse sees it without the detail', async () => {
    const { referralId: routine } = await site.ok('referrals.make', { personId, toService: 'substance_misuse', source: 'self', urgency: 'routine', reason: 'Asks for help with drinking', substances: ['alcohol'] }, nurse);
    await moveClock(clock + 60_000);
    const { referralId: urgent } = await site.ok('referrals.make', { personId, toService: 'substance_misuse', source: 'reception', urgency: 'urgent', reason: 'Opiate withdrawal starting', substances: ['opioids'] }, nurse);
    const inbox = await site.ok('referrals.inbox', { service: 'substance_misuse' }, sms);
    expect(inbox.referrals.map((r) => r.id)).toEqual([urgent, routine]);
    expect(inbox.referrals[0]).toMatchObject({ urgency: 'urgent', source: 'reception', substances: ['opioids'], reason: 'Opiate withdrawal starting', person: { familyName: 'Reed' } });
    // A prison nurse cannot open the SMS inbox; the mental health team's inbox is another team's.
    expect(await site.call('referrals.inbox', { service: 'substance_misuse' }, nurse)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const record = await site.ok('sms.record', { personId }, nurse);
    expect(record.scope).toBe('summary');
    expect(record.referrals[0]).toMatchObject({ status: 'open', reason: null, substances: null });
  });

  it('records the outcome with the date and who decided; referred on is coded from the code table; declined needs a reason', async () => {
    const { referralId } = await site.ok('referrals.make', { personId, toService: 'substance_misuse', source: 'healthcare', urgency: 'routine', reason: 'Alcohol', substances: ['alcohol'] }, nurse);
    expect(await site.call('referrals.decide', { referralId, outcome: 'declined', decidedOn: '2026-12-01', decidedBy: 'Sam SMS', note: '' }, sms)).toMatchObject({ ok: false, error: { path: 'note' } });
    expect(await site.call('referrals.decide', { referralId, outcome: 'referred_on', decidedOn: '2026-12-01', decidedBy: 'Sam SMS', note: '' }, sms)).toMatchObject({ ok: false, error: { path: 'referredOnTo' } });
    expect(await site.call('referrals.decide', { referralId, outcome: 'accepted', decidedOn: '2026-12-02', decidedBy: 'Sam SMS', note: '' }, sms)).toMatchObject({ ok: false, error: { path: 'decidedOn' } });
    await site.ok('referrals.decide', { referralId, outcome: 'referred_on', decidedOn: '2026-12-01', decidedBy: 'MDT, Sam SMS', note: 'Alcohol only', referredOnTo: 'specialist-alcohol-service' }, sms);
    const row = site.app.store.raw.prepare('SELECT status, decided_on, decided_by, referred_on_to, referred_on_code FROM referrals WHERE id = ?').get(referralId);
    expect(row).toEqual({ status: 'referred_on', decided_on: '2026-12-01', decided_by: 'MDT, Sam SMS', referred_on_to: 'specialist-alcohol-service', referred_on_code: '431260004' });
    expect((await site.ok('referrals.inbox', { service: 'substance_misuse' }, sms)).referrals).toEqual([]);
    expect(await site.call('referrals.decide', { referralId, outcome: 'accepted', decidedOn: '2026-12-01', decidedBy: 'x', note: '' }, sms)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('caseload', () => {
  it('assigns keyworkers, keeps history on reassignment, and being on a caseload is a legitimate relationship', async () => {
    const referralId = await referAndAccept();
    const samId = userId(site, 'sam.sms');
    const patId = userId(site, 'pat.psych');
    // A psychosocial worker cannot be the clinical keyworker.
    expect(await site.call('caseload.assign', { personId, kind: 'clinical', workerId: patId, reason: '', referralId }, sms)).toMatchObject({ ok: false, error: { path: 'workerId' } });
    await site.ok('caseload.assign', { personId, kind: 'clinical', workerId: samId, reason: '', referralId }, sms);
    await site.ok('caseload.assign', { personId, kind: 'psychosocial', workerId: patId, reason: '', referralId }, sms);
    await staffSession(site, admin, 'olly.other', ['sms_clinical']);
    const ollyId = userId(site, 'olly.other');
    expect(await site.call('caseload.assign', { personId, kind: 'clinical', workerId: ollyId, reason: '', referralId: null }, sms)).toMatchObject({ ok: false, error: { path: 'reason' } });
    await moveClock(clock + 3_600_000);
    const other2 = (await site.ok('auth.signIn', { username: 'olly.other', password: STAFF_PASSWORD })).token;
    await site.ok('caseload.assign', { personId, kind: 'clinical', workerId: ollyId, reason: 'Sam on leave', referralId: null }, sms);
    const record = await site.ok('sms.record', { personId }, sms);
    expect(record.keyworkers.map((k) => `${k.kind}:${k.workerName}`)).toEqual(['clinical:Test olly.other', 'psychosocial:Test pat.psych']);
    expect(record.history.map((h) => `${h.kind}:${h.workerName}:${h.endedAt ? 'ended' : 'current'}`)).toEqual([
      'clinical:Test olly.other:current',
      'psychosocial:Test pat.psych:current',
      'clinical:Test sam.sms:ended',
    ]);
    expect(record.history[2]?.endReason).toBe('Reassigned to Test olly.other: Sam on leave');
    const list = await site.ok('caseload.list', { workerId: ollyId }, other2);
    expect(list.people.map((p) => p.person.familyName)).toEqual(['Reed']);
    expect(list.workers.find((w) => w.id === ollyId)).toMatchObject({ clinical: 1, psychosocial: 0 });
    expect(list.workers.find((w) => w.id === samId)).toMatchObject({ clinical: 0 });

    // Released: 8 days later the stay no longer makes a relationship, but the caseload does.
    await site.ok('stays.end', { stayId, exitedAt: new Date(clock).toISOString(), exitReason: 'Released on bail', exitDestination: 'Home address' }, admin);
    await moveClock(clock + 8 * 86_400_000);
    const other3 = (await site.ok('auth.signIn', { username: 'olly.other', password: STAFF_PASSWORD })).token;
    expect(await site.call('patients.get', { personId }, sms)).toMatchObject({ ok: false, error: { code: 'break_glass_required' } });
    expect(await site.call('patients.get', { personId }, other3)).toMatchObject({ ok: true });
    const audit = site.app.store.raw.prepare("SELECT detail FROM audit_events WHERE channel = 'patients.get' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit).access.rule).toBe("on the user's caseload");
    await site.ok('caseload.end', { personId, kind: 'clinical', reason: 'Discharged: engaged in the community' }, other3);
    expect(await site.call('patients.get', { personId }, other3)).toMatchObject({ ok: false, error: { code: 'break_glass_required' } });
  });
});

describe('treatment and reviews', () => {
  it('schedules the 5-day review; completing it schedules the 28-day; a review cannot be ticked off by hand', async () => {
    await referAndAccept();
    await site.ok('caseload.assign', { personId, kind: 'clinical', workerId: userId(site, 'sam.sms'), reason: '', referralId: null }, sms);
    const started = await site.ok('sms.startTreatment', { personId, startedOn: '2026-12-01', interventions: ['pharmacological', 'psychosocial'], substances: ['opioids'] }, sms);
    expect(started.review).toEqual({ label: '5-day review', dueOn: '2026-12-06' });
    const mine = await site.ok('tasks.list', { personId: null, scope: 'mine' }, sms);
    expect(mine.tasks.map((t) => [t.title, t.dueOn, t.urgency, t.assignee?.name])).toEqual([['5-day review (substance misuse)', '2026-12-06', 'not_due', 'Test sam.sms']]);
    const review = mine.tasks[0]!;
    expect(review.closable).toBe(false);
    expect(await site.call('tasks.close', { taskId: review.id, outcome: 'done', note: '' }, sms)).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'outcome' } });
    expect(await site.call('sms.startTreatment', { personId, startedOn: '2026-12-01', interventions: ['psychosocial'], substances: ['opioids'] }, sms)).toMatchObject({ ok: false, error: { code: 'conflict' } });

    // Past the due day (London): overdue on the worker's list, the team's list and in the banner; escalated two days on.
    await moveClock(Date.parse('2026-12-07T00:00:01Z'));
    expect((await site.ok('tasks.list', { personId: null, scope: 'team' }, sms)).tasks[0]).toMatchObject({ urgency: 'overdue', overdueDays: 0 });
    expect((await site.ok('patients.get', { personId }, nurse)).taskAlerts).toMatchObject([{ title: '5-day review (substance misuse)', overdue: true, escalated: false }]);
    await moveClock(Date.parse('2026-12-09T00:00:01Z'));
    expect((await site.ok('tasks.list', { personId: null, scope: 'mine' }, sms)).tasks[0]).toMatchObject({ urgency: 'escalated', overdueDays: 2 });

    // A review is not complete until the care plan is dealt with.
    expect(
      await site.call('sms.completeReview', { personId, taskId: review.id, reviewedOn: '2026-12-09', summary: 'Stable on methadone 60 mg', decision: 'continue', carePlan: { kind: 'unchanged' } }, sms),
    ).toMatchObject({ ok: false, error: { path: 'carePlan' } });
    const done = await site.ok(
      'sms.completeReview',
      {
        personId,
        taskId: review.id,
        reviewedOn: '2026-12-09',
        summary: 'Stable on methadone 60 mg',
        decision: 'continue',
        carePlan: { kind: 'updated', reviewOn: '2026-12-29', goals: [{ goal: 'Stabilise on OST', actions: [{ action: 'Daily supervised methadone', owner: 'Prescriber', by: null }] }] },
      },
      sms,
    );
    // Anchored to the start, not to the late review: 28 days from 1 December.
    expect(done.next).toEqual({ label: '28-day review', dueOn: '2026-12-29' });
    const record = await site.ok('sms.record', { personId }, sms);
    expect(record.treatment?.nextReview).toMatchObject({ label: '28-day review', dueOn: '2026-12-29', urgency: 'not_due' });
    expect(record.treatment?.plan.map((p) => `${p.label} ${p.dueOn}`)).toEqual(['5-day review 2026-12-06', '28-day review 2026-12-29', '13-week review 2027-03-02']);
    expect(record.reviews).toMatchObject([{ label: '5-day review', dueOn: '2026-12-06', reviewedOn: '2026-12-09', carePlan: 'updated', carePlanVersion: 1, summary: 'Stable on methadone 60 mg' }]);
    expect(record.carePlan).toMatchObject({ version: 1, reviewOn: '2026-12-29', goals: [{ goal: 'Stabilise on OST' }] });
    const open = (await site.ok('tasks.list', { personId, status: 'open' }, sms)).tasks.map((t) => t.kind).sort();
    expect(open).toEqual(['care-plan-review', 'sms-review']);

    // The nurse's view of the same record: what was done and when, not what was said.
    const summary = await site.ok('sms.record', { personId }, nurse);
    expect(summary.reviews[0]).toMatchObject({ summary: null, decision: null, reviewedOn: '2026-12-09' });
    expect(summary.carePlan?.goals).toBeNull();
    expect(summary.treatment?.substances).toBeNull();
  });

  it('a transfer closes the due review as handed over, naming what was due, and ends the keyworkers', async () => {
    await referAndAccept();
    await site.ok('caseload.assign', { personId, kind: 'clinical', workerId: userId(site, 'sam.sms'), reason: '', referralId: null }, sms);
    await site.ok('sms.startTreatment', { personId, startedOn: '2026-12-01', interventions: ['pharmacological'], substances: ['opioids'] }, sms);
    await moveClock(clock + 86_400_000);
    await site.ok('stays.end', { stayId, exitedAt: new Date(clock).toISOString(), exitReason: 'Transferred to another prison', exitDestination: 'HMP Elsewhere' }, admin);
    const tasks = (await site.ok('tasks.list', { personId, status: 'all' }, admin)).tasks;
    expect(tasks).toMatchObject([{ kind: 'sms-review', status: 'cancelled', result: 'Handed over on transfer' }]);
    expect(tasks[0]?.closeNote).toMatch(/Handed over on transfer \(Transferred to another prison to HMP Elsewhere, 02-Dec-2026 09:00\): 5-day review \(substance misuse\) was due 06-Dec-2026/);
    const record = await site.ok('sms.record', { personId }, sms);
    expect(record.treatment).toBeNull();
    expect(record.pastTreatments[0]).toMatchObject({ endReason: 'transferred', endedOn: '2026-12-02' });
    expect(record.keyworkers).toEqual([]);
  });

  it('a release without a release plan still creates the 3-week follow-up', async () => {
    await referAndAccept();
    await site.ok('sms.startTreatment', { personId, startedOn: '2026-12-01', interventions: ['pharmacological'], substances: ['opioids'] }, sms);
    await site.ok('stays.end', { stayId, exitedAt: '2026-12-03T10:00:00Z', exitReason: 'Released at end of sentence', exitDestination: 'Leeds' }, admin);
    const open = (await site.ok('tasks.list', { personId, status: 'open' }, admin)).tasks;
    expect(open).toMatchObject([{ kind: 'release-follow-up', dueOn: '2026-12-24', team: 'sms' }]);
    expect(open[0]?.detail).toMatch(/WITHOUT a release plan/);
  });
});

describe('nothing that creates a task fails silently', () => {
  it('when the review task cannot be written, the treatment is not started either, and the caller is told', async () => {
    await referAndAccept();
    const events = site.count('event_log');
    // A store that refuses the review task (as a full disk or a damaged index would).
    site.app.store.raw.exec(`CREATE TEMP TRIGGER refuse_review BEFORE INSERT ON tasks WHEN NEW.kind = 'sms-review' BEGIN SELECT RAISE(ABORT, 'disk refused'); END`);
    const result = await site.call('sms.startTreatment', { personId, startedOn: '2026-12-01', interventions: ['pharmacological'], substances: ['opioids'] }, sms);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('nothing was saved') } });
    expect(site.count('treatments')).toBe(0);
    expect(site.count('event_log')).toBe(events);
    site.app.store.raw.exec('DROP TRIGGER refuse_review');
    await site.ok('sms.startTreatment', { personId, startedOn: '2026-12-01', interventions: ['pharmacological'], substances: ['opioids'] }, sms);
    expect(site.count('treatments')).toBe(1);
  });
});

describe('release plan', () => {
  it('records the plan, creates the follow-up due 3 weeks after release, and moves it when the date changes', async () => {
    await referAndAccept();
    const plan = {
      personId,
      baseVersion: null,
      releaseOn: '2026-12-18',
      destination: 'Approved premises, Leeds',
      ost: { medicine: 'Methadone oral solution 1 mg/ml', doseMg: 60, lastDoseAt: '2026-12-18T08:30:00Z' },
      naloxone: 'issued' as const,
      naloxoneNote: '',
      communityReferral: { service: 'community-drug-alcohol-team', provider: 'Forward Leeds', referredOn: '2026-12-01', firstAppointmentAt: '2026-12-19T10:00:00Z' },
      notes: '',
    };
    expect(await site.call('sms.recordReleasePlan', { ...plan, naloxone: 'not-offered' }, sms)).toMatchObject({ ok: false, error: { path: 'naloxoneNote' } });
    const first = await site.ok('sms.recordReleasePlan', plan, sms);
    expect(first.followUp.dueOn).toBe('2027-01-08');
    const record = await site.ok('sms.record', { personId }, sms);
    expect(record.releasePlan).toMatchObject({ version: 1, releaseOn: '2026-12-18', ost: { doseMg: 60 }, communityReferral: { code: '417096006', provider: 'Forward Leeds' }, followUp: { dueOn: '2027-01-08', status: 'open' } });
    expect(await site.call('sms.recordReleasePlan', plan, sms)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const second = await site.ok('sms.recordReleasePlan', { ...plan, baseVersion: 1, releaseOn: '2026-12-20' }, sms);
    expect(second.followUp).toEqual({ taskId: first.followUp.taskId, dueOn: '2027-01-10' });
    // The nurse sees the medicines facts (continuity, overdose) but not the destination or the service.
    const nurseView = await site.ok('sms.record', { personId }, nurse);
    expect(nurseView.releasePlan).toMatchObject({ ost: { doseMg: 60 }, naloxone: 'issued', destination: null, communityReferral: null });
    // Closing the follow-up needs one of its outcomes and the detail it asks for.
    expect(await site.call('tasks.close', { taskId: first.followUp.taskId, outcome: 'done', note: 'x' }, sms)).toMatchObject({ ok: false, error: { path: 'outcome' } });
    expect(await site.call('tasks.close', { taskId: first.followUp.taskId, outcome: 'engaged', note: '' }, sms)).toMatchObject({ ok: false, error: { path: 'note' } });
    await site.ok('tasks.close', { taskId: first.followUp.taskId, outcome: 'engaged', note: 'Forward Leeds, attended 21-Dec-2026' }, sms);
  });
});

describe('tasks that are never lost', () => {
  it('an awaited hospital letter escalates when overdue and closes only with an outcome and what it said', async () => {
    const samId = userId(site, 'sam.sms');
    expect(await site.call('tasks.create', { personId, kind: 'hospital-letter', title: 'Cardiology clinic letter', detail: 'Leeds General, echo 28 Nov', dueOn: '2026-11-30' }, nurse)).toMatchObject({
      ok: false,
      error: { path: 'dueOn' },
    });
    expect(await site.call('tasks.create', { personId, kind: 'sms-review', title: 'x', detail: 'y', dueOn: '2026-12-10' }, nurse)).toMatchObject({ ok: false, error: { path: 'kind' } });
    const { taskId } = await site.ok('tasks.create', { personId, kind: 'hospital-letter', title: 'Cardiology clinic letter', detail: 'Leeds General, echo 28 Nov', dueOn: '2026-12-05' }, nurse);
    expect((await site.ok('tasks.list', { personId: null, scope: 'team' }, nurse)).tasks.map((t) => t.id)).toEqual([taskId]);
    await moveClock(Date.parse('2026-12-13T12:00:00Z'));
    const [letter] = (await site.ok('tasks.list', { personId: null, scope: 'team' }, nurse)).tasks;
    expect(letter).toMatchObject({ urgency: 'escalated', overdueDays: 7 });
    expect((await site.ok('patients.get', { personId }, nurse)).taskAlerts).toMatchObject([{ escalated: true }]);
    // Assigned to a worker, it is on their list too.
    await site.ok('tasks.assign', { taskId, team: 'healthcare', assigneeId: userId(site, 'nina.nurse'), note: '' }, nurse);
    expect(await site.call('tasks.assign', { taskId, team: 'healthcare', assigneeId: samId, note: '' }, nurse)).toMatchObject({ ok: false, error: { path: 'assigneeId' } });
    expect((await site.ok('tasks.list', { personId: null, scope: 'mine' }, nurse)).tasks.map((t) => t.id)).toEqual([taskId]);
    expect(await site.call('tasks.close', { taskId, outcome: 'done', note: '' }, nurse)).toMatchObject({ ok: false, error: { path: 'outcome' } });
    expect(await site.call('tasks.close', { taskId, outcome: 'received', note: ' ' }, nurse)).toMatchObject({ ok: false, error: { path: 'note' } });
    await site.ok('tasks.reschedule', { taskId, dueOn: '2026-12-20', reason: 'Chased: clinic says it will be sent this week' }, nurse);
    expect((await site.ok('tasks.list', { personId, status: 'open' }, nurse)).tasks[0]).toMatchObject({ urgency: 'not_due', dueOn: '2026-12-20' });
    await site.ok('tasks.close', { taskId, outcome: 'received', note: 'Normal echo; no change to medicines' }, nurse);
    expect((await site.ok('tasks.list', { personId, status: 'all' }, nurse)).tasks[0]).toMatchObject({ status: 'done', result: 'Letter received and acted on' });
  });

  it('a missed appointment creates the follow-up; rebooking books it again', async () => {
    const { taskId } = await site.ok('tasks.create', { personId, kind: 'external-appointment', title: 'Fracture clinic', detail: 'St James’s, escort needed', dueAt: '2026-12-04T14:00:00Z' }, nurse);
    await moveClock(Date.parse('2026-12-04T18:00:00Z'));
    const missed = await site.ok('tasks.close', { taskId, outcome: 'missed', note: 'No escort available' }, nurse);
    const followUp = (await site.ok('tasks.list', { personId, status: 'open' }, nurse)).tasks;
    expect(followUp).toMatchObject([{ id: missed.followUpTaskId, kind: 'missed-appointment', dueOn: '2026-12-05' }]);
    expect(await site.call('tasks.close', { taskId: missed.followUpTaskId!, outcome: 'rebooked', note: '' }, nurse)).toMatchObject({ ok: false, error: { path: 'rebookAt' } });
    const rebooked = await site.ok('tasks.close', { taskId: missed.followUpTaskId!, outcome: 'rebooked', note: '', rebookAt: '2026-12-11T14:00:00Z' }, nurse);
    expect((await site.ok('tasks.list', { personId, status: 'open' }, nurse)).tasks).toMatchObject([{ id: rebooked.followUpTaskId, kind: 'external-appointment', dueAt: '2026-12-11T14:00:00.000Z' }]);
  });

  it('the recall list filters by type, window and worker, escalated first, with the prison number', async () => {
    await site.ok('patients.addIdentifier', { personId, identifier: { type: 'nomis_number', value: 'A1234BC' } }, admin);
    await referAndAccept();
    await site.ok('caseload.assign', { personId, kind: 'clinical', workerId: userId(site, 'sam.sms'), reason: '', referralId: null }, sms);
    await site.ok('sms.startTreatment', { personId, startedOn: '2026-12-01', interventions: ['pharmacological'], substances: ['opioids'] }, sms);
    await site.ok('tasks.create', { personId, kind: 'recall', title: 'Hepatitis B vaccine dose 2', detail: 'Dose 1 given 1 Dec', dueOn: '2027-01-01' }, nurse);
    const soon = await site.ok('recalls.list', { window: '7-days' }, sms);
    expect(soon.rows.map((r) => [r.typeLabel, r.dueOn, r.prisonNumber])).toEqual([['5-day review', '2026-12-06', 'A1234BC']]);
    expect((await site.ok('recalls.list', { window: 'all' }, sms)).rows.map((r) => r.type)).toEqual(['first-review', 'recall']);
    expect((await site.ok('recalls.list', { window: 'all', type: 'recall' }, sms)).rows.map((r) => r.title)).toEqual(['Hepatitis B vaccine dose 2']);
    expect((await site.ok('recalls.list', { window: 'all', workerId: userId(site, 'sam.sms') }, sms)).rows.map((r) => r.type)).toEqual(['first-review']);
    expect((await site.ok('recalls.list', { window: 'overdue' }, sms)).rows).toEqual([]);
    // Printing the list is audited with the people it names.
    await site.ok('recalls.print', { window: 'all' }, sms);
    const detail = site.app.store.raw.prepare("SELECT detail FROM audit_events WHERE channel = 'recalls.print' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(detail).printedPeople).toEqual([personId]);
  });
});

describe('substance-use scope of forms', () => {
  it('the TOP is recorded and read by the SMS team only', async () => {
    const templates = async (token: string) => (await site.ok('forms.templates', {}, token)).templates.map((t) => t.id);
    expect(await templates(sms)).toContain('top-secure');
    expect(await templates(nurse)).not.toContain('top-secure');
    expect(await site.call('forms.save', { personId, templateId: 'top-secure', templateVersion: 1, answers: {} }, nurse)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(psych).toBeTruthy();
  });
});
