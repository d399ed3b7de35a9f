// A custody nurse at the desk, after the first-run flow (01): registering a detainee with other
// identifiers, the duplicate check, starting a detention, and raising and ending a risk flag that
// shows in the banner.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { META_FRAME_ANCESTORS, banner, openSignedIn, searchBox } from './support/app';
import { JOHN_SMITH, JON_SMYTH } from './support/people';
import { fillRegisterForm } from './support/register';
import { snapshot } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openSignedIn(browser, pageErrors));
});

test.afterAll(async () => {
  await context.close();
});

test('a detainee is registered with a PNC ID; a wrong NHS number or PNC ID is refused first', async () => {
  await searchBox(page).fill('Smith');
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await page.getByRole('button', { name: 'Add an identifier' }).click();
  await expect(page.getByLabel('Type of identifier')).toBeFocused();
  await fillRegisterForm(page, { ...JOHN_SMITH, nhsNumber: '4010232138' });
  await page.getByLabel('Type of identifier').selectOption({ label: 'PNC ID' });
  await page.getByLabel('Identifier', { exact: true }).fill('2003/0012345A');
  await page.getByLabel('Identifier', { exact: true }).press('Tab');
  await expect(page.locator('#identifier-0-value-error')).toContainText('PNC ID');
  await page.getByRole('button', { name: 'Register person' }).click();

  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: /check digit does not match/ })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^PNC ID/ })).toBeVisible();
  await snapshot(page, '03-register-errors');
  await summary.getByRole('link', { name: /^PNC ID/ }).click();
  await expect(page.getByLabel('Identifier', { exact: true })).toBeFocused();

  await page.getByLabel('Identifier', { exact: true }).fill(JOHN_SMITH.pnc);
  const nhs = page.getByLabel('NHS number', { exact: true });
  await nhs.fill('');
  await nhs.pressSequentially(JOHN_SMITH.nhsNumber);
  await page.getByRole('button', { name: 'Register person' }).click();

  await expect(page.getByTestId('banner-family-name')).toHaveText('SMITH');
  await expect(page.getByTestId('notice')).toContainText('SMITH, John has been registered.');
  await expect(page.getByTestId('banner-nhs-number')).toHaveText(JOHN_SMITH.nhsFormatted);
  await expect(page.getByTestId('banner-identifier')).toContainText(`PNC ID ${JOHN_SMITH.pnc}`);
  await expect(page.getByTestId('banner-stay')).toHaveText('No current stay at this site');
  await expect(page.getByTestId('banner-flags')).toContainText('None active');
  await snapshot(page, '03-registered');
});

test('a similar name born the same day is shown as a likely duplicate; opening it goes to that record', async () => {
  await page.getByRole('link', { name: 'Back to search' }).click();
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await fillRegisterForm(page, JON_SMYTH);
  await page.getByRole('button', { name: 'Register person' }).click();

  const review = page.getByTestId('duplicate-review');
  await expect(review.getByRole('heading', { level: 1, name: 'Check for an existing record' })).toBeFocused();
  const candidate = review.getByTestId('duplicate-candidate');
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toContainText('SMITH, John');
  await expect(candidate).toContainText(JOHN_SMITH.born);
  await expect(candidate).toContainText('same date of birth');
  await snapshot(page, '03-duplicate-review');

  await candidate.getByRole('button', { name: /This is the same person/ }).click();
  await expect(banner(page).getByRole('heading', { level: 1 })).toHaveText('SMITH, John');
});

test('an identifier already held cannot be overridden: only opened', async () => {
  await page.getByRole('link', { name: 'Back to search' }).click();
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await fillRegisterForm(page, { familyName: 'Brown', givenNames: 'Tom', day: '1', month: '1', year: '1970', sex: 'Male' });
  await page.getByRole('button', { name: 'Add an identifier' }).click();
  await page.getByLabel('Type of identifier').selectOption({ label: 'PNC ID' });
  await page.getByLabel('Identifier', { exact: true }).fill(JOHN_SMITH.pnc);
  await page.getByRole('button', { name: 'Register person' }).click();

  const review = page.getByTestId('duplicate-review');
  await expect(review.getByTestId('duplicate-candidate')).toContainText('same PNC ID');
  await expect(review.getByTestId('identifier-match')).toBeVisible();
  await expect(review.getByRole('button', { name: /None of these/ })).toHaveCount(0);
  await snapshot(page, '03-identifier-match');
  await review.getByRole('button', { name: 'Go back and change the details' }).click();
  await expect(page.getByLabel('Family name')).toHaveValue('Brown'); // nothing typed is lost
});

