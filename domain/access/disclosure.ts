// Whether a disclosure of a person's data is permitted: the one function the central record and
// the site call before anything crosses an organisational boundary. Inputs are
// data: data-sharing agreements, the person's recorded consent decisions, and the request. The
// outcome names the rule behind every category permitted or withheld.
import { z } from 'zod';

export const dataCategorySchema = z.enum([
  'demographics',
  'risk_flags',
  'physical_health',
  'mental_health',
  'substance_use',
  'medication',
  'assessments',
  'care_plan',
  'sexual_health',
  'safeguarding',
]);
export type DataCategory = z.infer<typeof dataCategorySchema>;

export const orgTypeSchema = z.enum([
  'custody_healthcare',
  'prison_healthcare',
  'community_substance_misuse',
  'community_mental_health',
  'general_practice',
  'police',
  'social_care',
  'voluntary_sector',
]);
export type OrgType = z.infer<typeof orgTypeSchema>;

export const purposeSchema = z.enum(['direct_care', 'safeguarding', 'continuity_of_care', 'planning', 'research']);
export type Purpose = z.infer<typeof purposeSchema>;

export const legalBasisSchema = z.enum(['direct_care', 'explicit_consent', 'vital_interests', 'legal_obligation', 'public_task']);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const agreementSchema = z
  .object({
    id: z.string().regex(/^[A-Z0-9-]{3,40}$/),
    version: z.number().int().positive(),
    title: z.string().min(1).max(200),
    fromOrgTypes: z.array(orgTypeSchema).min(1),
    toOrgTypes: z.array(orgTypeSchema).min(1),
    categories: z.array(dataCategorySchema).min(1),
    purposes: z.array(purposeSchema).min(1),
    validFrom: z.iso.date(),
    validTo: z.iso.date().nullable(),
  })
  .strict();
export type Agreement = z.infer<typeof agreementSchema>;

export const consentDecisionSchema = z.object({
  decision: z.enum(['share', 'do_not_share']),
  categories: z.array(dataCategorySchema).min(1),
  legalBasis: legalBasisSchema,
  decidedOn: z.iso.date(),
});
export type ConsentDecision = z.infer<typeof consentDecisionSchema>;

export interface DisclosureRequest {
  fromOrgType: OrgType;
  toOrgType: OrgType;
  purpose: Purpose;
  categories: readonly DataCategory[];
  /** yyyy-mm-dd: agreements and consent are judged as at this date. */
  on: string;
  /** Sharing despite dissent, only for a real and immediate risk to life (vital interests). */
  override?: { basis: 'vital_interests'; justification: string };
}

export interface DisclosureDecision {
  outcome: 'permit' | 'permit_with_redactions' | 'deny';
  permitted: DataCategory[];
  withheld: { category: DataCategory; rule: string }[];
  /** The rule that decided the outcome as a whole. */
  rule: string;
  agreement: { id: string; version: number } | null;
}

/** The person's latest decision covering a category, if any (decisions are judged as at `on`). */
function latestDecision(consents: readonly ConsentDecision[], category: DataCategory, on: string): ConsentDecision | null {
  return (
    [...consents]
      .filter((c) => c.categories.includes(category) && c.decidedOn <= on)
      .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn))[0] ?? null
  );
}

export function decideDisclosure(request: DisclosureRequest, agreements: readonly Agreement[], consents: readonly ConsentDecision[]): DisclosureDecision {
  const deny = (rule: string): DisclosureDecision => ({
    outcome: 'deny',
    permitted: [],
    withheld: request.categories.map((category) => ({ category, rule })),
    rule,
    agreement: null,
  });

  const applicable = agreements.filter(
    (a) =>
      a.fromOrgTypes.includes(request.fromOrgType) &&
      a.toOrgTypes.includes(request.toOrgType) &&
      a.purposes.includes(request.purpose) &&
      a.validFrom <= request.on &&
      (a.validTo === null || request.on <= a.validTo),
  );
  const agreement = applicable.sort((a, b) => b.categories.length - a.categories.length)[0];
  if (!agreement) {
    return deny(`no data-sharing agreement in force on ${request.on} from ${request.fromOrgType} to ${request.toOrgType} for ${request.purpose}`);
  }

  // Direct care and safeguarding rest on their own legal basis; anything else needs explicit consent
  // (and the National Data Opt-out applies to planning and research).
  const needsExplicitConsent = request.purpose === 'planning' || request.purpose === 'research';
  const permitted: DataCategory[] = [];
  const withheld: { category: DataCategory; rule: string }[] = [];
  for (const category of request.categories) {
    if (!agreement.categories.includes(category)) {
      withheld.push({ category, rule: `${category} is outside agreement ${agreement.id} v${agreement.version}` });
      continue;
    }
    const decision = latestDecision(consents, category, request.on);
    if (needsExplicitConsent && decision?.decision !== 'share') {
      withheld.push({ category, rule: `${request.purpose} needs the person's explicit consent to share ${category}` });
      continue;
    }
    if (decision?.decision === 'do_not_share') {
      if (request.override?.basis === 'vital_interests' && request.override.justification.trim().length > 0) {
        permitted.push(category);
        continue;
      }
      withheld.push({ category, rule: `the person declined sharing of ${category} on ${decision.decidedOn}` });
      continue;
    }
    permitted.push(category);
  }
  const ref = { id: agreement.id, version: agreement.version };
  if (permitted.length === 0) return { outcome: 'deny', permitted, withheld, rule: 'every requested category is withheld', agreement: ref };
  const overridden = request.override && withheld.length === 0 && consents.some((c) => c.decision === 'do_not_share');
  return {
    outcome: withheld.length === 0 ? 'permit' : 'permit_with_redactions',
    permitted,
    withheld,
    rule: `agreement ${agreement.id} v${agreement.version}${overridden ? ' with a vital-interests override of recorded dissent' : ''}`,
    agreement: ref,
  };
}
