// Referrals to the substance misuse team and where they come from, and the key services a person
// may be referred on to, as a versioned data table. A key service with a SNOMED CT concept has its
// referral coded from the code list (never spelled in logic), so outcome reports can count
// "referred to community drug and alcohol team" across sites. Services without a checked concept
// are recorded by name only.
import { z } from 'zod';
import { snomedCodeList, type SnomedConceptKey } from '../templates/library/snomed-codes';
import { SUBSTANCES_USED } from '../templates/library/screening-options';

export const referralSourceSchema = z.enum(['reception', 'dual-diagnosis', 'brief-intervention', 'self', 'healthcare', 'mental-health', 'other-team']);
export type ReferralSource = z.infer<typeof referralSourceSchema>;

export const referralSourceLabels: Record<ReferralSource, string> = {
  reception: 'Reception screen',
  'dual-diagnosis': 'Dual diagnosis screen',
  'brief-intervention': 'Brief intervention',
  self: 'Self-referral',
  healthcare: 'Healthcare team',
  'mental-health': 'Mental health team',
  'other-team': 'Another team',
};

/** The source of a referral a form's rules made, by the form's id. */
export const referralSourceOfTemplate: Readonly<Record<string, ReferralSource>> = {
  'dual-diagnosis': 'dual-diagnosis',
  'brief-intervention': 'brief-intervention',
  'prison-reception-screen': 'reception',
};

export const referralUrgencySchema = z.enum(['routine', 'urgent']);
export type ReferralUrgency = z.infer<typeof referralUrgencySchema>;

/** Substances a referral names: the same values the screens use, so a report can count them together. */
export const referralSubstanceValues = SUBSTANCES_USED.map((o) => o.value) as [string, ...string[]];
export const referralSubstanceSchema = z.enum(referralSubstanceValues);
export const referralSubstanceLabels: Record<string, string> = Object.fromEntries(SUBSTANCES_USED.map((o) => [o.value, o.label]));

export interface KeyService {
  value: string;
  label: string;
  /** The code list concept recorded with a referral on to it, or null when none is checked. */
  concept: SnomedConceptKey | null;
}

export const keyServiceList = {
  id: 'sonar-sms-key-services',
  version: 1,
  services: [
    { value: 'community-drug-alcohol-team', label: 'Community drug and alcohol team', concept: 'referralCommunityDrugAlcoholTeam' },
    { value: 'specialist-alcohol-service', label: 'Specialist alcohol treatment service', concept: 'referralSpecialistAlcoholService' },
    { value: 'mental-health-inreach', label: 'Mental health in-reach', concept: null },
    { value: 'prison-healthcare', label: 'Prison healthcare (primary care)', concept: null },
    { value: 'housing-support', label: 'Housing support', concept: null },
    { value: 'other', label: 'Another service (named in the note)', concept: null },
  ],
} as const satisfies { id: string; version: number; services: readonly KeyService[] };

export const keyServiceSchema = z.enum(keyServiceList.services.map((s) => s.value) as [string, ...string[]]);
export type KeyServiceValue = z.infer<typeof keyServiceSchema>;

export function keyService(value: string): KeyService | null {
  return keyServiceList.services.find((s) => s.value === value) ?? null;
}

/** The SNOMED CT code recorded with a referral on to a key service, from the code list. */
export function keyServiceCode(value: string): { system: 'http://snomed.info/sct'; code: string; display: string } | null {
  const service = keyService(value);
  if (!service?.concept) return null;
  const concept = snomedCodeList.concepts[service.concept];
  return { system: 'http://snomed.info/sct', code: concept.code, display: concept.display };
}
