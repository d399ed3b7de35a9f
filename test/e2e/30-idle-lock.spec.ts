// a shared PC left idle locks. The page's own timer (moved on with
// Playwright's clock instead of waiting five minutes) locks the screen and the server session;
// patient data leaves the page and the store; the same user's password returns to the same
// screen. A host with a one-minute policy shows the server locking a session by itself.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, banner, ensureAdmin, searchBox, signIn } from './support/app';
import { launchUrl } from './support/env';
import { ensurePerson, pageText, registerPerson, setupSession } from './support/access';
import { newDataDir, removeDataDir, startOwnHost } from './support/own-host';
import { snapshot } from './support/snapshot';

const HARRIET = { familyName: 'Lockwood', givenNames: 'Harriet', birthDate: '1971-04-09', sex: 'female' } as const;

/** The app with the page's clock under the test's control, signed in as the administrator (a custody HCP too). */
async function openWithClock(browser: Browser, url: string, origin?: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(url);
  await expect(page.locator('main')).not.toHaveAttribute('data-route', 'starting');
  await ensureAdmin(context, origin);
  await page.reload();
  await signIn(page);
  await expect(searchBox(page)).toBeFocused();
  return { context, page };
}

async function openRecord(page: Page, query: string) {
  await searchBox(page).fill(query);
  await page.getByTestId('search-result').first().getByRole('link').click();
  await expect(banner(page)).toContainText('LOCKWOOD');
}

test('left idle, the screen locks, the person leaves the page, and the same user returns to the same record', async ({ browser }) => {
  const { context, page } = await openWithClock(browser, launchUrl());
  await ensurePerson(await setupSession(context), HARRIET);
  await openRecord(page, 'Lockwood');

  // Just short of the site's five minutes nothing happens; past it, the screen locks.
  const lockCall = page.waitForRequest((r) => r.url().endsWith('/rpc/auth.lock'));
  await page.clock.fastForward('04:50');
  await expect(banner(page)).toBeVisible();
  await page.clock.fastForward('00:15');
  await lockCall;
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Screen locked' })).toBeVisible();
  await expect(page.getByTestId('locked-user')).toHaveText(ADMIN.fullName);
  await snapshot(page, '30-lock-screen');
  await expect(page.getByLabel(`Password for ${ADMIN.fullName}`)).toBeFocused();
  const locked = await pageText(page);
  expect(locked).not.toMatch(/lockwood|harriet/i);
  expect(locked).not.toContain('09-Apr-1971');
  await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);

  // A wrong password is said at the box; the session is not ended.
  await page.getByLabel(`Password for ${ADMIN.fullName}`).fill('not the password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('#unlock-password-error')).toContainText('The username or password is not right.');
  await expect(page.getByTestId('lock-screen')).toBeVisible();

  await page.getByLabel(`Password for ${ADMIN.fullName}`).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'record');
  await expect(banner(page)).toContainText('LOCKWOOD');
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  await context.close();
});

test('what was typed into an unsaved assessment is there again after unlocking', async ({ browser }) => {
  const { context, page } = await openWithClock(browser, launchUrl());
  await ensurePerson(await setupSession(context), HARRIET);
  await openRecord(page, 'Lockwood');
  await page.getByRole('button', { name: 'Start: Custody healthcare assessment' }).click();
  const reason = page.getByTestId('template-form').getByRole('textbox', { name: 'Reason for assessment' });
  await reason.fill('Asked to see the nurse about her inhaler');
  await page.clock.fastForward('05:05');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  const locked = await pageText(page);
  expect(locked).not.toMatch(/lockwood|harriet/i);
  expect(locked).not.toContain('inhaler');

  await page.getByLabel(`Password for ${ADMIN.fullName}`).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'form');
  await expect(banner(page)).toContainText('LOCKWOOD');
  await expect(reason).toHaveValue('Asked to see the nurse about her inhaler');
  await context.close();
});

test('"Lock screen" locks at once, and "Sign in as someone else" ends the session', async ({ browser }) => {
  const { context, page } = await openWithClock(browser, launchUrl());
  await ensurePerson(await setupSession(context), HARRIET);
  await openRecord(page, 'Lockwood');
  await page.getByRole('button', { name: 'Lock screen' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  expect(await pageText(page)).not.toMatch(/lockwood/i);

  const signOut = page.waitForRequest((r) => r.url().endsWith('/rpc/auth.signOut'));
  await page.getByRole('button', { name: 'Sign in as someone else' }).click();
  await signOut;
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('You have signed out.');
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);

  // The next user starts from an empty search.
  await signIn(page);
  await expect(searchBox(page)).toHaveValue('');
  await expect(page.getByTestId('search-result')).toHaveCount(0);
  await context.close();
});

test('with a one-minute policy the server locks an idle session itself, and the page follows', async ({ browser }) => {
  test.setTimeout(150_000);
  const dataDir = newDataDir({ schemaVersion: 1, siteCode: 'IDLE01', siteName: 'Idle Test Custody Suite', siteType: 'custody', demo: true, idleLockMinutes: 1 });
  const host = await startOwnHost(dataDir);
  try {
    const { context, page } = await openWithClock(browser, host.launchUrl, host.origin);
    await registerPerson(await setupSession(context, host.origin), HARRIET);
    await openRecord(page, 'Lockwood');
    // Stop the page's own timer: what follows is the server's doing alone.
    await page.clock.pauseAt(Date.now() + 1_000);
    await page.waitForTimeout(65_000);
    await expect(banner(page)).toContainText('LOCKWOOD');

    await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Tasks' }).click();
    await expect(page.getByTestId('lock-screen')).toBeVisible();
    expect(await pageText(page)).not.toMatch(/lockwood|harriet/i);

    await page.clock.resume();
    await page.getByLabel(`Password for ${ADMIN.fullName}`).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.locator('main')).toHaveAttribute('data-route', 'tasks');
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
    await context.close();
  } finally {
    await host.stop();
    removeDataDir(dataDir);
  }
});
