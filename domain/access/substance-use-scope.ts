// Who sees substance-use (SMS) detail, as data (Caldicott: need to know). Substance misuse
// clinical and psychosocial workers and prescribers see it all (permission `sms.view` in
// roles.ts). Other clinical staff see what their duty needs: that a person is referred to or in
// treatment with the substance misuse team and who their keyworkers are (so they know whom to
// call), the reviews and tasks due (so nothing is missed), and the release plan's medicines facts
// (OST dose and time of the last dose, naloxone: continuity and overdose prevention). Withdrawal
// scales, AUDIT and brief interventions stay with every clinician who uses them.
import type { DataCategory } from './disclosure';
import { decideAccess, type Role } from './roles';

export type SubstanceUseScope = 'detail' | 'summary';

export function substanceUseScope(roles: readonly Role[]): SubstanceUseScope {
  return decideAccess(roles, 'sms.view').allowed ? 'detail' : 'summary';
}

/** Forms only `detail` may record or read: the Treatment Outcomes Profile. */
export const SMS_DETAIL_TEMPLATES: readonly string[] = ['top-secure', 'top-community'];

export function templateNeedsDetail(templateId: string): boolean {
  return SMS_DETAIL_TEMPLATES.includes(templateId);
}

/** What the summary withholds, in words (shown in place of it, and in docs). */
export const WITHHELD_FROM_SUMMARY: readonly string[] = [
  'the reason and substances of a substance misuse referral',
  'Treatment Outcomes Profiles and their chart',
  'the care plan goals and actions',
  'review notes and decisions',
  'the release plan destination and community service details',
];

/** The category every SMS event carries, for disclosure decisions across organisations. */
export const SMS_SENSITIVITY: DataCategory = 'substance_use';
