// The screens for staff access and governance, as routes of the one page (navigation-slice.ts
// joins them to the app's Route union).
import type { Route } from '../../app/navigation-slice';

export type AccessRoute =
  /** Signed in with a temporary password: nothing else until it is changed. */
  | { name: 'changePassword' }
  /** Staff accounts (site administrator). */
  | { name: 'staff' }
  /** The need-to-know summary a police or partner user sees instead of the clinical record. */
  | { name: 'summary'; personId: string }
  /** A person outside the user's care: the reason for emergency access, then `then`. */
  | { name: 'breakGlass'; personId: string; then: Route }
  /** Break-glass accesses waiting for review (team manager, auditor). */
  | { name: 'reviews' }
  /** "Who looked at this record" (auditor); `recordId` when chosen from elsewhere. */
  | { name: 'audit'; recordId: string | null }
  /** Data-sharing agreements between kinds of organisation (site administrator). */
  | { name: 'agreements' }
  /** Site reports: KPIs, run over a period, exported as CSV or PDF (team manager). */
  | { name: 'reports' };
