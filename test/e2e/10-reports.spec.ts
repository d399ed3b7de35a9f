// A team manager runs the custody KPI report for March 2025 (a month no other spec touches), by
// keyboard, sees its progress and then the charts, and downloads the CSV and the PDF: the files
// carry the figures shown on screen, the PDF the report, site and period on every page.
import { readFileSync } from 'node:fs';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { templateRegistry } from '../../domain/templates/library';
import { completeAnswers } from '../support/complete-answers';
import { META_FRAME_ANCESTORS, ensureAdmin, openApp, rpc } from './support/app';
import { createStaff, firstSignIn, registerPerson, setupSession, type SetupSession } from './support/access';
import { pdfPages } from './support/pdf';

test.describe.configure({ mode: 'serial' });

const MANAGER = { fullName: 'Maya Reid', username: 'maya.reid', temporary: 'Temporary pass 2026', own: 'reports on the first of the month' } as const;

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

async function stay(s: SetupSession, familyName: string, birthDate: string, arrivedAt: string, exit: { at: string; reason: string; destination: string } | null, assess: boolean) {
  const personId = await registerPerson(s, { familyName, givenNames: 'Reportfixture', birthDate, sex: 'male' });
  const started = await rpc(s.context, 'stays.start', { personId, arrivedAt, arrivalReason: 'Arrested' }, s.token);
  if (!started.ok) throw new Error(started.error.message);
  if (assess) {
    const t = templateRegistry.latest('custody-hcp-assessment')!;
    const answers = completeAnswers(t, 8, new Date().toISOString(), { 'fit-to-detain': 'fit', 'observation-level': '3', rousing: '30', intoxicated: true });
    const saved = await rpc(s.context, 'forms.save', { personId, templateId: t.id, templateVersion: t.version, answers, observedAt: null }, s.token);
    if (!saved.ok) throw new Error(saved.error.message);
  }
  const end = exit ?? { at: new Date().toISOString(), reason: 'Released without charge', destination: 'Home address' };
  const ended = await rpc(s.context, 'stays.end', { stayId: started.value.stayId, exitedAt: end.at, exitReason: end.reason, exitDestination: end.destination }, s.token);
  if (!ended.ok) throw new Error(ended.error.message);
}

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openApp(browser, (p) => {
    p.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    p.on('console', (msg) => {
      if ((msg.type() === 'error' || msg.type() === 'warning') && msg.text() !== META_FRAME_ANCESTORS) pageErrors.push(`console ${msg.type()}: ${msg.text()}`);
    });
  }));
  await ensureAdmin(context);
  const admin = await setupSession(context);
  // March 2025: one detention assessed (only now: 8 hours or more), one transferred to hospital, one released.
  await stay(admin, 'Quennell', '1971-02-03', '2025-03-10T10:00:00Z', null, true);
  await stay(admin, 'Ystradgynlais', '1983-07-19', '2025-03-12T09:00:00Z', { at: '2025-03-12T13:00:00Z', reason: 'Transferred to hospital', destination: 'Royal Infirmary' }, false);
  await stay(admin, 'Zabrowski', '1999-11-28', '2025-03-20T18:00:00Z', { at: '2025-03-21T08:00:00Z', reason: 'Released on bail', destination: 'Home address' }, false);
  await createStaff(admin, MANAGER.fullName, MANAGER.username, ['team_manager'], MANAGER.temporary);
  await page.reload();
  await firstSignIn(page, MANAGER.username, MANAGER.temporary, MANAGER.own);
});

test.afterAll(async () => {
  await context.close();
});

