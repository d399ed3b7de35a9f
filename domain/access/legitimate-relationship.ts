// Legitimate relationship (Caldicott: need to know): clinical staff open the records of people in
// their site's care. Anything else needs break-glass. The decision names the rule that matched so
// the audit and the screen can explain it.
import { differenceInHours } from 'date-fns';

export interface RelationshipPolicy {
  /** A stay that ended this recently still counts (letters, follow-up after release). */
  afterExitHours: number;
  /** A person registered here this recently counts before their stay starts (reception in progress). */
  afterRegistrationHours: number;
}

export const DEFAULT_RELATIONSHIP_POLICY: RelationshipPolicy = { afterExitHours: 7 * 24, afterRegistrationHours: 72 };

export interface RelationshipFacts {
  siteCode: string;
  now: Date;
  registration: { siteCode: string; at: string };
  stays: readonly { siteCode: string; arrivedAt: string; exitedAt: string | null }[];
  onCaseload: boolean;
  /**
   * A reception lookup of the shared record by this site, with a stated purpose, whose subscription
   * is still running: the person is arriving in this site's care.
   */
  lookup?: { purpose: string; until: string | null } | null;
  breakGlassUntil: string | null;
}

export type RelationshipDecision = { allowed: true; rule: string } | { allowed: false; rule: string };

export function decideRelationship(facts: RelationshipFacts, policy: RelationshipPolicy = DEFAULT_RELATIONSHIP_POLICY): RelationshipDecision {
  const here = facts.stays.filter((s) => s.siteCode === facts.siteCode);
  if (here.some((s) => s.exitedAt === null)) return { allowed: true, rule: 'current stay at this site' };
  if (facts.onCaseload) return { allowed: true, rule: "on the user's caseload" };
  const recentExit = here.find((s) => s.exitedAt !== null && differenceInHours(facts.now, new Date(s.exitedAt)) <= policy.afterExitHours);
  if (recentExit) return { allowed: true, rule: `left this site within ${policy.afterExitHours} hours` };
  if (facts.registration.siteCode === facts.siteCode && differenceInHours(facts.now, new Date(facts.registration.at)) <= policy.afterRegistrationHours) {
    return { allowed: true, rule: `registered at this site within ${policy.afterRegistrationHours} hours` };
  }
  if (facts.lookup && (facts.lookup.until === null || new Date(facts.lookup.until).getTime() > facts.now.getTime())) {
    return { allowed: true, rule: `looked up at reception for ${facts.lookup.purpose.replace(/_/g, ' ')}${facts.lookup.until ? ` until ${facts.lookup.until}` : ''}` };
  }
  if (facts.breakGlassUntil && new Date(facts.breakGlassUntil).getTime() > facts.now.getTime()) {
    return { allowed: true, rule: `break-glass until ${facts.breakGlassUntil}` };
  }
  return { allowed: false, rule: 'no current or recent stay at this site, not on caseload, no active break-glass' };
}
