// Stays, flags and tasks: state changes only by a recorded decision, each with its audit row and
// sync event in the same transaction.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signedInAdmin, startTempSite, type TempSite } from '../../test/support/temp-site';

let site: TempSite;
let token: string;
let personId: string;
beforeEach(async () => {
  site = await startTempSite({ now: () => new Date('2026-11-23T10:00:00Z') });
  token = await signedInAdmin(site);
  ({ personId } = await site.ok('patients.register', { familyName: 'Green', givenNames: 'Ann', title: null, birthDate: '1990-05-05', sex: 'female', nhsNumber: null }, token));
});
afterEach(() => site.cleanup());

describe('stays', () => {
  it('starts a custody stay at a custody site, refuses a second open one, ends with reason and destination', async () => {
    const { stayId } = await site.ok('stays.start', { personId, arrivedAt: '2026-11-23T09:30:00Z', arrivalReason: 'Arrested' }, token);
    expect((await site.ok('patients.get', { personId }, token)).currentStay).toMatchObject({ id: stayId, kind: 'custody', siteCode: 'DEMO01' });
    expect(await site.call('stays.start', { personId, arrivedAt: '2026-11-23T09:40:00Z', arrivalReason: null }, token)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const early = await site.call('stays.end', { stayId, exitedAt: '2026-11-23T09:00:00Z', exitReason: 'Released', exitDestination: 'Home' }, token);
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'exitedAt' } });
    await site.ok('stays.end', { stayId, exitedAt: '2026-11-23T18:00:00Z', exitReason: 'Charged and remanded', exitDestination: 'HMP Example' }, token);
    expect((await site.ok('patients.get', { personId }, token)).currentStay).toBeNull();
    const { stays } = await site.ok('stays.list', { personId }, token);
    expect(stays).toMatchObject([{ exitReason: 'Charged and remanded', exitDestination: 'HMP Example' }]);
    expect(site.count('event_log')).toBe(3); // person, stay started, stay ended
  });
});

describe('flags', () => {
  it('shows an active flag on the record with who set it and why, and ends it only with a reason', async () => {
    const { flagId } = await site.ok('flags.raise', { personId, code: 'SELF_HARM_RISK', label: 'Self-harm risk', severity: 'high', reason: 'Cut marks seen at booking-in' }, token);
    const record = await site.ok('patients.get', { personId }, token);
    expect(record.activeFlags).toMatchObject([{ id: flagId, label: 'Self-harm risk', setByName: 'Ada Admin', reason: 'Cut marks seen at booking-in' }]);
    expect(await site.call('flags.end', { flagId, reason: '' }, token)).toMatchObject({ ok: false, error: { code: 'invalid_input', path: 'reason' } });
    await site.ok('flags.end', { flagId, reason: 'Reviewed by mental health team: no current risk' }, token);
    expect((await site.ok('patients.get', { personId }, token)).activeFlags).toEqual([]);
    const { flags } = await site.ok('flags.list', { personId, includeEnded: true }, token);
    expect(flags).toMatchObject([{ endedByName: 'Ada Admin', endReason: 'Reviewed by mental health team: no current risk' }]);
    expect(await site.call('flags.end', { flagId, reason: 'again' }, token)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('tasks', () => {
  it('lists open tasks by due date and closes one with an outcome', async () => {
    const insert = site.app.store.raw.prepare(
      `INSERT INTO tasks (id, person_id, kind, title, due_at, site_code, status, created_at, created_by) VALUES (?, ?, 'x', ?, ?, 'DEMO01', 'open', 'now', 'u')`,
    );
    insert.run('01900000-0000-7000-8000-000000000002', personId, 'Later', '2026-12-01T00:00:00Z');
    insert.run('01900000-0000-7000-8000-000000000001', personId, 'Sooner', '2026-11-25T00:00:00Z');
    const { tasks } = await site.ok('tasks.list', { personId: null }, token);
    expect(tasks.map((t) => t.title)).toEqual(['Sooner', 'Later']);
    expect(tasks[0]?.person?.familyName).toBe('Green');
    await site.ok('tasks.close', { taskId: '01900000-0000-7000-8000-000000000001', outcome: 'done', note: 'Seen' }, token);
    expect((await site.ok('tasks.list', { personId, status: 'open' }, token)).tasks.map((t) => t.title)).toEqual(['Later']);
  });
});
