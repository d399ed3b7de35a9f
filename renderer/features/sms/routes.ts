// The substance misuse pathway's screens and the work lists, as routes of the one page
// (navigation-slice.ts joins them to the app's Route union).
export type SmsRoute =
  /** The worker's own list: tasks given to me and my caseload. */
  | { name: 'myWork' }
  /** A team's inbox of referrals. */
  | { name: 'inbox' }
  /** Caseloads per worker, with counts and overdue work. */
  | { name: 'caseloads'; workerId: string | null }
  /** People due or overdue for review or recall, printable. */
  | { name: 'recalls' }
  /** Complete a scheduled review (it schedules the next). */
  | { name: 'smsReview'; personId: string; taskId: string }
  | { name: 'carePlan'; personId: string }
  | { name: 'releasePlan'; personId: string }
  /** The printable release pack. */
  | { name: 'releasePack'; personId: string }
  /** A person's TOPs over time. */
  | { name: 'topChart'; personId: string };

export const smsRouteNames: readonly SmsRoute['name'][] = ['myWork', 'inbox', 'caseloads', 'recalls', 'smsReview', 'carePlan', 'releasePlan', 'releasePack', 'topChart'];
