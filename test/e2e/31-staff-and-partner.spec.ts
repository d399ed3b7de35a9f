// Staff administration and the partner view : the administrator
// creates a police partner with a temporary password; at first sign-in the partner must choose
// their own; they can find a person and read the need-to-know summary, and never the clinical
// record. The administrator also lifts a sign-in pause, resets a password and disables an account.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, ensureAdmin, openApp, rpc, searchBox, signIn } from './support/app';
import { ensurePerson, firstSignIn, pageText, setupSession } from './support/access';
import { snapshot } from './support/snapshot';

const KIERAN = { familyName: 'Dawson', givenNames: 'Kieran', birthDate: '1994-11-30', sex: 'male' } as const;
const PARTNER = { fullName: 'Pat Kelly', username: 'pat.kelly', temporary: 'Temporary pass 2026', own: 'blue kettle on the windowsill' } as const;
const ADVICE = 'Check every 30 minutes and remove cords and belts from the cell.';

async function adminOnStaff(browser: Browser) {
  const { context, page } = await openApp(browser);
  await ensureAdmin(context);
  await page.reload();
  await signIn(page);
  // An administrator who is also a clinician has both groups of places, each named.
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu.getByRole('list', { name: 'Care' }).getByRole('link').first()).toHaveText('Find a person');
  await expect(menu.getByRole('list', { name: 'Administration' }).getByRole('link')).toHaveText(['Staff', 'Data-sharing agreements']);
  await menu.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
  return { context, page };
}

function staffRow(page: Page, username: string) {
  return page.locator(`[data-testid="staff-member"][data-username="${username}"]`);
}

test('the administrator creates a police partner account, with errors shown where they are', async ({ browser }) => {
  const { context, page } = await adminOnStaff(browser);
  await expect(staffRow(page, ADMIN.username)).toContainText('Site administrator');
  await expect(staffRow(page, ADMIN.username)).toContainText('Custody healthcare professional');

  await page.getByRole('button', { name: 'Add a staff account' }).click();
  await expect(page.getByLabel('Full name')).toBeFocused();
  await page.getByRole('button', { name: 'Create account' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  for (const message of ['Enter their full name', 'Enter a username', 'Choose at least one role', 'Enter a temporary password']) {
    await expect(summary.getByRole('link', { name: message })).toBeVisible();
  }
  await summary.getByRole('link', { name: 'Choose at least one role' }).click();
  await expect(page.getByLabel('Custody healthcare professional')).toBeFocused();
  await snapshot(page, '31-staff-create-errors');

  await page.getByLabel('Full name').fill(PARTNER.fullName);
  await page.getByLabel('Username').fill(PARTNER.username);
  await page.getByRole('group', { name: 'Roles' }).getByLabel('Police partner').check();
  await page.getByLabel('Temporary password').fill('too short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#temporaryPassword-error')).toContainText('Password must be at least 12 characters');
  await page.getByLabel('Temporary password').fill(PARTNER.temporary);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('staff-done')).toContainText(`Account created for ${PARTNER.fullName} (${PARTNER.username})`);
  await expect(staffRow(page, PARTNER.username)).toContainText('Police partner');
  await expect(staffRow(page, PARTNER.username).getByTestId('staff-status')).toContainText('Must change password');

  await snapshot(page, '31-staff-list');

  // The same username again: the router's refusal is shown at the field.
  await page.getByRole('button', { name: 'Add a staff account' }).click();
  await page.getByLabel('Full name').fill('Pat Kelly Two');
  await page.getByLabel('Username').fill(PARTNER.username);
  await page.getByRole('group', { name: 'Roles' }).getByLabel('Social care partner').check();
  await page.getByLabel('Temporary password').fill(PARTNER.temporary);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.locator('#username-error')).toContainText('This username is already in use.');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await context.close();
});

