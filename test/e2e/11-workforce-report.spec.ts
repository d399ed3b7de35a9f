// A team manager runs the workforce planning report for one keyworker over the current month,
// sees its chart, and downloads the CSV and the PDF: the files carry the figures shown on screen,
// the PDF the report, site, period and staff member on every page.
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { META_FRAME_ANCESTORS, ensureAdmin, openApp, rpc } from './support/app';
import { createStaff, firstSignIn, registerPerson, setupSession } from './support/access';
import { pdfPages } from './support/pdf';

test.describe.configure({ mode: 'serial' });

const MANAGER = { fullName: 'Wren Castell', username: 'wren.castell', temporary: 'Temporary pass 2026', own: 'plans the rota every monday' } as const;
const KEYWORKER = { fullName: 'Kit Ambrose', username: 'kit.ambrose', temporary: 'Temporary pass 2026', own: 'keyworker long password 9' } as const;

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** Today in London, the report's first and last day. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const [year, month, day] = today.split('-').map(Number) as [number, number, number];

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openApp(browser, (p) => {
    p.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    p.on('console', (msg) => {
      if ((msg.type() === 'error' || msg.type() === 'warning') && msg.text() !== META_FRAME_ANCESTORS) pageErrors.push(`console ${msg.type()}: ${msg.text()}`);
    });
  }));
  await ensureAdmin(context);
  const admin = await setupSession(context);
  // The keyworker: created, past the forced password change, and given two people's clinical keywork.
  const keyworkerId = await createStaff(admin, KEYWORKER.fullName, KEYWORKER.username, ['sms_clinical'], KEYWORKER.temporary);
  const first = await rpc(context, 'auth.signIn', { username: KEYWORKER.username, password: KEYWORKER.temporary });
  if (!first.ok) throw new Error(first.error.message);
  const changed = await rpc(context, 'auth.changePassword', { currentPassword: KEYWORKER.temporary, newPassword: KEYWORKER.own }, first.value.token);
  if (!changed.ok) throw new Error(changed.error.message);
  const worker = await setupSession(context, undefined, KEYWORKER.username, KEYWORKER.own);
  for (const familyName of ['Workforcefixture', 'Workforcesecond']) {
    const personId = await registerPerson(admin, { familyName, givenNames: 'Keywork', birthDate: '1984-06-12', sex: 'male' });
    const started = await rpc(context, 'stays.start', { personId, arrivedAt: new Date(Date.now() - 3_600_000).toISOString(), arrivalReason: 'Arrested' }, admin.token);
    if (!started.ok) throw new Error(started.error.message);
    const assigned = await rpc(context, 'caseload.assign', { personId, kind: 'clinical', workerId: keyworkerId, reason: '', referralId: null }, worker.token);
    if (!assigned.ok) throw new Error(assigned.error.message);
  }
  await createStaff(admin, MANAGER.fullName, MANAGER.username, ['team_manager'], MANAGER.temporary);
  await page.reload();
  await firstSignIn(page, MANAGER.username, MANAGER.temporary, MANAGER.own);
});

test.afterAll(async () => {
  await context.close();
});

const fileBase = `workforce_DEMO01_${today}_${today}`;

test('a team manager opens the workforce report for one keyworker and sees the chart', async () => {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();
  await page.getByLabel('Report').selectOption({ label: 'Workforce planning' });
  for (const [group, values] of [
    [page.getByRole('group', { name: 'Start date' }), [day, month, year]],
    [page.getByRole('group', { name: 'End date' }), [day, month, year]],
  ] as const) {
    for (const [i, part] of (['Day', 'Month', 'Year'] as const).entries()) await group.getByLabel(part).fill(String(values[i]));
  }
  await page.getByLabel('Staff member').selectOption({ label: KEYWORKER.fullName });
  await expect(page.getByLabel('Team')).toHaveValue('');
  await page.getByRole('button', { name: 'Run report' }).click();

  await expect(page.getByTestId('report-result')).toBeVisible();
  await expect(page.getByTestId('figure-caseload-people')).toHaveText('2');
  await expect(page.getByTestId('figure-caseload-clinical')).toHaveText('2');
  await expect(page.getByTestId('figure-overdue-overdue')).toHaveText('0');
  const chart = page.getByTestId('report-chart').first();
  await expect(chart.locator('figcaption')).toHaveText('Caseload per worker');
  await expect(chart.locator('svg .recharts-bar-rectangle path, svg .recharts-bar-rectangle rect').first()).toBeVisible();
  const table = page.getByTestId('report-section-caseload').getByTestId('report-table');
  await expect(table.getByRole('row', { name: new RegExp(KEYWORKER.fullName) })).toContainText('2');
});

test('the CSV download carries the figures shown', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`${fileBase}.csv`);
  const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').map((l) => l.replace(/,+$/, ''));
  expect(lines).toContain('Report,Workforce planning');
  expect(lines).toContain(`Staff member,${KEYWORKER.fullName}`);
  expect(lines).toContain('People on a caseload,2');
  expect(lines).toContain(`${KEYWORKER.fullName},2,0,2`);
  await expect(page.getByTestId('report-export-status')).toHaveText(`Saved ${fileBase}.csv`);
});

test('the PDF download has the report, site, period and staff member on every page', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`${fileBase}.pdf`);
  const pages = await pdfPages(readFileSync(await download.path()));
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((text, i) => {
    expect(text).toContain('SONAR Workforce planning');
    expect(text).toContain('(DEMO01)');
    expect(text).toContain(`Staff member ${KEYWORKER.fullName}`);
    expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(text).toContain(`by ${MANAGER.fullName}`);
  });
  expect(pages.join(' ')).toContain('People on a caseload 2');
  expect(pageErrors).toEqual([]);
});
