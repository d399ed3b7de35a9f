// Whom a caller's search may find. Clinicians find anyone in the site's record: the person in
// front of them may be new to the site. Partners (police, social care, voluntary sector) read only
// the need-to-know summary of people in the site's care now, so their search reaches only people
// with a current stay at the site; a past detainee's name is not theirs to find.
import { rolePermissions, type Role } from './roles';

export type SearchScope = 'site' | 'currentStays';

export function searchScope(roles: readonly Role[]): SearchScope {
  return roles.some((r) => rolePermissions[r].includes('patient.view')) ? 'site' : 'currentStays';
}
