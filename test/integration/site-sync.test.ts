// Two site apps and one central over real mutual TLS on loopback (certificates made at test time):
// the record follows the person. A person registered and assessed at custody site A is found by NHS
// number at prison site B, which sees A's flags and COWS scores marked as A's; a later flag at A
// reaches B without B asking; dissent and a missing agreement block with the reason; two sites'
// edits of one flag from the same version make a conflict task at both, resolved once for both.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateRegistry } from '../../domain/templates/library';
import { fastestBackend } from './central-support/backends';
import { openAgreement, startTestCentral, type TestCentral } from './central-support/harness';
import { stopAll, syncedSite, until } from './central-support/sync-sites';
import { signedInAdmin, startTempSite, type TempSite } from '../support/temp-site';

const NHS = '9434765919';
let t: TestCentral;
let custody: TempSite;
let prison: TempSite;
let custodyToken: string;
let prisonToken: string;
let personId: string;

const cows = (pulse: number, s: number[]) =>
  Object.fromEntries([['pulse', pulse], ...['sweating', 'restlessness', 'pupil-size', 'bone-joint-aches', 'runny-nose-tearing', 'gi-upset', 'tremor', 'yawning', 'anxiety-irritability', 'gooseflesh'].map((id, i) => [id, String(s[i])])]);

beforeAll(async () => {
  t = await startTestCentral(fastestBackend());
  await t.loadAgreements([openAgreement('DSA-CUSTODY-PRISON', ['custody_healthcare'], ['prison_healthcare']), openAgreement('DSA-PRISON-CUSTODY', ['prison_healthcare'], ['custody_healthcare'])]);
  custody = await syncedSite(t, 'CUST01', 'custody_healthcare', 'custody');
  prison = await syncedSite(t, 'PRIS01', 'prison_healthcare', 'prison');
  custodyToken = await signedInAdmin(custody);
  prisonToken = await signedInAdmin(prison);
}, 180_000);
afterAll(() => stopAll(t, custody, prison));


