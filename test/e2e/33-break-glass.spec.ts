// Legitimate relationship or break-glass. A person registered here four days
// ago, with no stay, is outside a clinician's care: opening the record asks for a reason first and
// shows nothing of the person; the emergency access is time-limited, shown on the record and can be
// ended; a team manager reviews it; an auditor sees it in the record's access history.
// The spec runs its own host and restarts it on the same data with its clock four days on
// (SONAR_TEST_NOW, honoured at demo sites only).
import { expect, test, type Browser } from '@playwright/test';
import { ADMIN, banner, ensureAdmin, openApp, searchBox, signIn } from './support/app';
import { createStaff, firstSignIn, pageText, registerPerson, setupSession } from './support/access';
import { newDataDir, removeDataDir, startOwnHost, type OwnHost } from './support/own-host';
import { snapshot } from './support/snapshot';

const AMELIA = { familyName: 'Glass', givenNames: 'Amelia', birthDate: '1983-06-17', sex: 'female' } as const;
const MANAGER = { fullName: 'Terry Mann', username: 'terry.mann', temporary: 'Temporary pass 2026', own: 'orange boats in the harbour' } as const;
const AUDITOR = { fullName: 'Audrey Price', username: 'audrey.price', temporary: 'Temporary pass 2026', own: 'seven green bottles standing' } as const;
const REASON = 'Collapsed in reception, needs medication history now';
const FOUR_DAYS_MS = 4 * 24 * 60 * 60 * 1000;

test.describe.configure({ mode: 'serial' });

let dataDir = '';
let host: OwnHost | null = null;
let personId = '';

test.beforeAll(async ({ browser }) => {
  dataDir = newDataDir({ schemaVersion: 1, siteCode: 'GLASS1', siteName: 'Break-glass Test Custody Suite', siteType: 'custody', demo: true, idleLockMinutes: 5 });
  // Today: the person is registered, the reviewer and auditor accounts made.
  const today = await startOwnHost(dataDir);
  try {
    const context = await browser.newContext();
    await context.request.get(today.launchUrl);
    await ensureAdmin(context, today.origin);
    const admin = await setupSession(context, today.origin);
    personId = await registerPerson(admin, AMELIA);
    await createStaff(admin, MANAGER.fullName, MANAGER.username, ['team_manager'], MANAGER.temporary);
    await createStaff(admin, AUDITOR.fullName, AUDITOR.username, ['auditor'], AUDITOR.temporary);
    await context.close();
  } finally {
    await today.stop();
  }
  // Four days on: past the 72 hours a registration counts as a relationship.
  host = await startOwnHost(dataDir, new Date(Date.now() + FOUR_DAYS_MS).toISOString());
});

test.afterAll(async () => {
  await host?.stop();
  if (dataDir) removeDataDir(dataDir);
});

async function open(browser: Browser) {
  if (!host) throw new Error('host not started');
  return openApp(browser, undefined, host.launchUrl);
}

