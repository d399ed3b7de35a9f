// Which screen a user may have: the router refuses what a role does not allow (deny by default),
// and this keeps the page from offering it. A temporary password allows nothing but changing it;
// a partner who opens a person sees the need-to-know summary, never the clinical record.
import type { Permission } from '../../../domain/access/roles';
import type { Route } from '../../app/navigation-slice';

export interface RouteUser {
  permissions: readonly Permission[];
}

export interface RouteSession {
  user: RouteUser;
  mustChangePassword?: boolean;
}

const can = (user: RouteUser, p: Permission) => user.permissions.includes(p);

/** Where a user starts after signing in: the first place their roles allow. */
export function homeRoute(user: RouteUser): Route {
  if (can(user, 'patient.search')) return { name: 'search' };
  if (can(user, 'staff.manage')) return { name: 'staff' };
  if (can(user, 'governance.review')) return { name: 'reviews' };
  if (can(user, 'audit.read')) return { name: 'audit', recordId: null };
  return { name: 'search' };
}

/** What each place needs; screens about one person need patient.view unless listed. */
const needs: Partial<Record<Route['name'], Permission>> = {
  search: 'patient.search',
  register: 'patient.register',
  tasks: 'patient.view',
  staff: 'staff.manage',
  reviews: 'governance.review',
  audit: 'audit.read',
  agreements: 'site.configure',
  summary: 'patient.summary',
  myWork: 'patient.view',
  inbox: 'referral.triage',
  caseloads: 'caseload.manage',
  recalls: 'patient.view',
  smsReview: 'sms.record',
  carePlan: 'sms.record',
  releasePlan: 'sms.record',
  topChart: 'sms.view',
  lookup: 'record.lookup',
  sync: 'patient.view',
  reports: 'report.view',
};

/** Screens before or outside a session. */
const open: readonly Route['name'][] = ['starting', 'startFailed', 'setup', 'signIn'];

export function guardRoute(route: Route, session: RouteSession | null): Route {
  if (!session || open.includes(route.name)) return route;
  if (session.mustChangePassword === true) return { name: 'changePassword' };
  if (route.name === 'changePassword') return homeRoute(session.user);
  const user = session.user;
  if ('personId' in route && route.name !== 'summary' && !can(user, 'patient.view')) {
    // Partners: the summary of the same person. Anyone else is left to the router's refusal.
    return can(user, 'patient.summary') ? { name: 'summary', personId: route.personId } : route;
  }
  const needed = needs[route.name];
  if (needed && !can(user, needed)) {
    const home = homeRoute(user);
    return home.name === route.name ? route : home;
  }
  return route;
}