describe('the record follows the person between sites', () => {
  it('shows sync status in words at each site', async () => {
    const status = await custody.ok('sync.status', {}, custodyToken);
    expect(status).toMatchObject({ mode: 'on', message: null });
  });

  it('a person assessed at custody site A is found by NHS number at prison B, with A\'s flags and scores marked as A\'s', async () => {
    ({ personId } = await custody.ok('patients.register', { familyName: 'Quinn', givenNames: 'Rory', title: null, birthDate: '1990-06-01', sex: 'male', nhsNumber: NHS }, custodyToken));
    await custody.ok('stays.start', { personId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), arrivalReason: 'Arrested' }, custodyToken);
    await custody.ok('forms.save', { personId, templateId: 'cows', templateVersion: templateRegistry.latest('cows')!.version, answers: cows(110, [3, 3, 2, 2, 2, 2, 2, 4, 2, 0]) as never }, custodyToken);
    const pushed = await custody.ok('sync.now', {}, custodyToken);
    expect(pushed.problem).toBeNull();
    expect((await custody.ok('sync.status', {}, custodyToken)).waitingToSend).toBe(0);

    const found = await prison.ok('sync.lookup', { identifierType: 'nhs_number', value: '943 476 5919', purpose: 'direct_care' }, prisonToken);
    expect(found.people).toHaveLength(1);
    expect(found.people[0]).toMatchObject({ personId, person: { familyName: 'Quinn' }, decisions: [{ originSite: 'CUST01', outcome: 'permit' }] });
    const record = await prison.ok('patients.get', { personId }, prisonToken);
    expect(record.activeFlags).toMatchObject([{ code: 'OPIATE_WITHDRAWAL', originSite: 'CUST01' }]);
    const { responses } = await prison.ok('forms.list', { personId, templateId: 'cows' }, prisonToken);
    expect(responses).toMatchObject([{ originSite: 'CUST01', scores: [{ value: 24 }] }]);
    // The lookup is the prison's legitimate relationship, named on its audit rows.
    const audit = prison.app.store.raw.prepare("SELECT detail FROM audit_events WHERE channel = 'patients.get' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit).access.rule).toMatch(/^looked up at reception for direct care/);
  }, 60_000);

  it('a later flag at A reaches B without B asking', async () => {
    await custody.ok('flags.raise', { personId, code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'high', reason: 'Fitted in the cell', partnerAdvice: null }, custodyToken);
    const flag = await until('the seizure flag at the prison', () => prison.app.store.reads.flags.activeWithCode(personId, 'SEIZURE_RISK'));
    expect(flag).toMatchObject({ originSite: 'CUST01', reason: 'Fitted in the cell' });
  }, 30_000);

  it('two sites updating one flag from the same version make a conflict task at both; the resolution reaches both', async () => {
    const atCustody = custody.app.store.reads.flags.activeWithCode(personId, 'SEIZURE_RISK')!;
    const atPrison = prison.app.store.reads.flags.activeWithCode(personId, 'SEIZURE_RISK')!;
    expect(atPrison.version).toBe(atCustody.version);
    // Both edit before either hears of the other (the prison's engine is paused meanwhile).
    await prison.app.sync.engine!.stop();
    await custody.ok('flags.update', { flagId: atCustody.id, baseVersion: atCustody.version, severity: 'severe', reason: 'Two fits in an hour', partnerAdvice: null }, custodyToken);
    await custody.ok('sync.now', {}, custodyToken);
    await prison.ok('flags.update', { flagId: atPrison.id, baseVersion: atPrison.version, severity: 'high', reason: 'No fit since arrival', partnerAdvice: null }, prisonToken);
    prison.app.sync.engine!.start();
    await prison.app.sync.engine!.syncNow();
    await prison.app.sync.engine!.syncNow();
    const prisonConflicts = await until('the conflict at the prison', async () => (await prison.ok('sync.conflicts', { personId }, prisonToken)).conflicts.at(0));
    expect(prisonConflicts.sides.map((s) => s.originSite).sort()).toEqual(['CUST01', 'PRIS01']);
    expect(prisonConflicts.sides.map((s) => s.value).join(' | ')).toMatch(/Two fits in an hour.*No fit since arrival|No fit since arrival.*Two fits in an hour/);
    const custodyConflict = await until('the conflict at custody', async () => {
      await custody.app.sync.engine!.syncNow();
      return (await custody.ok('sync.conflicts', { personId }, custodyToken)).conflicts.at(0);
    });
    expect(custodyConflict.id).toBe(prisonConflicts.id);
    const task = (await prison.ok('tasks.list', { personId, status: 'open' }, prisonToken)).tasks.find((t) => t.kind === 'sync_conflict');
    expect(task?.title).toMatch(/Conflicting changes to a flag/);

    const kept = prisonConflicts.sides.find((s) => s.originSite === 'CUST01')!;
    await prison.ok('sync.resolveConflict', { personId, conflictId: prisonConflicts.id, keptEventId: kept.eventId, note: 'Custody saw the fits' }, prisonToken);
    expect(prison.app.store.reads.flags.get(atPrison.id)).toMatchObject({ severity: 'severe', reason: 'Two fits in an hour' });
    await prison.ok('sync.now', {}, prisonToken);
    await until('the resolution at custody', async () => {
      await custody.app.sync.engine!.syncNow();
      return (await custody.ok('sync.conflicts', { personId }, custodyToken)).conflicts.length === 0;
    });
    expect(custody.app.store.reads.flags.get(atCustody.id)).toMatchObject({ severity: 'severe', reason: 'Two fits in an hour' });
    const custodyTask = (await custody.ok('tasks.list', { personId, status: 'all' }, custodyToken)).tasks.find((t) => t.kind === 'sync_conflict');
    expect(custodyTask?.status).toBe('done');
  }, 90_000);

  it('a recorded dissent blocks sharing of that category with the reason named', async () => {
    await custody.ok('consent.record', { personId, decision: 'do_not_share', categories: ['substance_use'], legalBasis: 'direct_care', decidedOn: new Date().toISOString().slice(0, 10), notes: null }, custodyToken);
    await custody.ok('sync.now', {}, custodyToken);
    const again = await prison.ok('sync.lookup', { identifierType: 'nhs_number', value: NHS, purpose: 'direct_care' }, prisonToken);
    const decision = again.people[0]!.decisions.find((d) => d.originSite === 'CUST01')!;
    expect(decision.outcome).toBe('permit_with_redactions');
    expect(decision.withheld).toEqual([expect.objectContaining({ category: 'substance_use', rule: expect.stringMatching(/declined/) })]);
  }, 60_000);

  it('a site with no data-sharing agreement is refused, with the reason named', async () => {
    const creds = await t.register('COMM01', 'community_substance_misuse');
    const community = await startTempSite({
      settings: { siteCode: 'COMM01', siteName: 'Community service', siteType: 'community', syncEnabled: true, centralUrl: t.url, caBundle: creds.caPem },
      app: { siteCredentials: { active: () => ({ keyPem: creds.keyPem, certPem: creds.certPem }) }, startSync: false },
    });
    try {
      const token = await signedInAdmin(community);
      const answer = await community.ok('sync.lookup', { identifierType: 'nhs_number', value: NHS, purpose: 'direct_care' }, token);
      const decision = answer.people[0]?.decisions.find((d) => d.originSite === 'CUST01');
      expect(decision).toMatchObject({ outcome: 'deny', rule: expect.stringMatching(/no data-sharing agreement/) });
      expect(community.app.store.reads.persons.get(personId)).toBeNull();
    } finally {
      await community.app.shutdown();
      community.cleanup();
    }
  }, 60_000);

  it('withdrawn permission removes what the prison no longer has a basis to hold, and nothing else', async () => {
    const forms = () => prison.app.store.raw.prepare("SELECT count(*) FROM form_responses WHERE person_id = ? AND template_id = 'cows'").pluck().get(personId) as number;
    await until('the COWS to leave the prison', async () => {
      await prison.app.sync.engine!.syncNow();
      return forms() === 0;
    });
    expect(prison.app.store.reads.flags.activeWithCode(personId, 'SEIZURE_RISK')).not.toBeNull();
    expect(prison.app.store.reads.persons.get(personId)?.familyName).toBe('Quinn');
    // The received substance-use events left the prison's log too; its own events stayed.
    const left = prison.app.store.raw.prepare("SELECT count(*) FROM event_log WHERE person_id = ? AND source = 'sync' AND sensitivity = 'substance_use'").pluck().get(personId);
    expect(left).toBe(0);
  }, 60_000);
});
