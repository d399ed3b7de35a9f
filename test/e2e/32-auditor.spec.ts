// The auditor : "Who looked at this record" lists every access to one
// person's record, allowed or refused, with who, in which role and why; and the audit trail's
// hash chain verifies. The auditor has no patient search: the record id is pasted in.
import { expect, test } from '@playwright/test';
import { ADMIN, ensureAdmin, openApp, rpc } from './support/app';
import { createStaff, ensurePerson, firstSignIn, setupSession } from './support/access';
import { snapshot } from './support/snapshot';

const KIERAN = { familyName: 'Dawson', givenNames: 'Kieran', birthDate: '1994-11-30', sex: 'male' } as const;
const AUDITOR = { fullName: 'Audrey Price', username: 'audrey.price', temporary: 'Temporary pass 2026', own: 'seven green bottles standing' } as const;

test('an auditor sees who looked at a record, refusals included, and verifies the audit trail', async ({ browser }) => {
  const { context, page } = await openApp(browser);
  await ensureAdmin(context);
  const admin = await setupSession(context);
  const personId = await ensurePerson(admin, KIERAN);
  expect((await rpc(context, 'patients.get', { personId }, admin.token)).ok).toBe(true);
  await createStaff(admin, AUDITOR.fullName, AUDITOR.username, ['auditor'], AUDITOR.temporary);

  await page.reload();
  await firstSignIn(page, AUDITOR.username, AUDITOR.temporary, AUDITOR.own);
  // An auditor starts at the break-glass reviews; search and records are not theirs.
  await expect(page.getByRole('heading', { level: 1, name: 'Break-glass reviews' })).toBeVisible();
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await expect(menu.getByRole('link')).toHaveText(['Break-glass reviews', 'Who looked at a record']);
  // One kind of work: one plain list, no group names.
  await expect(menu.getByRole('list', { name: 'Administration' })).toHaveCount(0);

  // The auditor's own attempt to read the record is refused, and that refusal is audited too.
  const auditor = await setupSession(context, undefined, AUDITOR.username, AUDITOR.own);
  const peek = await rpc(context, 'patients.get', { personId }, auditor.token);
  expect(!peek.ok && peek.error.code).toBe('forbidden');

  await menu.getByRole('link', { name: 'Who looked at a record' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who looked at this record' })).toBeVisible();
  await page.getByLabel('Record id').fill('Kieran Dawson');
  await page.getByRole('button', { name: 'Show who looked at it' }).click();
  await expect(page.locator('#record-id-error')).toContainText('Enter a record id like');
  await page.getByLabel('Record id').fill(` ${personId.toUpperCase()} `);
  await page.getByRole('button', { name: 'Show who looked at it' }).click();

  const events = page.getByTestId('access-event');
  await expect(page.getByTestId('access-events')).toContainText(`for record ${personId}, newest first`);
  const viewed = events.filter({ hasText: 'viewed record' }).filter({ hasText: ADMIN.username });
  await expect(viewed.first()).toContainText('Custody healthcare professional');
  await expect(viewed.first()).toContainText('Done');
  await expect(viewed.first()).toContainText(/\d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}/);
  const refused = events.filter({ hasText: AUDITOR.username }).filter({ hasText: 'viewed record' });
  await expect(refused.first()).toContainText('Auditor');
  await expect(refused.first()).toContainText('Refused');
  await expect(refused.first()).toContainText('forbidden');
  await expect(events.filter({ hasText: 'registered person' }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Verify audit trail' }).click();
  await expect(page.getByTestId('verify-result')).toContainText(/Verified The audit trail is intact: \d+ entries checked, none changed or removed\./);
  await snapshot(page, '32-audit-history');
  await context.close();
});
