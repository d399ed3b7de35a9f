import { describe, expect, it } from 'vitest';
import { roleSchema } from '../../../domain/access/roles';
import { checkCreate, checkEdit, roleGroups, statusTexts, toggleRole, usernameProblem } from './staff-form';

const good = { fullName: 'Pat Kelly', username: 'pat.kelly', roles: ['partner_police' as const], temporaryPassword: 'temporary pass 1' };

describe('the staff forms', () => {
  it('offer every role exactly once', () => {
    const offered = roleGroups.flatMap((g) => g.roles);
    expect([...offered].sort()).toEqual([...roleSchema.options].sort());
  });

  it('accept a complete new account', () => {
    expect(checkCreate(good)).toEqual({});
  });

  it('say what to fix in each field at once', () => {
    const errors = checkCreate({ fullName: ' ', username: 'Pat Kelly!', roles: [], temporaryPassword: 'short' });
    expect(errors.fullName?.message).toBe('Enter their full name');
    expect(errors.username?.message).toBe('Username may contain only letters, digits, dots, hyphens and underscores');
    expect(errors.roles?.message).toBe('Choose at least one role');
    expect(errors.temporaryPassword?.message).toBe('Password must be at least 12 characters');
    expect(checkCreate({ ...good, temporaryPassword: '' }).temporaryPassword?.message).toBe('Enter a temporary password');
    expect(checkCreate({ ...good, roles: ['custody_hcp', 'prison_nurse', 'prescriber', 'team_manager', 'auditor'] }).roles?.message).toBe('Choose no more than 4 roles');
  });

  it('read usernames as the sign-in form does (trimmed, any case)', () => {
    expect(usernameProblem('  Pat.Kelly ')).toBeNull();
    expect(usernameProblem('')).toBe('Enter a username');
    expect(usernameProblem('pk')).toBe('Username must be at least 3 characters');
  });

  it('check a change of name and roles', () => {
    expect(checkEdit({ fullName: 'Pat Kelly', roles: ['auditor'] })).toEqual({});
    expect(Object.keys(checkEdit({ fullName: '', roles: [] }))).toEqual(['fullName', 'roles']);
  });

  it('keep roles in the order offered', () => {
    expect(toggleRole(['auditor'], 'custody_hcp')).toEqual(['custody_hcp', 'auditor']);
    expect(toggleRole(['custody_hcp', 'auditor'], 'custody_hcp')).toEqual(['auditor']);
  });

  it('describe an account in words', () => {
    expect(statusTexts({ disabled: false, mustChangePassword: false, throttledForSeconds: 0 })).toEqual(['Active']);
    expect(statusTexts({ disabled: true, mustChangePassword: true, throttledForSeconds: 42 })).toEqual(['Disabled', 'Must change password', 'Sign-in paused for 42 seconds']);
  });
});
