// The teams work is given to at a site, as data. A task or a referral can be for a team (everyone
// in it sees it on the team list) and for one worker in it. Which teams a member of staff is in
// follows from their roles; a team manager sees every team's list.
import { z } from 'zod';
import type { Role } from './roles';

export const teamSchema = z.enum(['sms', 'healthcare', 'mental_health', 'custody_healthcare']);
export type Team = z.infer<typeof teamSchema>;

export const teamLabels: Record<Team, string> = {
  sms: 'Substance misuse team',
  healthcare: 'Healthcare team',
  mental_health: 'Mental health team',
  custody_healthcare: 'Custody healthcare team',
};

/** The teams each role works in (none for roles that hold no clinical work). */
export const roleTeams: Record<Role, readonly Team[]> = {
  custody_hcp: ['custody_healthcare'],
  prison_nurse: ['healthcare'],
  sms_clinical: ['sms'],
  psychosocial_worker: ['sms'],
  mental_health_practitioner: ['mental_health'],
  prescriber: ['healthcare', 'sms'],
  team_manager: [],
  site_admin: [],
  auditor: [],
  partner_police: [],
  partner_social_care: [],
  partner_voluntary: [],
};

/** Roles that see every team's list (they allocate and escalate work). */
export const seesAllTeams: readonly Role[] = ['team_manager'];

export function teamsOf(roles: readonly Role[]): Team[] {
  return teamSchema.options.filter((t) => roles.some((r) => roleTeams[r].includes(t)));
}

export function mayWorkForTeam(roles: readonly Role[], team: Team): boolean {
  return roles.some((r) => seesAllTeams.includes(r)) || teamsOf(roles).includes(team);
}

/** Keyworker kinds on a substance-misuse caseload: a clinical keyworker and a psychosocial one. */
export const keyworkerKindSchema = z.enum(['clinical', 'psychosocial']);
export type KeyworkerKind = z.infer<typeof keyworkerKindSchema>;

export const keyworkerKindLabels: Record<KeyworkerKind, string> = { clinical: 'Clinical keyworker', psychosocial: 'Psychosocial keyworker' };

/** Roles that may hold each kind of keyworker role on a caseload. */
export const keyworkerRoles: Record<KeyworkerKind, readonly Role[]> = {
  clinical: ['sms_clinical', 'prescriber'],
  psychosocial: ['psychosocial_worker', 'sms_clinical'],
};
