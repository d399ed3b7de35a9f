// A team manager at a prison runs the patient outcomes report and sees TOP change between start and
// review as a chart (start and latest review side by side, each value written on its bar) with the
// numbers in the table; narrowed to one keyworker, the chart and table are about that worker's
// caseload only. Two people, each with a start TOP and a review TOP on the same day:
// Ames (opiates 23 -> 2 days, psychological health 6 -> 12; on Kit's caseload) and
// Bell (opiates 23 -> 23, psychological health 6 -> 8).
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { workedTop } from '../support/top-answers';
import { ensureAdmin, rpc } from './support/app';
import { createStaff, firstSignIn, registerPerson, setupSession, type SetupSession } from './support/access';
import { newDataDir, removeDataDir, startOwnHost, type OwnHost } from './support/own-host';

test.describe.configure({ mode: 'serial' });

const NOW = '2027-05-12T09:00:00.000Z';
const MANAGER = { fullName: 'Oona Pryce', username: 'oona.pryce', temporary: 'Temporary pass 2027', own: 'outcomes matter more than outputs' } as const;
const KIT = { fullName: 'Kit Ambrose', username: 'kit.ambrose', temporary: 'Temporary pass 2027', own: 'keyworker long password 9' } as const;

let dataDir = '';
let host: OwnHost | null = null;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function ok<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function personWithTops(admin: SetupSession, kit: SetupSession, familyName: string, review: Record<string, unknown>): Promise<string> {
  const personId = await registerPerson(admin, { familyName, givenNames: 'Outcomefixture', birthDate: '1986-02-14', sex: 'female' });
  await ok(rpc(context, 'stays.start', { personId, arrivedAt: '2027-05-11T15:00:00Z', arrivalReason: 'Remanded' }, admin.token, admin.origin));
  const save = (answers: Record<string, unknown>) =>
    ok(rpc(context, 'forms.save', { personId, templateId: 'top-secure', templateVersion: 1, answers: Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as never }, kit.token, kit.origin));
  await save(workedTop({ 'interview-date': '2027-05-12' }));
  await save(workedTop({ stage: 'review', 'interview-date': '2027-05-12', 'recall-period': 'last-4-weeks', ...review }));
  return personId;
}

test.beforeAll(async ({ browser }) => {
  dataDir = newDataDir({ schemaVersion: 1, siteCode: 'OUTE2E', siteName: 'HMP Outcomes', siteType: 'prison', demo: true, idleLockMinutes: 30 });
  host = await startOwnHost(dataDir, NOW);
  context = await browser.newContext({ timezoneId: 'Europe/London' });
  await context.request.get(host.launchUrl);
  await ensureAdmin(context, host.origin, 'prison_nurse');
  const admin = await setupSession(context, host.origin);
  const kitId = await createStaff(admin, KIT.fullName, KIT.username, ['sms_clinical'], KIT.temporary);
  const first = await ok(rpc(context, 'auth.signIn', { username: KIT.username, password: KIT.temporary }, undefined, host.origin));
  await ok(rpc(context, 'auth.changePassword', { currentPassword: KIT.temporary, newPassword: KIT.own }, first.token, host.origin));
  const kit = await setupSession(context, host.origin, KIT.username, KIT.own);
  const ames = await personWithTops(admin, kit, 'Ames', {
    'opioids-week-1': 1,
    'opioids-week-2': 1,
    'opioids-week-3': 0,
    'opioids-week-4': 0,
    'crack-week-4': 0,
    'crack-amount': undefined,
    'injecting-days': 1,
    'psychological-health': 12,
  });
  await personWithTops(admin, kit, 'Bell', { 'psychological-health': 8 });
  await ok(rpc(context, 'caseload.assign', { personId: ames, kind: 'clinical', workerId: kitId, reason: '', referralId: null }, kit.token, kit.origin));
  await createStaff(admin, MANAGER.fullName, MANAGER.username, ['team_manager'], MANAGER.temporary);
  page = await context.newPage();
  await page.clock.setFixedTime(new Date(NOW));
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  await page.goto(host.launchUrl);
  await expect(page.locator('main')).not.toHaveAttribute('data-route', 'starting');
  await firstSignIn(page, MANAGER.username, MANAGER.temporary, MANAGER.own);
});

test.afterAll(async () => {
  await context?.close();
  await host?.stop();
  if (dataDir) removeDataDir(dataDir);
});

async function run(worker: string | null): Promise<void> {
  await page.getByLabel('Report').selectOption({ label: 'Patient outcomes' });
  for (const name of ['Start date', 'End date']) {
    const group = page.getByRole('group', { name });
    for (const [part, value] of [['Day', '12'], ['Month', '5'], ['Year', '2027']] as const) await group.getByLabel(part).fill(value);
  }
  await page.getByLabel('Staff member').selectOption({ label: worker ?? 'Everyone' });
  await page.getByRole('button', { name: 'Run report' }).click();
  await expect(page.getByTestId('report-result')).toBeVisible();
}

test('the outcomes report charts TOP at start and at the latest review, with the numbers in the table', async () => {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports' }).click();
  await run(null);
  const section = page.getByTestId('report-section-top-change');
  await expect(section.getByTestId('figure-top-change-reviewed')).toHaveText('2');
  const chart = section.getByTestId('report-chart');
  await expect(chart.locator('figcaption')).toHaveText('TOP at start and at the latest review (mean per measure)');
  await expect(chart.locator('svg .recharts-bar-rectangle path, svg .recharts-bar-rectangle rect').first()).toBeVisible();
  await expect(chart.locator('.recharts-legend-item-text')).toHaveText(['At latest review', 'At start']);
  // Opiates 23 at start and 12.5 at review, psychological health 6 and 10, written on the bars.
  const labels = chart.locator('svg .recharts-label-list text');
  await expect(labels.filter({ hasText: /^12\.5$/ })).toHaveCount(1);
  await expect(labels.filter({ hasText: /^10$/ })).toHaveCount(1);
  const table = section.getByTestId('report-table');
  await expect(table.getByRole('row', { name: /Opiates \(illicit\): days used/ })).toContainText('-10.5');
  await expect(table.getByRole('row', { name: /Psychological health/ })).toContainText('4.0');
});

test('narrowed to one keyworker, the chart and table are about their caseload', async () => {
  await run(KIT.fullName);
  const section = page.getByTestId('report-section-top-change');
  await expect(section.getByTestId('figure-top-change-reviewed')).toHaveText('1');
  const table = section.getByTestId('report-table');
  await expect(table.getByRole('row', { name: /Opiates \(illicit\): days used/ })).toContainText('-21.0');
  const labels = section.getByTestId('report-chart').locator('svg .recharts-label-list text');
  await expect(labels.filter({ hasText: /^12\.5$/ })).toHaveCount(0);
  await expect(labels.filter({ hasText: /^12$/ })).toHaveCount(1);
  expect(pageErrors).toEqual([]);
});
