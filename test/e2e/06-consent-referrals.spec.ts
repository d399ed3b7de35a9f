// A custody nurse records what a detainee will and will not have shared, and sees that no referral
// has been made yet; the site administrator adds a data-sharing agreement.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { META_FRAME_ANCESTORS, openSignedIn, searchBox } from './support/app';
import { fillRegisterForm } from './support/register';
import { snapshot } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

/** Letters only, so the name passes the name rules and no earlier run's record looks like a duplicate. */
const unique = Date.now()
  .toString()
  .slice(-6)
  .split('')
  .map((d) => String.fromCharCode(97 + Number(d)))
  .join('');
const PERSON = { familyName: `Okafor${unique}`, givenNames: 'Samuel', day: '9', month: '11', year: '1985', sex: 'Male' } as const;
const AGREEMENT_ID = `DSA-E2E-${Date.now().toString().slice(-8)}`;

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openSignedIn(browser, pageErrors));
});

test.afterAll(async () => {
  await context.close();
});

test('a newly registered detainee has no referrals and no consent decisions', async () => {
  await searchBox(page).fill(PERSON.familyName);
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await fillRegisterForm(page, PERSON);
  await page.getByRole('button', { name: 'Register person' }).click();
  await expect(page.getByTestId('banner-family-name')).toHaveText(PERSON.familyName.toUpperCase());

  const contents = page.getByRole('navigation', { name: 'On this record' });
  await expect(contents.getByRole('link', { name: 'Referrals' })).toBeVisible();
  await expect(contents.getByRole('link', { name: 'Consent and information sharing' })).toBeVisible();

  const referrals = page.getByTestId('referrals-section');
  await expect(referrals.getByRole('heading', { level: 2, name: 'Referrals' })).toBeVisible();
  await expect(referrals.getByTestId('referrals-empty')).toHaveText('No referrals made.');
  const consent = page.getByTestId('consent-section');
  await expect(consent).toContainText('No consent decisions recorded.');
});

test('a "do not share: substance use" decision is checked, recorded and listed', async () => {
  const consent = page.getByTestId('consent-section');
  await consent.getByRole('button', { name: 'Record a consent decision' }).click();
  const form = page.getByTestId('consent-form');
  await expect(form.getByRole('heading', { name: 'Record a consent decision' })).toBeFocused();

  // Nothing chosen: every missing answer is named, and the summary links to its field.
  await form.getByRole('button', { name: 'Save decision' }).click();
  const summary = form.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Select whether the person agrees to share');
  await expect(summary).toContainText('Choose what the decision covers');
  await expect(summary).toContainText('Select the legal basis');
  await expect(form.locator('#consent-categories-error')).toContainText('Choose what the decision covers');
  await snapshot(page, '06-consent-errors');
  await summary.getByRole('link', { name: 'Choose what the decision covers' }).click();
  await expect(form.getByLabel('Personal details')).toBeFocused();

  await form.getByRole('group', { name: 'Does the person agree to share this information?' }).getByLabel('Do not share', { exact: true }).check();
  await form.getByRole('group', { name: 'What the decision covers' }).getByLabel('Substance use').check();
  await form.getByLabel('Legal basis').selectOption({ label: 'Explicit consent' });
  // The date decided is today unless changed.
  const today = new Date();
  await expect(form.getByRole('group', { name: 'Date decided' }).getByLabel('Day')).toHaveValue(String(today.getDate()));
  await form.getByLabel('Notes (optional)').fill('Does not want the community drug service told about his drug use.');
  await form.getByRole('button', { name: 'Save decision' }).click();

  await expect(page.getByTestId('consent-done')).toHaveText(/Consent decision recorded: do not share substance use/);
  await expect(page.getByTestId('consent-form')).toHaveCount(0);
  const decision = consent.getByTestId('consent-decision');
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText('Do not share');
  await expect(decision).toContainText('Substance use');
  await expect(decision).toContainText('Explicit consent');
  await expect(decision).toContainText('Alex Morgan');
  await expect(decision).toContainText('Does not want the community drug service told');
  await expect(consent).not.toContainText('No consent decisions recorded.');
  await snapshot(page, '06-consent-recorded');
});

test('the site administrator adds a data-sharing agreement and sees it listed', async () => {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Data-sharing agreements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data-sharing agreements' })).toBeVisible();
  await page.getByRole('button', { name: 'Add an agreement' }).click();
  const form = page.getByTestId('agreement-form');
  await expect(form.getByLabel('Agreement reference')).toBeFocused();

  await form.getByLabel('Agreement reference').fill('no good');
  await form.getByRole('button', { name: 'Save agreement' }).click();
  const summary = form.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Agreement reference must be 3 to 40 capital letters');
  await expect(summary).toContainText('Select who shares under the agreement');
  await expect(summary).toContainText('Enter the start date');

  await form.getByLabel('Agreement reference').fill(AGREEMENT_ID);
  await form.getByLabel('Title').fill('Custody to prison continuity of care');
  await form.getByRole('group', { name: 'Shared by' }).getByLabel('Custody healthcare').check();
  await form.getByRole('group', { name: 'Shared with' }).getByLabel('Prison healthcare').check();
  const info = form.getByRole('group', { name: 'Information covered' });
  await info.getByLabel('Risk flags').check();
  await info.getByLabel('Medication').check();
  await form.getByRole('group', { name: 'Purposes' }).getByLabel('Continuity of care').check();
  const from = form.getByRole('group', { name: 'Start date' });
  await from.getByLabel('Day').fill('1');
  await from.getByLabel('Month').fill('4');
  await from.getByLabel('Year').fill('2026');
  await form.getByRole('button', { name: 'Save agreement' }).click();

  await expect(page.getByTestId('agreements-done')).toContainText(`Agreement saved: ${AGREEMENT_ID} version 1`);
  const row = page.locator(`[data-testid="agreement"][data-agreement-id="${AGREEMENT_ID}"]`);
  await expect(row).toContainText('Custody to prison continuity of care');
  await expect(row).toContainText('version 1');
  await expect(row).toContainText('Custody healthcare');
  await expect(row).toContainText('Prison healthcare');
  await expect(row).toContainText('Risk flags and medication');
  await expect(row).toContainText('Continuity of care');
  await expect(row).toContainText('From 01-Apr-2026');
  await expect(row).toContainText('no end date');
  await snapshot(page, '06-agreement-saved');

  // The same reference and version again is refused at the version field, not overwritten.
  await page.getByRole('button', { name: 'Add an agreement' }).click();
  await form.getByLabel('Agreement reference').fill(AGREEMENT_ID);
  await form.getByLabel('Title').fill('Duplicate');
  await form.getByRole('group', { name: 'Shared by' }).getByLabel('Custody healthcare').check();
  await form.getByRole('group', { name: 'Shared with' }).getByLabel('Police').check();
  await form.getByRole('group', { name: 'Information covered' }).getByLabel('Risk flags').check();
  await form.getByRole('group', { name: 'Purposes' }).getByLabel('Safeguarding').check();
  await from.getByLabel('Day').fill('1');
  await from.getByLabel('Month').fill('4');
  await from.getByLabel('Year').fill('2026');
  await form.getByRole('button', { name: 'Save agreement' }).click();
  await expect(form.locator('#agreement-version-error')).toContainText('already exists');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('agreement').filter({ hasText: AGREEMENT_ID })).toHaveCount(1);
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.endsWith(META_FRAME_ANCESTORS))).toEqual([]);
});
