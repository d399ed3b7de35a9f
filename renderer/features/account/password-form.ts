// Checks for a new password before it is sent (the router checks again): NCSC advice is length
// over complexity, so the rule is at least 12 characters, and the two boxes must match.
import type { FieldErrors } from '../../app/form-errors';

export const MIN_PASSWORD_LENGTH = 12;

export type ChangePasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';
export const changePasswordFields: readonly ChangePasswordField[] = ['currentPassword', 'newPassword', 'confirmPassword'];

export interface ChangePasswordDraft {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function newPasswordProblem(password: string): string | null {
  if (password === '') return 'Enter a new password';
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'Password must be 256 characters or fewer';
  return null;
}

export function checkChangePassword(d: ChangePasswordDraft): FieldErrors<ChangePasswordField> {
  const errors: FieldErrors<ChangePasswordField> = {};
  if (d.currentPassword === '') errors.currentPassword = { message: 'Enter the temporary password you signed in with' };
  const problem = newPasswordProblem(d.newPassword);
  if (problem) errors.newPassword = { message: problem };
  else if (d.newPassword === d.currentPassword) errors.newPassword = { message: 'Choose a new password different from the temporary one' };
  if (!errors.newPassword) {
    if (d.confirmPassword === '') errors.confirmPassword = { message: 'Enter the new password again' };
    else if (d.confirmPassword !== d.newPassword) errors.confirmPassword = { message: 'The two new passwords are not the same' };
  }
  return errors;
}
