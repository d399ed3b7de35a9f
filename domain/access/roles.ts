// Staff roles and what each may do, as data (deny by default: a permission not listed is refused).
import { z } from 'zod';

export const roleSchema = z.enum([
  'custody_hcp',
  'prison_nurse',
  'sms_clinical',
  'psychosocial_worker',
  'mental_health_practitioner',
  'prescriber',
  'team_manager',
  'site_admin',
  'auditor',
  'partner_police',
  'partner_social_care',
  'partner_voluntary',
]);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  custody_hcp: 'Custody healthcare professional',
  prison_nurse: 'Prison nurse',
  sms_clinical: 'Substance misuse clinical',
  psychosocial_worker: 'Psychosocial worker',
  mental_health_practitioner: 'Mental health practitioner',
  prescriber: 'Prescriber',
  team_manager: 'Team manager',
  site_admin: 'Site administrator',
  auditor: 'Auditor',
  partner_police: 'Police partner',
  partner_social_care: 'Social care partner',
  partner_voluntary: 'Voluntary sector partner',
};

export const permissionSchema = z.enum([
  'patient.search',
  'patient.register',
  'patient.view',
  'patient.summary',
  'patient.update',
  'form.record',
  'flag.manage',
  'task.manage',
  'handover.record',
  /** Refer a person to a team (substance misuse, mental health in-reach). */
  'referral.make',
  /** Decide the referrals sent to one's own team (its inbox): accept, decline, refer on. */
  'referral.triage',
  /** Assign and reassign keyworkers; the caseload views with counts and overdue work. */
  'caseload.manage',
  /** Substance-use (SMS) detail: TOP answers and chart, care plan content, review notes, referral substances (substance-use-scope.ts). */
  'sms.view',
  /** Record SMS treatment: start and end it, complete reviews, care plans, release plans. */
  'sms.record',
  /** Ask the central record for a person's shared record at reception, with a stated purpose. */
  'record.lookup',
  'site.configure',
  'staff.manage',
  'audit.read',
  'governance.review',
  /** Run site reports (KPIs, workforce, outcomes) and export them as CSV or PDF. */
  'report.view',
  /** Export one person's whole record (FHIR UK Core bundle) for another care provider. */
  'record.export',
]);
export type Permission = z.infer<typeof permissionSchema>;

const clinical: readonly Permission[] = [
  'patient.search',
  'patient.register',
  'patient.view',
  'patient.summary',
  'patient.update',
  'form.record',
  'flag.manage',
  'task.manage',
  'handover.record',
  'referral.make',
  'record.lookup',
  'record.export',
];

/** The substance misuse team's own work (roles whose team is `sms`, domain/access/teams.ts). */
const smsWork: readonly Permission[] = ['referral.triage', 'caseload.manage', 'sms.view', 'sms.record'];

/** Partners find a person and read the need-to-know summary: never notes or substance-use detail. */
const partner: readonly Permission[] = ['patient.search', 'patient.summary'];

/** The permission matrix (deny by default: anything not listed is refused). */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  custody_hcp: clinical,
  prison_nurse: clinical,
  sms_clinical: [...clinical, ...smsWork],
  psychosocial_worker: [...clinical, ...smsWork],
  // The in-reach team's inbox of referrals.
  mental_health_practitioner: [...clinical, 'referral.triage'],
  // Prescribes OST and holds clinical keyworker duties; allocation is the team's.
  prescriber: [...clinical, 'referral.triage', 'sms.view', 'sms.record'],
  // Allocates work and sees workloads (caseload counts, overdue reviews), not substance-use detail.
  team_manager: [...clinical, 'governance.review', 'referral.triage', 'caseload.manage', 'report.view'],
  site_admin: ['site.configure', 'staff.manage'],
  auditor: ['audit.read', 'governance.review'],
  partner_police: partner,
  partner_social_care: partner,
  partner_voluntary: partner,
};

export type AccessDecision =
  | { allowed: true; rule: string }
  | { allowed: false; rule: string };

/** Deny by default; the decision names the rule so the audit and the UI can explain it. */
export function decideAccess(roles: readonly Role[], needed: Permission): AccessDecision {
  for (const role of roles) {
    if (rolePermissions[role].includes(needed)) return { allowed: true, rule: `role ${role} grants ${needed}` };
  }
  return { allowed: false, rule: `no role of [${roles.join(', ')}] grants ${needed}` };
}

/** Roles a first administrator may also hold to work clinically at a small site. */
export const clinicalRoles = roleSchema.options.filter((r) => rolePermissions[r].includes('patient.view'));
