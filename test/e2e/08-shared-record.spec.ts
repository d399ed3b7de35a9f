// The record follows the person, in the browser: a central on loopback (mutual TLS, certificates
// made now), a custody suite and a prison each on their own browser host with sync on. The prison
// nurse looks up a detainee by NHS number with a purpose, sees what was shared and what was not,
// opens the record and reads the custody suite's flag marked as theirs and its detention still open
// there; the status area says when the site last synced; two sites' edits of one flag make a
// conflict that the nurse resolves; a referral, an awaited letter, a consent decision and a COWS made
// at the custody suite show on the prison's open record under the suite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { runAdminCommand } from '../../central/admin/commands';
import { startCentral, type Central } from '../../central/app/start-central';
import { SiteCredentialStore } from '../../main/keys/site-credentials';
import { ownerOnlyFile } from '../../main/keys/secret-file';
import { openAgreement } from '../integration/central-support/harness';
import { siteKeyAndCsr } from '../integration/central-support/pki';
import { templateRegistry } from '../../domain/templates/library';
import { completeAnswers } from '../support/complete-answers';
import { ADMIN, banner, ensureAdmin, openApp, rpc, signIn } from './support/app';
import { setupSession, type SetupSession } from './support/access';
import { startOwnHost, type OwnHost } from './support/own-host';
import { snapshot } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

const NHS = '9434765919';
let central: Central;
let centralDir: string;
const hosts: { host: OwnHost; dataDir: string }[] = [];
let custody: OwnHost;
let prison: OwnHost;
let custodyContext: BrowserContext;
let custodySetup: SetupSession;
let prisonContext: BrowserContext;
let prisonPage: Page;
let prisonSetup: SetupSession;
let personId: string;

async function siteHost(code: string, orgType: 'custody_healthcare' | 'prison_healthcare', siteType: 'custody' | 'prison'): Promise<OwnHost> {
  const { keyPem, csrPem } = await siteKeyAndCsr(code);
  const admin = { store: central.store, ca: central.ca, now: () => new Date(), afterIdentityChange: () => central.server.identities.clear() };
  const issued = (await runAdminCommand(admin, { command: 'site.register', csrPem, code, orgType, name: `${code} e2e site`, days: 30 })) as { certificatePem: string; caPem: string };
  const dataDir = mkdtempSync(join(tmpdir(), 'sonar-e2e-sync-'));
  const config = { schemaVersion: 1, siteCode: code, siteName: `${code} e2e`, siteType, demo: true, idleLockMinutes: 5, syncEnabled: true, centralUrl: central.url, caBundle: issued.caPem };
  writeFileSync(join(dataDir, 'sonar.config.json'), JSON.stringify(config, null, 2), { mode: 0o600 });
  // As site IT's provisioning leaves it: the site's key (made on this PC) with its signed certificate.
  const credentials = new SiteCredentialStore(dataDir, ownerOnlyFile);
  credentials.savePending({ keyPem, csrPem, createdAt: new Date().toISOString() });
  credentials.activate(issued.certificatePem);
  const host = await startOwnHost(dataDir);
  hosts.push({ host, dataDir });
  return host;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  centralDir = mkdtempSync(join(tmpdir(), 'sonar-e2e-central-'));
  central = await startCentral({ dataDir: centralDir, databaseUrl: null, host: '127.0.0.1', port: 0, serverNames: ['localhost', '127.0.0.1'], crlPollMs: 1000, poolSize: 2 });
  await runAdminCommand(
    { store: central.store, ca: central.ca, now: () => new Date() },
    { command: 'agreement.load', source: 'e2e', content: [openAgreement('DSA-E2E-CP', ['custody_healthcare'], ['prison_healthcare']), openAgreement('DSA-E2E-PC', ['prison_healthcare'], ['custody_healthcare'])] },
  );
  custody = await siteHost('CUSTX1', 'custody_healthcare', 'custody');
  prison = await siteHost('PRISX1', 'prison_healthcare', 'prison');

  ({ context: custodyContext } = await openApp(browser, undefined, custody.launchUrl));
  await ensureAdmin(custodyContext, custody.origin);
  custodySetup = await setupSession(custodyContext, custody.origin);
  ({ context: prisonContext, page: prisonPage } = await openApp(browser, undefined, prison.launchUrl));
  await ensureAdmin(prisonContext, prison.origin, 'prison_nurse');
  prisonSetup = await setupSession(prisonContext, prison.origin);
  await prisonPage.reload();
  await signIn(prisonPage, ADMIN.username, ADMIN.password);
});

