// Steps shared by the access and governance specs: a setup session over RPC (the way a test
// arranges data it is not testing), people registered behind the scenes, staff accounts, and the
// first sign-in of someone with a temporary password.
import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { Role } from '../../../domain/access/roles';
import { ADMIN, rpc, signIn } from './app';
import { hostOrigin } from './env';

export interface SetupSession {
  context: BrowserContext;
  token: string;
  origin: string;
}

/** A session of its own for arranging data; the page under test never sees it. */
export async function setupSession(context: BrowserContext, origin: string = hostOrigin(), username: string = ADMIN.username, password: string = ADMIN.password): Promise<SetupSession> {
  const signedIn = await rpc(context, 'auth.signIn', { username, password }, undefined, origin);
  if (!signedIn.ok) throw new Error(`auth.signIn failed: ${signedIn.error.message}`);
  return { context, token: signedIn.value.token, origin };
}

export interface SyntheticPerson {
  familyName: string;
  givenNames: string;
  birthDate: string;
  sex: 'female' | 'male';
}

export async function registerPerson(s: SetupSession, p: SyntheticPerson): Promise<string> {
  const r = await rpc(s.context, 'patients.register', { ...p, title: null, nhsNumber: null, otherIdentifiers: [], aliases: [], reviewedDuplicates: [] }, s.token, s.origin);
  if (!r.ok) throw new Error(`patients.register failed: ${r.error.message}`);
  return r.value.personId;
}

export async function createStaff(s: SetupSession, fullName: string, username: string, roles: Role[], temporaryPassword: string): Promise<string> {
  const r = await rpc(s.context, 'staff.create', { fullName, username, roles, temporaryPassword }, s.token, s.origin);
  if (!r.ok) throw new Error(`staff.create failed: ${r.error.message}`);
  return r.value.userId;
}

/** Signs in with a temporary password and chooses a new one on the screen that insists on it. */
export async function firstSignIn(page: Page, username: string, temporaryPassword: string, newPassword: string): Promise<void> {
  await signIn(page, username, temporaryPassword);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);
  await page.getByLabel('Temporary password').fill(temporaryPassword);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('New password again').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByTestId('notice')).toContainText('Your password has been changed.');
}

/** Everything a person can read on the page, hidden text included. */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.title}\n${document.body.innerHTML}\n${document.body.innerText}`);
}

/** The person's record id, registering them first if this site does not hold them yet. */
export async function ensurePerson(s: SetupSession, p: SyntheticPerson): Promise<string> {
  const found = await rpc(s.context, 'patients.search', { query: `${p.givenNames} ${p.familyName}` }, s.token, s.origin);
  if (!found.ok) throw new Error(`patients.search failed: ${found.error.message}`);
  const same = found.value.results.find((r) => r.familyName === p.familyName && r.givenNames === p.givenNames && r.birthDate === p.birthDate);
  return same ? same.id : registerPerson(s, p);
}
