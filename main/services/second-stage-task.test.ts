// The second-stage health assessment completes the 7-day task the reception screen set (NICE QS156
// statement 2). If that assessment is then entered in error the requirement is not met: the task
// must be open again, with its original deadline, and a new assessment must complete it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SECOND_STAGE_TASK } from '../../domain/templates/library/reception-rules-v2';
import { fixtureSite, type FixtureSite } from '../../test/support/report-fixture';

let f: FixtureSite;
beforeEach(async () => {
  f = await fixtureSite('prison', 'prison_nurse');
});
afterEach(() => f.site.cleanup());

async function sevenDayTasks(personId: string, at: string) {
  const token = await f.at(at);
  return (await f.site.ok('tasks.list', { personId, status: 'all' }, token)).tasks.filter((t) => t.kind === SECOND_STAGE_TASK);
}

describe('the 7-day second-stage task', () => {
  it('is open again, due when it always was, when the assessment that completed it is entered in error', async () => {
    const { personId } = await f.admit('Carter', 'Rob', '1985-03-13', '2026-11-04T09:00:00Z');
    await f.form(personId, 'prison-reception-screen', '2026-11-04T10:00:00Z', {});
    const [set] = await sevenDayTasks(personId, '2026-11-04T10:05:00Z');
    expect(set).toMatchObject({ status: 'open' });

    const assessment = await f.form(personId, 'prison-second-stage-assessment', '2026-11-06T09:00:00Z', {});
    const afterSave = await sevenDayTasks(personId, '2026-11-06T09:05:00Z');
    expect(afterSave).toEqual([expect.objectContaining({ id: set!.id, status: 'done' })]);

    const token = await f.at('2026-11-06T09:30:00Z');
    const marked = await f.site.ok('forms.markEnteredInError', { responseId: assessment, reason: 'Recorded against the wrong prisoner' }, token);
    expect(marked.tasksReopened).toEqual([set!.title]);

    const afterError = await sevenDayTasks(personId, '2026-11-06T09:35:00Z');
    const open = afterError.filter((t) => t.status === 'open');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ title: set!.title, dueAt: set!.dueAt, forRole: set!.forRole });
    expect(open[0]!.detail).toContain('entered in error: Recorded against the wrong prisoner');

    // The assessment done again completes the open task; nothing is left open.
    await f.form(personId, 'prison-second-stage-assessment', '2026-11-08T09:00:00Z', {});
    const afterRedo = await sevenDayTasks(personId, '2026-11-08T09:05:00Z');
    expect(afterRedo.filter((t) => t.status === 'open')).toEqual([]);
    expect(afterRedo.find((t) => t.id === open[0]!.id)).toMatchObject({ status: 'done' });
  });

  it('stays as it is when an assessment that completed no task is entered in error, or the task was closed by hand', async () => {
    const { personId } = await f.admit('Fisher', 'Rob', '1985-06-16', '2026-11-06T09:00:00Z');
    await f.form(personId, 'prison-reception-screen', '2026-11-06T10:05:00Z', {});
    const [set] = await sevenDayTasks(personId, '2026-11-06T10:10:00Z');
    const token = await f.at('2026-11-07T09:00:00Z');
    await f.site.ok('tasks.close', { taskId: set!.id, outcome: 'done', note: 'Assessed on paper during the system outage' }, token);
    // Saved with no open task to complete, then entered in error: the task closed by hand stands.
    const assessment = await f.form(personId, 'prison-second-stage-assessment', '2026-11-08T09:00:00Z', {});
    const marked = await f.site.ok('forms.markEnteredInError', { responseId: assessment, reason: 'Duplicate entry' }, await f.at('2026-11-08T09:30:00Z'));
    expect(marked.tasksReopened).toEqual([]);
    expect(await sevenDayTasks(personId, '2026-11-08T09:35:00Z')).toEqual([expect.objectContaining({ id: set!.id, status: 'done' })]);
  });
});
