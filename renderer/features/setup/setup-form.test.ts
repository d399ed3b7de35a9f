import { describe, expect, it } from 'vitest';
import { validateSetup, type SetupDraft } from './setup-form';

const good: SetupDraft = {
  fullName: ' Alex Morgan ',
  username: 'Alex.Morgan',
  password: 'correct horse battery',
  confirmPassword: 'correct horse battery',
  clinicalRole: 'custody_hcp',
};

describe('validateSetup', () => {
  it('builds the channel input, username as the server will store it', () => {
    expect(validateSetup(good)).toEqual({
      ok: true,
      input: { fullName: 'Alex Morgan', username: 'alex.morgan', password: 'correct horse battery', clinicalRole: 'custody_hcp' },
    });
    const none = validateSetup({ ...good, clinicalRole: 'none' });
    expect(none.ok && none.input.clinicalRole).toBeNull();
  });

  it('catches a mismatched confirmation before sending', () => {
    const r = validateSetup({ ...good, confirmPassword: 'correct horse batterx' });
    expect(!r.ok && r.errors.confirmPassword?.message).toMatch(/do not match/);
  });

  it('needs 12 characters and a valid username', () => {
    const r = validateSetup({ ...good, password: 'short', confirmPassword: 'short', username: 'a b' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.password?.message).toBe('Password must be at least 12 characters');
    expect(r.errors.username?.message).toMatch(/letters, digits/);
  });

  it('reports every empty field at once', () => {
    const r = validateSetup({ fullName: '', username: '', password: '', confirmPassword: '', clinicalRole: 'none' });
    expect(!r.ok && Object.keys(r.errors)).toEqual(['fullName', 'username', 'password', 'confirmPassword']);
  });
});