test('the police partner changes the temporary password, then sees the summary and never the clinical record', async ({ browser }) => {
  const { context, page } = await openApp(browser);
  await ensureAdmin(context);
  const admin = await setupSession(context);
  const personId = await ensurePerson(admin, KIERAN);
  const stays = await rpc(context, 'stays.list', { personId }, admin.token);
  if (stays.ok && !stays.value.stays.some((s) => s.exitedAt === null)) {
    const arrivedAt = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString();
    expect((await rpc(context, 'stays.start', { personId, arrivedAt, arrivalReason: 'Arrested' }, admin.token)).ok).toBe(true);
  }
  const flags = await rpc(context, 'flags.list', { personId }, admin.token);
  if (flags.ok && !flags.value.flags.some((f) => f.code === 'SELF_HARM')) {
    const raised = await rpc(
      context,
      'flags.raise',
      { personId, code: 'SELF_HARM', label: 'Self-harm risk', severity: 'high', reason: 'Told the nurse he has thoughts of harming himself tonight.', partnerAdvice: ADVICE },
      admin.token,
    );
    expect(raised.ok).toBe(true);
  }

  await page.reload();
  // A first attempt with a new password too short is refused at the field.
  await signIn(page, PARTNER.username, PARTNER.temporary);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('Temporary password').fill(PARTNER.temporary);
  await page.getByLabel('New password', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.locator('#newPassword-error')).toContainText('Password must be at least 12 characters');
  await snapshot(page, '31-change-password');
  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  await firstSignIn(page, PARTNER.username, PARTNER.temporary, PARTNER.own);
  await expect(searchBox(page)).toBeFocused();
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu.getByRole('link')).toHaveText(['Find a person']);

  await searchBox(page).fill('Dawson');
  await page.getByTestId('search-result').first().getByRole('link').click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'summary');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('DAWSON, Kieran');
  await expect(page.getByTestId('summary-banner')).toContainText('30-Nov-1994');
  await expect(page.getByTestId('in-custody-since')).not.toHaveText('Not known');
  await expect(page.getByTestId('handling-advice')).toContainText('Self-harm risk');
  await expect(page.getByTestId('handling-advice')).toContainText(ADVICE);
  await expect(page.getByTestId('contacts')).toContainText('Alex Morgan');
  await snapshot(page, '31-partner-summary');
  // Nothing clinical: no banner of the record, no reason for the flag, no sections.
  await expect(page.getByTestId('patient-banner')).toHaveCount(0);
  const text = await pageText(page);
  expect(text).not.toContain('thoughts of harming himself');
  for (const section of ['Registration', 'Risk flags', 'Assessments', 'NHS No.']) expect(text).not.toContain(section);

  // The router agrees: the clinical record is refused to this role.
  const partner = await setupSession(context, undefined, PARTNER.username, PARTNER.own);
  const get = await rpc(context, 'patients.get', { personId }, partner.token);
  expect(!get.ok && get.error.code).toBe('forbidden');

  // Advice a clinician adds while the officer has the summary open appears without a reload.
  const more = await rpc(
    context,
    'flags.raise',
    { personId, code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'high', reason: 'Known epilepsy, missed medication.', partnerAdvice: 'Call healthcare at once if he fits.' },
    admin.token,
  );
  expect(more.ok).toBe(true);
  await expect(page.getByTestId('handling-advice')).toContainText('Call healthcare at once if he fits.', { timeout: 15_000 });
  await context.close();
});

test('the administrator lifts a sign-in pause, resets a password and disables an account', async ({ browser }) => {
  const { context, page } = await adminOnStaff(browser);
  // Five wrong passwords, then the account is paused.
  for (let i = 0; i < 6; i++) await rpc(context, 'auth.signIn', { username: PARTNER.username, password: `wrong password ${i}` });
  const paused = await rpc(context, 'auth.signIn', { username: PARTNER.username, password: PARTNER.own });
  expect(!paused.ok && paused.error.code).toBe('throttled');

  await page.reload();
  await signIn(page);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Staff' }).click();
  await expect(staffRow(page, PARTNER.username).getByTestId('staff-status')).toContainText(/Sign-in paused for \d+ seconds/);
  await staffRow(page, PARTNER.username).getByRole('link', { name: /^Unlock sign-in/ }).click();
  await expect(page.getByTestId('staff-done')).toContainText(`${PARTNER.fullName} (${PARTNER.username}) can sign in again now.`);
  await expect(staffRow(page, PARTNER.username).getByTestId('staff-status')).toHaveText('Active');
  expect((await rpc(context, 'auth.signIn', { username: PARTNER.username, password: PARTNER.own })).ok).toBe(true);

  await staffRow(page, PARTNER.username).getByRole('link', { name: /^Reset password/ }).click();
  await expect(page.getByLabel('Temporary password')).toBeFocused();
  await page.getByLabel('Temporary password').fill('Another temporary 1');
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByTestId('staff-done')).toContainText('Password reset for Pat Kelly (pat.kelly)');
  await expect(staffRow(page, PARTNER.username).getByTestId('staff-status')).toContainText('Must change password');

  await staffRow(page, PARTNER.username).getByRole('link', { name: /^Change/ }).click();
  await page.getByLabel('Account disabled').check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('staff-done')).toContainText('Account changed: Pat Kelly (pat.kelly), disabled.');
  await expect(staffRow(page, PARTNER.username).getByTestId('staff-status')).toContainText('Disabled');
  const refused = await rpc(context, 'auth.signIn', { username: PARTNER.username, password: 'Another temporary 1' });
  expect(!refused.ok && refused.error.code).toBe('unauthenticated');

  // Back on: a disabled account is kept, never deleted, and can be enabled again.
  await staffRow(page, PARTNER.username).getByRole('link', { name: /^Change/ }).click();
  await page.getByLabel('Account disabled').uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(staffRow(page, PARTNER.username).getByTestId('staff-status')).not.toContainText('Disabled');
  await context.close();
});
