// Checks for "Create the first administrator" before sending. Username and password rules come
// from the contract so the screen and the server can never disagree on them.
import type { ChannelInput } from '../../../contract/channels';
import { usernameSchema } from '../../../contract/channels/auth';
import type { Role } from '../../../domain/access/roles';
import type { FieldErrors } from '../../app/form-errors';

export type SetupField = 'fullName' | 'username' | 'password' | 'confirmPassword' | 'clinicalRole';
export const setupFields: readonly SetupField[] = ['fullName', 'username', 'password', 'confirmPassword', 'clinicalRole'];

export const MIN_PASSWORD = 12;
export const NO_CLINICAL_ROLE = 'none';

export interface SetupDraft {
  fullName: string;
  username: string;
  password: string;
  confirmPassword: string;
  clinicalRole: Role | typeof NO_CLINICAL_ROLE;
}

export type SetupCheck = { ok: true; input: ChannelInput<'setup.createFirstAdmin'> } | { ok: false; errors: FieldErrors<SetupField> };

export function validateSetup(draft: SetupDraft): SetupCheck {
  const errors: FieldErrors<SetupField> = {};
  const fullName = draft.fullName.trim();
  if (fullName === '') errors.fullName = { message: 'Enter your full name' };
  else if (fullName.length > 120) errors.fullName = { message: 'Full name must be 120 characters or fewer' };

  const username = usernameSchema.safeParse(draft.username);
  if (draft.username.trim() === '') errors.username = { message: 'Enter a username' };
  else if (!username.success) errors.username = { message: username.error.issues[0]?.message ?? 'Enter a valid username' };

  if (draft.password === '') errors.password = { message: 'Enter a password' };
  else if (draft.password.length < MIN_PASSWORD) errors.password = { message: `Password must be at least ${MIN_PASSWORD} characters` };
  else if (draft.password.length > 256) errors.password = { message: 'Password must be 256 characters or fewer' };

  if (draft.confirmPassword === '') errors.confirmPassword = { message: 'Type the password again to confirm it' };
  else if (draft.password !== draft.confirmPassword) errors.confirmPassword = { message: 'The passwords do not match. Type the same password twice' };

  if (Object.keys(errors).length > 0 || !username.success) return { ok: false, errors };
  return {
    ok: true,
    input: {
      fullName,
      username: username.data,
      password: draft.password,
      clinicalRole: draft.clinicalRole === NO_CLINICAL_ROLE ? null : draft.clinicalRole,
    },
  };
}