test.afterAll(async () => {
  await custodyContext?.close();
  await prisonContext?.close();
  for (const { host, dataDir } of hosts) {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await central?.close();
  if (centralDir) rmSync(centralDir, { recursive: true, force: true });
});

test('the status area shows sync at work on every screen', async () => {
  const registered = await rpc(custodyContext, 'patients.register', { familyName: 'Adeyemi', givenNames: 'Kofi', title: null, birthDate: '1985-02-11', sex: 'male', nhsNumber: NHS }, custodySetup.token, custody.origin);
  expect(registered.ok).toBe(true);
  if (!registered.ok) return;
  personId = registered.value.personId;
  await rpc(custodyContext, 'stays.start', { personId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), arrivalReason: 'Arrested' }, custodySetup.token, custody.origin);
  const flag = await rpc(custodyContext, 'flags.raise', { personId, code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'high', reason: 'Fitted in the van', partnerAdvice: null }, custodySetup.token, custody.origin);
  expect(flag.ok).toBe(true);
  const synced = await rpc(custodyContext, 'sync.now', {}, custodySetup.token, custody.origin);
  expect(synced).toMatchObject({ ok: true, value: { problem: null } });
  await expect(prisonPage.getByTestId('sync-status')).toContainText(/Synced|Not synced yet/);
});

test('reception looks up the detainee by NHS number with a purpose; the record opens with the custody suite\'s flag marked as theirs', async () => {
  await prisonPage.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Shared record' }).click();
  await expect(prisonPage.getByLabel('NHS number')).toBeFocused();
  await prisonPage.getByRole('button', { name: 'Look up' }).click();
  await expect(prisonPage.locator('.nhsuk-error-summary')).toContainText('Enter the NHS number');
  await prisonPage.getByLabel('NHS number').fill('943 476 5919');
  await prisonPage.getByLabel('Purpose').selectOption({ label: 'Direct care' });
  await prisonPage.getByRole('button', { name: 'Look up' }).click();
  const person = prisonPage.getByTestId('lookup-person');
  await expect(person).toContainText('ADEYEMI');
  await expect(person.getByTestId('lookup-decision')).toContainText('CUSTX1: Shared');
  await person.getByRole('button', { name: /Open the record/ }).click();
  const flag = banner(prisonPage).getByTestId('banner-flag').filter({ hasText: 'Seizure risk' });
  await expect(flag).toContainText('at CUSTX1');
  await expect(flag).toContainText('Fitted in the van');
  // The detention at the custody suite is still open there: the prison nurse sees where the person is held.
  const openElsewhere = prisonPage.getByTestId('open-stays-elsewhere');
  await expect(openElsewhere).toContainText('Custody detention at CUSTX1');
  await expect(openElsewhere).toContainText('still open there (Arrested)');
  await expect(prisonPage.getByTestId('identifiers')).toContainText('(recorded at CUSTX1)');
});

test('a flag raised later at the custody suite appears on the open record without anyone asking', async () => {
  await rpc(custodyContext, 'flags.raise', { personId, code: 'SELF_HARM_RISK', label: 'Self-harm or suicide risk', severity: 'severe', reason: 'Said he would end it tonight', partnerAdvice: null }, custodySetup.token, custody.origin);
  await expect(banner(prisonPage).getByTestId('banner-flag').filter({ hasText: 'Self-harm' })).toContainText('Said he would end it tonight', { timeout: 20_000 });
});

test('two sites editing the seizure flag at once make a conflict; the nurse reads both values and resolves it', async () => {
  const flags = await rpc(custodyContext, 'flags.list', { personId, includeEnded: false }, custodySetup.token, custody.origin);
  const prisonFlags = await rpc(prisonContext, 'flags.list', { personId, includeEnded: false }, prisonSetup.token, prison.origin);
  if (!flags.ok || !prisonFlags.ok) throw new Error('flags.list failed');
  const atCustody = flags.value.flags.find((f) => f.code === 'SEIZURE_RISK')!;
  const atPrison = prisonFlags.value.flags.find((f) => f.code === 'SEIZURE_RISK')!;
  await Promise.all([
    rpc(custodyContext, 'flags.update', { flagId: atCustody.id, baseVersion: atCustody.version, severity: 'severe', reason: 'Second fit at 02:10', partnerAdvice: null }, custodySetup.token, custody.origin),
    rpc(prisonContext, 'flags.update', { flagId: atPrison.id, baseVersion: atPrison.version, severity: 'moderate', reason: 'No fit since arrival', partnerAdvice: null }, prisonSetup.token, prison.origin),
  ]);
  const section = prisonPage.getByTestId('conflicts-section');
  await expect(section).toBeVisible({ timeout: 30_000 });
  const sides = section.getByTestId('conflict-side');
  await expect(sides).toHaveCount(2);
  await expect(section).toContainText('Second fit at 02:10');
  await expect(section).toContainText('No fit since arrival');
  await section.getByRole('button', { name: 'Resolve the conflict' }).click();
  await expect(section.locator('.nhsuk-error-summary')).toContainText('Choose which value stands');
  await sides.filter({ hasText: 'Second fit at 02:10' }).click();
  await section.getByLabel('Why this value stands').fill('Custody saw the second fit');
  await section.getByRole('button', { name: 'Resolve the conflict' }).click();
  await expect(prisonPage.getByTestId('conflict-done')).toContainText('Conflict resolved');
  await expect(banner(prisonPage).getByTestId('banner-flag').filter({ hasText: 'Seizure risk' })).toContainText('Second fit at 02:10');
});