test('a clinician gives a reason before a record outside their care opens, and can end the access', async ({ browser }) => {
  const { context, page } = await open(browser);
  await signIn(page);
  await searchBox(page).fill('Glass');
  await page.getByTestId('search-result').first().getByRole('link').click();

  await expect(page.locator('main')).toHaveAttribute('data-route', 'breakGlass');
  await expect(page.getByRole('heading', { level: 1, name: 'This person is not in your care at this site' })).toBeVisible();
  await expect(page.getByTestId('break-glass-explainer')).toContainText('recorded');
  await expect(page.getByTestId('break-glass-explainer')).toContainText('reviews every emergency access');
  expect(await pageText(page)).not.toMatch(/glass, amelia|amelia|17-jun-1983/i);

  await page.getByRole('button', { name: 'Open the record in an emergency' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary.getByRole('link', { name: 'Enter the clinical reason you need this record now' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Choose how long you need access for' })).toBeVisible();
  await page.getByLabel('Why do you need this record now?').fill('Unwell');
  await page.getByLabel('How long do you need access for?').selectOption({ label: '30 minutes' });
  await page.getByRole('button', { name: 'Open the record in an emergency' }).click();
  await expect(page.locator('#reason-error')).toContainText('at least 10 characters');
  await snapshot(page, '33-break-glass-form');

  await page.getByLabel('Why do you need this record now?').fill(REASON);
  await page.getByRole('button', { name: 'Open the record in an emergency' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'record');
  await expect(banner(page)).toContainText('GLASS');
  const notice = page.getByTestId('break-glass-notice');
  await expect(notice).toContainText('Emergency access (break-glass)');
  await expect(page.getByTestId('break-glass-expiry')).toContainText(/emergency access until \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}/);
  await expect(notice).toContainText(REASON);
  await snapshot(page, '33-record-under-break-glass');

  // The page is reloaded: the access is still in force at the server, so the record says so again.
  await page.reload();
  await signIn(page);
  await searchBox(page).fill('Glass');
  await page.getByTestId('search-result').first().getByRole('link').click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'record');
  await expect(notice).toContainText(REASON);

  await notice.getByRole('button', { name: 'End emergency access' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'search');
  await expect(page.getByTestId('notice')).toContainText('Emergency access ended.');

  // Ended means ended: opening the record again asks for a reason again.
  await searchBox(page).fill('Glass');
  await page.getByTestId('search-result').first().getByRole('link').click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'breakGlass');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'search');
  await context.close();
});

test('a team manager reviews the emergency access with a note', async ({ browser }) => {
  const { context, page } = await open(browser);
  await firstSignIn(page, MANAGER.username, MANAGER.temporary, MANAGER.own);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Break-glass reviews' }).click();
  const grant = page.getByTestId('break-glass-grant').filter({ hasText: 'GLASS, Amelia' });
  await expect(grant).toContainText(ADMIN.fullName);
  await expect(grant.getByTestId('grant-reason')).toHaveText(REASON);
  await expect(grant.getByTestId('grant-ended')).toContainText('before the time limit');
  await expect(grant.getByTestId('grant-review')).toHaveText('Waiting for review');
  await snapshot(page, '33-reviews');

  await grant.getByRole('button', { name: /^Review/ }).click();
  await grant.getByRole('button', { name: 'Record review' }).click();
  await expect(grant.locator('.nhsuk-error-message')).toContainText('Enter your review note');
  await grant.getByLabel('Review note').fill('Appropriate: emergency treatment in reception, checked with the nurse in charge.');
  await grant.getByRole('button', { name: 'Record review' }).click();
  await expect(page.getByTestId('review-done')).toContainText(`Review recorded: ${ADMIN.fullName}, GLASS, Amelia.`);
  await expect(page.getByTestId('no-reviews')).toHaveText('There is no emergency access waiting for review.');

  await page.getByLabel('Show reviewed accesses too').check();
  await expect(grant.getByTestId('grant-review')).toContainText('Reviewed');
  await expect(grant.getByTestId('grant-review')).toContainText('Appropriate: emergency treatment in reception');
  // A team manager is not an auditor: no access history from here.
  await expect(grant.getByRole('button', { name: /Who looked at this record/ })).toHaveCount(0);
  await context.close();
});

test('an auditor goes from the reviewed access to the record\'s access history', async ({ browser }) => {
  const { context, page } = await open(browser);
  await firstSignIn(page, AUDITOR.username, AUDITOR.temporary, AUDITOR.own);
  await expect(page.getByRole('heading', { level: 1, name: 'Break-glass reviews' })).toBeVisible();
  await page.getByLabel('Show reviewed accesses too').check();
  const grant = page.getByTestId('break-glass-grant').filter({ hasText: 'GLASS, Amelia' });
  await grant.getByRole('button', { name: /Who looked at this record/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Who looked at this record' })).toBeVisible();
  await expect(page.getByLabel('Record id')).toHaveValue(personId);
  const events = page.getByTestId('access-event');
  const started = events.filter({ hasText: 'break-glass started' });
  await expect(started).toHaveCount(1);
  await expect(started).toContainText(ADMIN.username);
  await expect(events.filter({ hasText: 'break-glass ended' })).toHaveCount(1);
  await expect(events.filter({ hasText: 'reviewed break-glass' })).toContainText(MANAGER.username);
  // Before the reason: refused for want of a relationship; after it: the record was read.
  await expect(events.filter({ hasText: 'viewed record' }).filter({ hasText: 'Refused' }).first()).toContainText('break_glass_required');
  await expect(events.filter({ hasText: 'viewed record' }).filter({ hasText: 'Done' }).first()).toContainText('Custody healthcare professional');

  await page.getByRole('button', { name: 'Verify audit trail' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('The audit trail is intact');
  await context.close();
});