test('a team manager runs the custody KPI report by keyboard and sees its charts and tables', async () => {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();
  await expect(page.getByLabel('Report')).toHaveValue('custody-kpis');
  const start = page.getByRole('group', { name: 'Start date' });
  const end = page.getByRole('group', { name: 'End date' });
  // Keyboard only: tab from the report choice through the date boxes, type, and press Enter.
  await page.getByLabel('Report').focus();
  for (const [group, values] of [
    [start, ['1', '3', '2025']],
    [end, ['31', '3', '2025']],
  ] as const) {
    for (const [i, part] of (['Day', 'Month', 'Year'] as const).entries()) {
      await page.keyboard.press('Tab');
      await expect(group.getByLabel(part)).toBeFocused();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(values[i]!);
    }
  }
  await page.keyboard.press('Enter');

  const result = page.getByTestId('report-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('report-period')).toHaveText('01-Mar-2025 to 31-Mar-2025');
  await expect(page.getByTestId('figure-first-assessment-stays')).toHaveText('3');
  await expect(page.getByTestId('figure-first-assessment-assessed')).toHaveText('1');
  await expect(page.getByTestId('figure-first-assessment-median')).toHaveText(/^\d+ days \d+ h$/);
  await expect(page.getByTestId('figure-hospital-to-hospital')).toHaveText('1');
  await expect(page.getByTestId('figure-observation-criterion-rousing-30')).toHaveText('100.0%');

  // The charts are drawn, with each bar's value written on it.
  const charts = page.getByTestId('report-chart');
  await expect(charts).toHaveCount(5);
  const first = charts.first();
  await expect(first.locator('figcaption')).toHaveText('Stays by time from arrival to first health assessment');
  await expect(first.locator('svg .recharts-bar-rectangle path, svg .recharts-bar-rectangle rect').first()).toBeVisible();
  await expect(first.locator('svg .recharts-label-list text')).toHaveText(['1', '2']);
  const table = page.getByTestId('report-section-first-assessment').getByTestId('report-table');
  await expect(table.getByRole('row', { name: /8 hours or more/ })).toContainText('33.3%');
  await expect(table.getByRole('row', { name: /No first health assessment recorded/ })).toContainText('66.7%');
});

test('the CSV download carries the figures shown', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('custody-kpis_DEMO01_2025-03-01_2025-03-31.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  const trimmed = lines.map((l) => l.replace(/,+$/, ''));
  expect(trimmed).toContain('Period,01-Mar-2025 to 31-Mar-2025');
  expect(trimmed).toContain('Detentions and stays begun,3');
  expect(trimmed).toContain('8 hours or more,1,33.3');
  expect(trimmed).toContain('Police custody,3,1,0,0');
  await expect(page.getByTestId('report-export-status')).toHaveText('Saved custody-kpis_DEMO01_2025-03-01_2025-03-31.csv');
});

test('the PDF download has the report, site and period on every page and the figures in its text', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe('custody-kpis_DEMO01_2025-03-01_2025-03-31.pdf');
  const pages = await pdfPages(readFileSync(await download.path()));
  expect(pages.length).toBeGreaterThan(1);
  pages.forEach((text, i) => {
    expect(text).toContain('SONAR Custody and reception KPIs');
    expect(text).toContain('(DEMO01)');
    expect(text).toContain('Period 01-Mar-2025 to 31-Mar-2025');
    expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    expect(text).toContain(`by ${MANAGER.fullName}`);
  });
  const all = pages.join(' ');
  expect(all).toContain('Detentions and stays begun 3');
  expect(all).toContain('8 hours or more 1 33.3%');
  expect(pageErrors).toEqual([]);
});

test('the NDTMS return shows its error report and downloads the return file itself', async () => {
  await page.getByLabel('Report').selectOption('ndtms');
  await page.getByRole('button', { name: 'Run report' }).click();
  await expect(page.getByRole('heading', { name: 'Errors to correct before submission' })).toBeVisible();
  await expect(page.getByText('No errors found: the return is ready to submit.')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download return file (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('ndtms_DEMO01_2025-03-01_2025-03-31.return.csv');
  // This custody site has no substance misuse treatments: the file is the header row alone.
  expect(readFileSync(await download.path(), 'utf8')).toMatch(/^CLIENT_REF,DATE_OF_BIRTH,AGE,SEX,ETHNICITY,RECEPTION_DATE,DRUG1,DRUG2,DRUG3,INJECTING_STATUS,[A-Z0-9_,]+\r\n$/);
  expect(pageErrors).toEqual([]);
});