test("a referral to the substance misuse team made at the custody suite shows in the prison's substance misuse section, under the custody suite", async () => {
  const made = await rpc(
    custodyContext,
    'referrals.make',
    { personId, toService: 'substance_misuse', source: 'reception', urgency: 'urgent', reason: 'Heroin daily, last used this morning', substances: ['opioids'] },
    custodySetup.token,
    custody.origin,
  );
  expect(made.ok).toBe(true);
  const elsewhere = prisonPage.getByTestId('sms-elsewhere');
  await expect(elsewhere).toBeVisible({ timeout: 20_000 });
  const fromCustody = elsewhere.getByTestId('sms-elsewhere-site');
  await expect(fromCustody).toHaveAttribute('data-site', 'CUSTX1');
  await expect(fromCustody).toContainText('Recorded at CUSTX1');
  await expect(fromCustody).toContainText('Waiting for a decision');
  await elsewhere.scrollIntoViewIfNeeded();
  await snapshot(prisonPage, '08-substance-misuse-at-other-sites');
  // The record's referrals list shows it too, as it arrived, marked with where it was made.
  await expect(prisonPage.getByTestId('referrals-section').getByTestId('referral').filter({ hasText: 'Substance misuse service' })).toContainText('at CUSTX1');
  // The prison's own panels stay its own: nothing of the custody suite's is offered for action here.
  await expect(prisonPage.getByTestId('sms-referrals')).toContainText('No referral to the substance misuse team.');
});

test("a letter the custody suite awaits shows on the prison's open record under the suite, read only", async () => {
  const made = await rpc(
    custodyContext,
    'tasks.create',
    { personId, kind: 'hospital-letter', title: 'A&E discharge letter', detail: 'Seen at St James after the fit', dueOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10), dueAt: null, team: null, assigneeId: null },
    custodySetup.token,
    custody.origin,
  );
  expect(made.ok).toBe(true);
  const elsewhere = prisonPage.getByTestId('tasks-elsewhere');
  await expect(elsewhere).toBeVisible({ timeout: 20_000 });
  const letter = elsewhere.getByTestId('task-elsewhere').filter({ hasText: 'A&E discharge letter' });
  await expect(letter).toContainText('at CUSTX1');
  await expect(letter).toContainText('Seen at St James after the fit');
  await expect(letter.getByRole('button')).toHaveCount(0);
  await snapshot(prisonPage, '08-tasks-at-other-sites');
});

test("a consent decision recorded at the custody suite shows on the prison's open record, saying where", async () => {
  const today = new Date().toISOString().slice(0, 10);
  const recorded = await rpc(
    custodyContext,
    'consent.record',
    { personId, decision: 'share', categories: ['mental_health'], legalBasis: 'direct_care', decidedOn: today, notes: 'Agrees his mental health team is told' },
    custodySetup.token,
    custody.origin,
  );
  expect(recorded.ok).toBe(true);
  const decision = prisonPage.getByTestId('consent-section').getByTestId('consent-decision').filter({ hasText: 'Agrees his mental health team is told' });
  await expect(decision).toContainText('at CUSTX1', { timeout: 20_000 });
});

test("a COWS scored at the custody suite is listed at the prison with its score, marked as the suite's", async () => {
  const cows = templateRegistry.latest('cows')!;
  const saved = await rpc(custodyContext, 'forms.save', { personId, templateId: 'cows', templateVersion: cows.version, answers: completeAnswers(cows, 7, new Date().toISOString()) }, custodySetup.token, custody.origin);
  expect(saved.ok).toBe(true);
  const entry = prisonPage.getByTestId('recent-entry').filter({ hasText: 'COWS' }).first();
  await expect(entry).toContainText('at CUSTX1', { timeout: 20_000 });
  await expect(entry).toContainText(/of 48/);
});
