import { describe, expect, it } from 'vitest';
import { roleSchema } from '../../domain/access/roles';
import { roleScope } from './role-scope';

describe('what a role may ask for at a lookup', () => {
  it('gives clinicians the shared record, partners the summary, and refuses roles that cannot search', () => {
    expect(roleScope('prison_nurse')).toMatchObject({ allowed: true, capped: false });
    expect(roleScope('partner_police')).toMatchObject({ allowed: true, capped: true, categories: ['demographics', 'risk_flags'] });
    expect(roleScope('site_admin')).toMatchObject({ allowed: false });
    expect(roleScope('auditor')).toMatchObject({ allowed: false });
    for (const role of roleSchema.options) expect(roleScope(role).rule).toContain(role);
  });
});