test('confirming none of the candidates is this person registers a new record', async () => {
  await page.getByRole('link', { name: 'Back to search' }).click();
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await fillRegisterForm(page, JON_SMYTH);
  await page.getByRole('button', { name: 'Add an alias' }).click();
  await page.getByLabel('Alias family name').fill('Smithe');
  await page.getByLabel('Alias given names').fill('Jonny');
  await page.getByRole('button', { name: 'Register person' }).click();
  await expect(page.getByTestId('duplicate-candidate')).toContainText('SMITH, John');
  await page.getByRole('button', { name: 'None of these is this person: register a new record' }).click();

  await expect(page.getByTestId('banner-family-name')).toHaveText('SMYTH');
  await expect(page.getByTestId('aliases')).toContainText('SMITHE, Jonny');
});

test('reception starts the custody detention, shown in the banner', async () => {
  await page.getByRole('link', { name: 'Back to search' }).click();
  await searchBox(page).fill(JOHN_SMITH.nhsFormatted);
  await page.getByRole('link', { name: 'SMITH, John' }).click();
  await page.getByRole('button', { name: 'Start custody detention' }).click();
  const form = page.getByTestId('start-stay-form');
  await expect(form.getByLabel('Reason for arrival (optional)')).toBeFocused();
  await form.getByLabel('Reason for arrival (optional)').fill('Arrested on suspicion of shoplifting');
  await form.getByLabel('Time (24-hour)').fill('');
  await form.getByRole('button', { name: 'Start custody detention' }).click();
  await expect(form.locator('.nhsuk-error-summary')).toContainText('must include a time');
  await form.getByLabel('Time (24-hour)').fill('00:01');
  await form.getByRole('button', { name: 'Start custody detention' }).click();

  await expect(page.getByTestId('stay-done')).toHaveText(/Custody detention started/);
  await expect(page.getByTestId('banner-stay')).toHaveText(/^In custody since \d{2}-[A-Z][a-z]{2}-\d{4} 00:01$/);
  await expect(page.getByTestId('current-stay')).toContainText('Arrested on suspicion of shoplifting');
});

test('a risk flag is raised with its reason and shows in the banner', async () => {
  await page.getByRole('button', { name: 'Raise a flag' }).click();
  const form = page.getByTestId('raise-flag-form');
  await form.getByRole('button', { name: 'Raise flag' }).click();
  await expect(form.locator('.nhsuk-error-summary')).toContainText('Select the type of flag');
  await expect(form.locator('.nhsuk-error-summary')).toContainText('Enter the reason');

  await form.getByLabel('Type of flag').selectOption({ label: 'Self-harm or suicide risk' });
  await expect(form.getByLabel('High risk')).toBeChecked(); // the usual severity for the type
  await form.getByLabel('Reason').fill('Said he would hurt himself if kept overnight; old scars on both forearms');
  await form.getByRole('button', { name: 'Raise flag' }).click();

  await expect(page.getByTestId('flags-done')).toBeFocused();
  const flag = page.getByTestId('banner-flag');
  await expect(flag).toHaveCount(1);
  await expect(flag).toContainText('High risk');
  await expect(flag).toContainText('Self-harm or suicide risk');
  await expect(flag).toContainText('set by Alex Morgan');
  await expect(flag).toContainText('Because Said he would hurt himself');
  await snapshot(page, '03-flag-in-banner');

  // On the other screens about this person too: here, a form opened from the record.
  await page.getByRole('button', { name: 'Start: Custody healthcare assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Custody healthcare assessment' })).toBeFocused();
  await expect(banner(page).getByTestId('banner-flag')).toContainText('Self-harm or suicide risk');
  await expect(banner(page).getByTestId('banner-flag')).toContainText('Because Said he would hurt himself');
  await page.getByRole('link', { name: 'Back to the record' }).click();

  // Still there when the record is opened again later.
  await page.getByRole('link', { name: 'Back to search' }).click();
  await page.getByRole('link', { name: 'SMITH, John' }).click();
  await expect(page.getByTestId('banner-flag')).toContainText('Self-harm or suicide risk');
});

test('a flag ends only by a recorded decision, kept in the history', async () => {
  const card = page.getByTestId('active-flag').filter({ hasText: 'Self-harm or suicide risk' });
  await card.getByRole('button', { name: /End this flag/ }).click();
  const form = page.getByTestId('end-flag-form');
  await expect(form.getByRole('textbox')).toBeFocused();
  await form.getByRole('button', { name: 'End flag' }).click();
  await expect(form.locator('.nhsuk-error-summary')).toContainText('Enter the reason for ending the flag');
  await form.getByRole('textbox').fill('Reviewed with mental health practitioner: no current intent, plan agreed');
  await form.getByRole('button', { name: 'End flag' }).click();

  await expect(page.getByTestId('flags-done')).toHaveText(/Flag ended/);
  await expect(page.getByTestId('banner-flag')).toHaveCount(0);
  await expect(page.getByTestId('banner-flags')).toContainText('None active');
  const history = page.getByTestId('ended-flags');
  await history.getByText('Ended flags (1)').click();
  await expect(history).toContainText('Reviewed with mental health practitioner');
  await snapshot(page, '03-flag-ended');
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.endsWith(META_FRAME_ANCESTORS))).toEqual([]);
});
