// The risk flags a clinician raises by hand at a custody desk or prison reception. Codes are the
// flag type (one active flag of a type per person); "Other" takes the clinician's own words.
// TODO(contract): a site-configurable list from the back end would replace this.
import type { Severity } from '../../../domain/templates/template-schema';

export interface FlagType {
  code: string;
  label: string;
  /** The severity offered first; the clinician may change it. */
  severity: Severity;
}

export const OTHER_FLAG = 'OTHER';

export const flagTypes: readonly FlagType[] = [
  { code: 'SELF_HARM_RISK', label: 'Self-harm or suicide risk', severity: 'high' },
  { code: 'VIOLENCE_RISK', label: 'Risk of violence to others', severity: 'high' },
  { code: 'CONCEALED_DRUGS', label: 'May have swallowed or concealed drugs', severity: 'severe' },
  { code: 'HEAD_INJURY', label: 'Head injury', severity: 'high' },
  { code: 'ALCOHOL_WITHDRAWAL_RISK', label: 'Risk of alcohol withdrawal', severity: 'moderate' },
  { code: 'OPIATE_WITHDRAWAL_RISK', label: 'Risk of opiate withdrawal', severity: 'moderate' },
  { code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'high' },
  { code: 'DIABETES', label: 'Diabetes (insulin-dependent)', severity: 'moderate' },
  { code: 'MENTAL_HEALTH_CONCERN', label: 'Mental health concern', severity: 'moderate' },
  { code: 'VULNERABLE', label: 'Vulnerable adult', severity: 'moderate' },
];

/** The code for a flag in the clinician's own words: OTHER_ and the words in capitals. */
export function otherFlagCode(label: string): string {
  const words = label
    .normalize('NFKD')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${OTHER_FLAG}_${words || 'FLAG'}`.slice(0, 41);
}

export const severityChoices: readonly Severity[] = ['severe', 'high', 'moderate', 'low'];
