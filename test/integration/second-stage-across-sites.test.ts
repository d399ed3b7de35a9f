// The 7-day second-stage task belongs to the prison whose reception set it. When the assessment that
// completed it is entered in error at another site (the prison the person moved to finds it was
// recorded against the wrong prisoner), the obligation is open again where it belongs: a new open
// task on the first prison's list, due when it always was, saying where and why; the second prison's
// own list gains nothing. Two prisons and one central over real mutual TLS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateRegistry } from '../../domain/templates/library';
import { SECOND_STAGE_TASK } from '../../domain/templates/library/reception-rules-v2';
import { completeAnswers } from '../support/complete-answers';
import { fastestBackend } from './central-support/backends';
import { openAgreement, startTestCentral, type TestCentral } from './central-support/harness';
import { stopAll, syncedSite, until } from './central-support/sync-sites';
import { signedInAdmin, type TempSite } from '../support/temp-site';

const NHS = '9434765919';
let t: TestCentral;
let prisonA: TempSite;
let prisonB: TempSite;
let adminA: string;
let adminB: string;

async function saveForm(site: TempSite, token: string, personId: string, templateId: string, seed: number): Promise<string> {
  const template = templateRegistry.latest(templateId)!;
  const answers = completeAnswers(template, seed, new Date().toISOString());
  return (await site.ok('forms.save', { personId, templateId, templateVersion: template.version, answers, observedAt: null }, token)).responseId;
}

async function sevenDayTasks(site: TempSite, token: string, personId: string) {
  return (await site.ok('tasks.list', { personId, status: 'all' }, token)).tasks.filter((task) => task.kind === SECOND_STAGE_TASK);
}

beforeAll(async () => {
  t = await startTestCentral(fastestBackend());
  await t.loadAgreements([openAgreement('DSA-PRISON-PRISON', ['prison_healthcare'], ['prison_healthcare'])]);
  prisonA = await syncedSite(t, 'PRISA2', 'prison_healthcare', 'prison');
  prisonB = await syncedSite(t, 'PRISB2', 'prison_healthcare', 'prison');
  adminA = await signedInAdmin(prisonA);
  adminB = await signedInAdmin(prisonB);
}, 180_000);
afterAll(() => stopAll(t, prisonA, prisonB));


describe('the 7-day second-stage task across prisons', () => {
  it('is open again at the prison that set it when its assessment is entered in error at the next prison', async () => {
    const { personId } = await prisonA.ok('patients.register', { familyName: 'Okafor', givenNames: 'Jude', title: null, birthDate: '1990-07-21', sex: 'male', nhsNumber: NHS }, adminA);
    await prisonA.ok('stays.start', { personId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), arrivalReason: 'Remanded' }, adminA);
    await saveForm(prisonA, adminA, personId, 'prison-reception-screen', 1);
    const [set] = await sevenDayTasks(prisonA, adminA, personId);
    expect(set).toMatchObject({ status: 'open' });
    const assessment = await saveForm(prisonA, adminA, personId, 'prison-second-stage-assessment', 2);
    expect(await sevenDayTasks(prisonA, adminA, personId)).toEqual([expect.objectContaining({ id: set!.id, status: 'done' })]);
    expect(await prisonA.ok('sync.now', {}, adminA)).toMatchObject({ refused: 0, problem: null });

    // The person moves to prison B, which holds A's record after the lookup.
    await prisonB.ok('sync.lookup', { identifierType: 'nhs_number', value: NHS, purpose: 'direct_care' }, adminB);
    await prisonB.ok('stays.start', { personId, arrivedAt: new Date().toISOString(), arrivalReason: 'Transfer from PRISA2' }, adminB);
    const marked = await prisonB.ok('forms.markEnteredInError', { responseId: assessment, reason: 'Recorded against the wrong prisoner' }, adminB);
    expect(marked.tasksReopened).toEqual([`${set!.title} (at PRISA2)`]);
    // B's own list gains no 7-day task: the obligation is A's.
    expect((await sevenDayTasks(prisonB, adminB, personId)).filter((task) => task.status === 'open')).toEqual([]);
    await prisonB.ok('sync.now', {}, adminB);

    const reopened = await until('the 7-day task to be open again at prison A', async () => {
      await prisonA.app.sync.engine!.syncNow();
      return (await sevenDayTasks(prisonA, adminA, personId)).find((task) => task.status === 'open');
    });
    expect(reopened).toMatchObject({ title: set!.title, dueAt: set!.dueAt });
    expect(reopened.id).not.toBe(set!.id);
    expect(reopened.detail).toContain('entered in error at PRISB2: Recorded against the wrong prisoner');

    // A's nurse repeats the assessment; it completes the open task and nothing is left open.
    await saveForm(prisonA, adminA, personId, 'prison-second-stage-assessment', 3);
    expect((await sevenDayTasks(prisonA, adminA, personId)).filter((task) => task.status === 'open')).toEqual([]);
  }, 90_000);
});
