// Issue 8 item 8: the auditor finds a person by name or identifier (not only a pasted record id);
// one record open writes one "viewed record" row, not one per section the record screen reads;
// staff are shown by full name and role.
import type { ChannelInput } from '../../contract/channels';
import { expect, test } from '@playwright/test';
import { ADMIN, ensureAdmin, openApp, rpc, searchBox, settled, signIn } from './support/app';
import { createStaff, firstSignIn, setupSession } from './support/access';
import { snapshot } from './support/snapshot';

const LUCIA: ChannelInput<'patients.register'> = {
  familyName: 'Ferreira',
  givenNames: 'Lucia',
  title: null,
  birthDate: '1986-10-21',
  sex: 'female',
  nhsNumber: null,
  otherIdentifiers: [{ type: 'nomis_number', value: 'F5512KD' }],
  aliases: [],
  reviewedDuplicates: [],
};
const AUDITOR = { fullName: 'Iris Okonjo', username: 'iris.okonjo', temporary: 'Temporary pass 4242', own: 'nine blue kites over the bay' } as const;

test('one record open is one "viewed record" row, and the auditor finds the person by name or identifier', async ({ browser }) => {
  const { context, page } = await openApp(browser);
  await ensureAdmin(context);
  const admin = await setupSession(context);
  const registered = await rpc(context, 'patients.register', LUCIA, admin.token);
  if (!registered.ok) throw new Error(registered.error.message);
  const personId = registered.value.personId;
  await createStaff(admin, AUDITOR.fullName, AUDITOR.username, ['auditor'], AUDITOR.temporary);

  // A clinician opens the record from search, and the record screen loads every section.
  await page.reload();
  await signIn(page);
  await searchBox(page).fill('ferreira');
  await page.getByTestId('search-result').filter({ hasText: 'FERREIRA, Lucia' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'FERREIRA, Lucia' })).toBeFocused();
  await expect(page.getByTestId('assessments-section')).toBeVisible();
  await settled(page);

  await page.getByRole('button', { name: 'Sign out' }).click();

  // The auditor: first sign-in, then "Who looked at a record", found by name.
  await firstSignIn(page, AUDITOR.username, AUDITOR.temporary, AUDITOR.own);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Who looked at a record' }).click();
  await page.getByLabel('Name, date of birth or identifier').fill('Ferreira Lucia');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  const found = page.getByTestId('audit-person').filter({ hasText: 'FERREIRA, Lucia' });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('21-Oct-1986');
  await found.getByRole('button', { name: /Show who looked/ }).click();

  await expect(page.getByTestId('access-history-title')).toBeFocused();
  await expect(page.getByTestId('access-history-title')).toHaveText('Access history of FERREIRA, Lucia');
  const events = page.getByTestId('access-event');
  const byClinician = events.filter({ hasText: `${ADMIN.fullName} (${ADMIN.username})` });
  // Registered, then one open of the record: one row, not one per section.
  await expect(byClinician.filter({ hasText: 'viewed record' })).toHaveCount(1);
  await expect(byClinician.filter({ hasText: 'registered person' })).toHaveCount(1);
  await expect(byClinician).toHaveCount(2);
  await expect(byClinician.filter({ hasText: 'viewed record' })).toContainText('Custody healthcare professional');
  await snapshot(page, '42-auditor-history');

  // And by identifier, typed in lower case.
  await page.getByLabel('Name, date of birth or identifier').fill('f5512kd');
  await page.getByRole('button', { name: 'Find', exact: true }).click();
  await expect(page.getByTestId('audit-person')).toHaveCount(1);
  await expect(page.getByTestId('audit-person')).toContainText('Prison number (NOMIS) F5512KD');
  await page.getByTestId('audit-person').getByRole('button', { name: /Show who looked/ }).click();
  await expect(page.getByTestId('access-events')).toContainText(`for FERREIRA, Lucia (record ${personId})`);

  // The auditor's searches are in the trail too, and opened no record.
  const own = await setupSession(context, undefined, AUDITOR.username, AUDITOR.own);
  const history = await rpc(context, 'audit.personAccess', { personId }, own.token);
  expect(history.ok && history.value.events.filter((e) => e.username === AUDITOR.username).map((e) => e.action)).not.toContain('viewed record');
  await context.close();
});
