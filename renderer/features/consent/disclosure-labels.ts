// Plain words for the data-sharing vocabulary of domain/access/disclosure.ts: what a consent
// decision or an agreement covers, on what legal basis, between which kinds of organisation.
import type { DataCategory, LegalBasis, OrgType, Purpose } from '../../../domain/access/disclosure';
import { dataCategorySchema, legalBasisSchema, orgTypeSchema, purposeSchema } from '../../../domain/access/disclosure';

export const categoryLabels: Record<DataCategory, string> = {
  demographics: 'Personal details',
  risk_flags: 'Risk flags',
  physical_health: 'Physical health',
  mental_health: 'Mental health',
  substance_use: 'Substance use',
  medication: 'Medication',
  assessments: 'Assessments',
  care_plan: 'Care plan',
  sexual_health: 'Sexual health',
  safeguarding: 'Safeguarding',
};

export const legalBasisLabels: Record<LegalBasis, string> = {
  direct_care: 'Direct care',
  explicit_consent: 'Explicit consent',
  vital_interests: 'Vital interests (risk to life)',
  legal_obligation: 'Legal obligation',
  public_task: 'Public task',
};

export const orgTypeLabels: Record<OrgType, string> = {
  custody_healthcare: 'Custody healthcare',
  prison_healthcare: 'Prison healthcare',
  community_substance_misuse: 'Community substance misuse service',
  community_mental_health: 'Community mental health team',
  general_practice: 'General practice (GP)',
  police: 'Police',
  social_care: 'Social care',
  voluntary_sector: 'Voluntary sector',
};

export const purposeLabels: Record<Purpose, string> = {
  direct_care: 'Direct care',
  safeguarding: 'Safeguarding',
  continuity_of_care: 'Continuity of care',
  planning: 'Service planning',
  research: 'Research',
};

export const categories: readonly DataCategory[] = dataCategorySchema.options;
export const legalBases: readonly LegalBasis[] = legalBasisSchema.options;
export const orgTypes: readonly OrgType[] = orgTypeSchema.options;
export const purposes: readonly Purpose[] = purposeSchema.options;

/** "Mental health and substance use"; "Personal details, risk flags and medication". */
export function listInWords<T extends string>(values: readonly T[], labels: Record<T, string>): string {
  const words = values.map((v, i) => (i === 0 ? labels[v] : lowerFirst(labels[v])));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

function lowerFirst(s: string): string {
  // Keep abbreviations such as "GP" and proper words as written; only a plain capital goes down.
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** Add or take away one value, keeping the order of `all`. */
export function toggle<T extends string>(value: readonly T[], item: T, all: readonly T[]): T[] {
  const next = value.includes(item) ? value.filter((v) => v !== item) : [...value, item];
  return all.filter((v) => next.includes(v));
}
