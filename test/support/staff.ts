// Staff accounts for tests: created by the administrator through the router, signed in, and past
// the forced change of the temporary password, as a real user would be.
import type { Role } from '../../domain/access/roles';
import type { TempSite } from './temp-site';

export const TEMP_PASSWORD = 'temporary password 1';
export const STAFF_PASSWORD = 'a long staff password 2';

export async function staffSession(site: TempSite, adminToken: string, username: string, roles: Role[]): Promise<string> {
  await site.ok('staff.create', { fullName: `Test ${username}`, username, roles, temporaryPassword: TEMP_PASSWORD }, adminToken);
  const first = await site.ok('auth.signIn', { username, password: TEMP_PASSWORD });
  await site.ok('auth.changePassword', { currentPassword: TEMP_PASSWORD, newPassword: STAFF_PASSWORD }, first.token);
  return first.token;
}
