import { describe, expect, it } from 'vitest';
import { checkChangePassword, newPasswordProblem } from './password-form';

describe('choosing a new password', () => {
  it('asks for 12 characters or more', () => {
    expect(newPasswordProblem('')).toBe('Enter a new password');
    expect(newPasswordProblem('short words')).toBe('Password must be at least 12 characters');
    expect(newPasswordProblem('twelve chars')).toBeNull();
    expect(newPasswordProblem('x'.repeat(257))).toBe('Password must be 256 characters or fewer');
  });

  it('checks every box at once, and that the new one differs and is typed the same twice', () => {
    expect(checkChangePassword({ currentPassword: '', newPassword: '', confirmPassword: '' })).toEqual({
      currentPassword: { message: 'Enter the temporary password you signed in with' },
      newPassword: { message: 'Enter a new password' },
    });
    expect(checkChangePassword({ currentPassword: 'temporary pass 1', newPassword: 'temporary pass 1', confirmPassword: 'temporary pass 1' }).newPassword?.message).toMatch(/different/);
    expect(checkChangePassword({ currentPassword: 'temporary pass 1', newPassword: 'my own passphrase', confirmPassword: 'my own passphrse' }).confirmPassword?.message).toBe(
      'The two new passwords are not the same',
    );
    expect(checkChangePassword({ currentPassword: 'temporary pass 1', newPassword: 'my own passphrase', confirmPassword: 'my own passphrase' })).toEqual({});
  });
});
