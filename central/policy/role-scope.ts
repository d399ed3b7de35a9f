// What the requesting member of staff's role lets the site ask for at a lookup. The site checks
// roles too; the central checks again because it answers for the whole region. Partners (police,
// social care, voluntary sector) get the need-to-know summary only; roles that cannot search for
// patients cannot look anyone up.
import { dataCategorySchema, type DataCategory } from '../../domain/access/disclosure';
import { rolePermissions, type Role } from '../../domain/access/roles';

export const PARTNER_CATEGORIES: readonly DataCategory[] = ['demographics', 'risk_flags'];

export type RoleScope = { allowed: false; rule: string } | { allowed: true; categories: readonly DataCategory[]; capped: boolean; rule: string };

export function roleScope(role: Role): RoleScope {
  const permissions = rolePermissions[role];
  if (!permissions.includes('patient.search')) return { allowed: false, rule: `role ${role} may not look people up` };
  if (!permissions.includes('patient.view')) {
    return { allowed: true, categories: PARTNER_CATEGORIES, capped: true, rule: `role ${role} sees the need-to-know summary only` };
  }
  return { allowed: true, categories: dataCategorySchema.options, capped: false, rule: `role ${role} may see the shared record` };
}
