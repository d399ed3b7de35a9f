// The reception desk, end to end on a fresh site: first-run setup, sign-in, registering people,
// finding them by name, NHS number and date of birth, opening a record, by mouse and by keyboard.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ADMIN, DAVID_JONES, MARY_JONES, banner, openApp, searchBox, signIn } from './support/app';
import { fillRegisterForm } from './support/register';
import { resyncScroll } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
/** Errors the page reports while the whole flow runs: there should be none. */
const pageErrors: string[] = [];
// The meta tag repeats the header's policy word for word (main/security/csp.ts); browsers honour
// frame-ancestors only from the header and say so on every load. Expected, and harmless.
const META_FRAME_ANCESTORS = "The Content Security Policy directive 'frame-ancestors' is ignored when delivered via a <meta> element.";

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openApp(browser, (p) => {
    p.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    p.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') pageErrors.push(`console ${msg.type()}: ${msg.text()}`);
    });
  }));
});

test.afterAll(async () => {
  await context.close();
});

async function snapshot(name: string) {
  await test.info().attach(name, { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
  await resyncScroll(page);
}

test('first-run setup creates the administrator, who also works clinically', async () => {
  await expect(page.getByRole('heading', { level: 1, name: 'Set up this site' })).toBeVisible();
  const site = page.getByTestId('setup-site');
  await expect(site).toContainText('Demo Custody Suite');
  await expect(site).toContainText('DEMO01');
  await expect(site).toContainText('Custody suite');
  await expect(site.getByText('DEMO', { exact: true })).toBeVisible();

  await page.getByLabel('Full name').fill(ADMIN.fullName);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(`${ADMIN.password}!`);
  await expect(page.getByLabel('Also works clinically as')).toHaveValue('custody_hcp');
  await page.getByRole('button', { name: 'Create administrator' }).click();

  // The mismatch is caught before anything is sent; focus moves to the summary.
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The passwords do not match');
  await expect(page.locator('#confirmPassword-error')).toContainText('The passwords do not match');
  await snapshot('setup-error');

  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByLabel('Also works clinically as').selectOption({ label: 'Custody healthcare professional' });
  await page.getByRole('button', { name: 'Create administrator' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText(`Administrator account created for ${ADMIN.fullName}`);
});

test('sign-in refuses a wrong password and accepts the right one', async () => {
  await signIn(page, ADMIN.username, 'not the right password');
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toContainText('The username or password is not right.');
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await snapshot('sign-in-error');

  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a person' })).toBeVisible();
  const user = page.getByTestId('signed-in-user');
  await expect(user).toContainText(ADMIN.fullName);
  await expect(user).toContainText('Custody healthcare professional');
  await expect(page.getByRole('banner')).toContainText('Demo Custody Suite');
  await expect(searchBox(page)).toBeFocused();
});

test('an invalid NHS number is refused with a clear message before saving', async () => {
  await searchBox(page).fill('Jones');
  await expect(page.getByTestId('no-results')).toContainText('No people found');
  await snapshot('search-none');
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a person' })).toBeVisible();

  await fillRegisterForm(page, { ...MARY_JONES, nhsNumber: '9434765918' });
  const nhs = page.getByLabel('NHS number', { exact: true });
  await expect(nhs).toHaveValue('943 476 5918'); // regrouped 3-3-4 while typing
  await nhs.press('Tab'); // leaving the box runs the check
  await expect(page.locator('#nhsNumber-error')).toContainText('the check digit does not match');

  await page.getByRole('button', { name: 'Register person' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /check digit does not match/ })).toBeVisible();
  await snapshot('register-nhs-error');
  await summary.getByRole('link', { name: /check digit does not match/ }).click();
  await expect(nhs).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Register a person' })).toBeVisible(); // nothing saved
});

test('registering with a valid NHS number opens the new record', async () => {
  const nhs = page.getByLabel('NHS number', { exact: true });
  await nhs.fill('');
  await nhs.focus();
  await page.keyboard.insertText('943-476-5919'); // pasted with hyphens
  await expect(nhs).toHaveValue(MARY_JONES.nhsFormatted);
  await nhs.press('Tab');
  await expect(page.locator('#nhsNumber-error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Register person' }).click();

  await expect(banner(page)).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('JONES, Mary (Mrs) has been registered.');
  await expect(page.getByTestId('banner-family-name')).toHaveText('JONES');
  await expect(banner(page)).toContainText(MARY_JONES.born);
  await expect(page.getByTestId('banner-nhs-number')).toHaveText(MARY_JONES.nhsFormatted);
  await snapshot('registered');
});

test('registering the same NHS number twice is refused', async () => {
  await page.getByRole('link', { name: 'Back to search' }).click();
  // The last search ("Jones", which found nobody) is asked again on return: Mary is there now.
  await expect(searchBox(page)).toHaveValue('Jones');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await expect(page.getByTestId('no-results')).toHaveCount(0);
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await fillRegisterForm(page, { ...MARY_JONES, givenNames: 'Maria', nhsNumber: MARY_JONES.nhsNumber });
  await page.getByRole('button', { name: 'Register person' }).click();
  // The duplicate check finds her by the NHS number, which no one can override.
  const review = page.getByTestId('duplicate-review');
  await expect(review.getByTestId('duplicate-candidate')).toContainText('JONES, Mary (Mrs)');
  await expect(review.getByTestId('duplicate-candidate')).toContainText('same NHS number');
  await expect(review.getByTestId('identifier-match')).toContainText('already recorded');
  await expect(review.getByRole('button', { name: /None of these/ })).toHaveCount(0);
});

test('a second person with the same family name and no NHS number', async () => {
  await page.getByRole('link', { name: 'Back to search' }).click();
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await fillRegisterForm(page, DAVID_JONES);
  await page.getByRole('button', { name: 'Register person' }).click();
  await expect(page.getByTestId('banner-family-name')).toHaveText('JONES');
  await expect(banner(page)).toContainText('David');
  await expect(page.getByTestId('banner-nhs-number')).toHaveText('Not known');
  await expect(page.getByTestId('banner-sex')).toHaveText('Male');
});

test('search finds people by name prefix, NHS number and date of birth', async () => {
  await page.getByRole('link', { name: 'Back to search' }).click();
  const box = searchBox(page);
  const rows = page.getByTestId('search-result');

  await box.fill('jon');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'JONES, Mary (Mrs)' })).toContainText(MARY_JONES.nhsFormatted);
  await expect(rows.filter({ hasText: 'JONES, David' })).toContainText('Not known');
  await snapshot('search-results');

  await box.fill(MARY_JONES.nhsFormatted);
  await expect(page.getByTestId('search-results')).toContainText(`found for “${MARY_JONES.nhsFormatted}”`);
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('JONES, Mary (Mrs)');

  await box.fill(MARY_JONES.nhsNumber);
  await expect(page.getByTestId('search-results')).toContainText(`found for “${MARY_JONES.nhsNumber}”`);
  await expect(rows).toHaveCount(1);

  await box.fill('14/07/1945');
  await expect(page.getByTestId('search-results')).toContainText('found for “14/07/1945”');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`${MARY_JONES.born} (`);
  await expect(rows).toContainText('Female');
});

