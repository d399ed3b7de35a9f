import { describe, expect, it } from 'vitest';
import { rolePermissions, type Permission, type Role } from '../../../domain/access/roles';
import type { Route } from '../../app/navigation-slice';
import { guardRoute, homeRoute } from './route-guard';

const as = (...roles: Role[]) => ({ user: { permissions: [...new Set(roles.flatMap((r) => rolePermissions[r]))] as Permission[] } });
const record: Route = { name: 'record', personId: 'p1' };

describe('where a user starts', () => {
  it('is Find a person for clinicians and partners, the staff list for an administrator, reviews for an auditor', () => {
    expect(homeRoute(as('custody_hcp').user)).toEqual({ name: 'search' });
    expect(homeRoute(as('partner_police').user)).toEqual({ name: 'search' });
    expect(homeRoute(as('site_admin').user)).toEqual({ name: 'staff' });
    expect(homeRoute(as('auditor').user)).toEqual({ name: 'reviews' });
    expect(homeRoute(as('site_admin', 'custody_hcp').user)).toEqual({ name: 'search' });
  });
});

describe('the route guard', () => {
  it('leaves screens before sign-in alone', () => {
    expect(guardRoute({ name: 'signIn' }, null)).toEqual({ name: 'signIn' });
    expect(guardRoute(record, null)).toEqual(record);
    expect(guardRoute({ name: 'signIn' }, { ...as('custody_hcp'), mustChangePassword: true })).toEqual({ name: 'signIn' });
  });

  it('allows nothing but the password change while a temporary password is in use', () => {
    const s = { ...as('custody_hcp'), mustChangePassword: true };
    for (const r of [record, { name: 'search' } as Route, { name: 'staff' } as Route]) expect(guardRoute(r, s)).toEqual({ name: 'changePassword' });
    expect(guardRoute({ name: 'changePassword' }, { ...as('custody_hcp'), mustChangePassword: false })).toEqual({ name: 'search' });
  });

  it('turns any clinical screen about a person into the summary for a partner', () => {
    for (const role of ['partner_police', 'partner_social_care', 'partner_voluntary'] as const) {
      const s = as(role);
      expect(guardRoute(record, s)).toEqual({ name: 'summary', personId: 'p1' });
      expect(guardRoute({ name: 'form', personId: 'p1', templateId: 't' }, s)).toEqual({ name: 'summary', personId: 'p1' });
      expect(guardRoute({ name: 'breakGlass', personId: 'p1', then: record }, s)).toEqual({ name: 'summary', personId: 'p1' });
      expect(guardRoute({ name: 'summary', personId: 'p1' }, s)).toEqual({ name: 'summary', personId: 'p1' });
      expect(guardRoute({ name: 'tasks' }, s)).toEqual({ name: 'search' });
      expect(guardRoute({ name: 'register' }, s)).toEqual({ name: 'search' });
    }
  });

  it('keeps clinicians on the record, and keeps everyone else off places their roles do not open', () => {
    expect(guardRoute(record, as('custody_hcp'))).toEqual(record);
    expect(guardRoute({ name: 'staff' }, as('custody_hcp'))).toEqual({ name: 'search' });
    expect(guardRoute({ name: 'staff' }, as('site_admin'))).toEqual({ name: 'staff' });
    expect(guardRoute({ name: 'search' }, as('site_admin'))).toEqual({ name: 'staff' });
    expect(guardRoute({ name: 'audit', recordId: null }, as('team_manager'))).toEqual({ name: 'search' });
    expect(guardRoute({ name: 'audit', recordId: 'p1' }, as('auditor'))).toEqual({ name: 'audit', recordId: 'p1' });
    expect(guardRoute({ name: 'reviews' }, as('team_manager'))).toEqual({ name: 'reviews' });
    expect(guardRoute({ name: 'search' }, as('auditor'))).toEqual({ name: 'reviews' });
  });

  it('leaves a user with no way in where they asked to go, for the router to refuse', () => {
    const nobody = { user: { permissions: [] as Permission[] } };
    expect(guardRoute({ name: 'search' }, nobody)).toEqual({ name: 'search' });
    expect(guardRoute(record, nobody)).toEqual(record);
  });
});
