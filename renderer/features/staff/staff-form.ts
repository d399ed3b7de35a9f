// Checks for the staff forms before sending (the router checks again with the same rules): a name,
// a username the sign-in form accepts, one to four roles, a temporary password of 12 or more.
import { usernameSchema } from '../../../contract/channels/auth';
import type { Role } from '../../../domain/access/roles';
import type { FieldErrors } from '../../app/form-errors';
import { newPasswordProblem } from '../account/password-form';

export const MAX_ROLES = 4;

export interface StaffDraft {
  fullName: string;
  username: string;
  roles: Role[];
  temporaryPassword: string;
}

export type CreateField = 'fullName' | 'username' | 'roles' | 'temporaryPassword';
export const createFields: readonly CreateField[] = ['fullName', 'username', 'roles', 'temporaryPassword'];

export type EditField = 'fullName' | 'roles';
export const editFields: readonly EditField[] = ['fullName', 'roles'];

/** Roles in the order the form offers them, grouped as a site thinks of its staff. */
export const roleGroups: { legend: string; hint?: string; roles: Role[] }[] = [
  { legend: 'Clinical', roles: ['custody_hcp', 'prison_nurse', 'sms_clinical', 'psychosocial_worker', 'mental_health_practitioner', 'prescriber'] },
  { legend: 'Management and governance', roles: ['team_manager', 'site_admin', 'auditor'] },
  { legend: 'Partners', hint: 'Partners see only the need-to-know summary, never the clinical record.', roles: ['partner_police', 'partner_social_care', 'partner_voluntary'] },
];

const offered = roleGroups.flatMap((g) => g.roles);

function nameProblem(fullName: string): string | null {
  const name = fullName.trim();
  if (name === '') return 'Enter their full name';
  if (name.length > 120) return 'Full name must be 120 characters or fewer';
  return null;
}

function rolesProblem(roles: readonly Role[]): string | null {
  if (roles.length === 0) return 'Choose at least one role';
  if (roles.length > MAX_ROLES) return `Choose no more than ${MAX_ROLES} roles`;
  return null;
}

export function usernameProblem(username: string): string | null {
  if (username.trim() === '') return 'Enter a username';
  const parsed = usernameSchema.safeParse(username);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Enter a valid username');
}

export function checkCreate(d: StaffDraft): FieldErrors<CreateField> {
  const errors: FieldErrors<CreateField> = {};
  const name = nameProblem(d.fullName);
  if (name) errors.fullName = { message: name };
  const username = usernameProblem(d.username);
  if (username) errors.username = { message: username };
  const roles = rolesProblem(d.roles);
  if (roles) errors.roles = { message: roles, target: `role-${roleGroups[0]?.roles[0] ?? 'custody_hcp'}` };
  const password = newPasswordProblem(d.temporaryPassword);
  if (password) errors.temporaryPassword = { message: password.replace('a new password', 'a temporary password') };
  return errors;
}

export function checkEdit(d: Pick<StaffDraft, 'fullName' | 'roles'>): FieldErrors<EditField> {
  const errors: FieldErrors<EditField> = {};
  const name = nameProblem(d.fullName);
  if (name) errors.fullName = { message: name };
  const roles = rolesProblem(d.roles);
  if (roles) errors.roles = { message: roles, target: `edit-role-${roleGroups[0]?.roles[0] ?? 'custody_hcp'}` };
  return errors;
}

/** What the list says about an account beyond its roles. */
export function statusTexts(m: { disabled: boolean; mustChangePassword: boolean; throttledForSeconds: number }): string[] {
  const out: string[] = [];
  if (m.disabled) out.push('Disabled');
  if (m.mustChangePassword) out.push('Must change password');
  if (m.throttledForSeconds > 0) out.push(`Sign-in paused for ${m.throttledForSeconds} seconds`);
  if (out.length === 0) out.push('Active');
  return out;
}

/** Toggle a role in a list, keeping the form's order. */
export function toggleRole(roles: readonly Role[], role: Role): Role[] {
  const next = roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role];
  return offered.filter((r) => next.includes(r));
}