test('opening a record shows the patient banner and who registered them', async () => {
  await page.getByRole('link', { name: 'JONES, Mary (Mrs)' }).click();
  const b = banner(page);
  await expect(b.getByRole('heading', { level: 1 })).toHaveText('JONES, Mary (Mrs)');
  await expect(page.getByTestId('banner-born')).toHaveText(new RegExp(`^${MARY_JONES.born} \\(\\d+ years\\)$`));
  await expect(b).toContainText(/Born\s*14-Jul-1945/);
  await expect(b).toContainText(/NHS No\.\s*943 476 5919/);
  await expect(page.getByTestId('banner-sex')).toHaveText('Female');
  const registration = page.getByTestId('registration');
  await expect(registration).toContainText(ADMIN.fullName);
  await expect(registration).toContainText('Demo Custody Suite (DEMO01)');
  await snapshot('record');
});

test('keyboard only: search, move through results with the arrows, open with Enter', async () => {
  await page.keyboard.press('Shift+Tab'); // from the banner heading back to "Back to search"
  await expect(page.getByRole('link', { name: 'Back to search' })).toBeFocused();
  await page.keyboard.press('Enter');

  const box = searchBox(page);
  await expect(box).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('jones');
  const links = page.getByTestId('search-result').getByRole('link');
  await expect(links).toHaveCount(2);
  await expect(page.getByTestId('search-results')).toContainText('found for “jones”');

  // Tab from the box reaches the first result link; Shift+Tab returns.
  await page.keyboard.press('Tab');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(box).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowDown'); // stays on the last
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const chosen = (await links.nth(1).textContent()) ?? '';
  await snapshot('keyboard-focus');
  await page.keyboard.press('Enter');
  await expect(banner(page).getByRole('heading', { level: 1 })).toHaveText(chosen);
  await expect(banner(page).getByRole('heading', { level: 1 })).toBeFocused();
});

test('signing out returns to sign-in and forgets the search', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('You have signed out.');
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await signIn(page);
  await expect(searchBox(page)).toHaveValue('');
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.endsWith(META_FRAME_ANCESTORS))).toEqual([]);
});
