// What a partner (police, social care, voluntary sector) is told about a person's active flags.
// Every high or severe flag reaches them as handling advice, never silently left out: the
// clinician's own advice where the flag carries it, otherwise safe generic advice by severity.
// Lower flags reach partners only when a clinician chose to share advice with them.
import type { Severity } from '../templates/template-schema';

export const GENERIC_PARTNER_ADVICE: Record<'high' | 'severe', string> = {
  severe: 'Severe risk: call the healthcare professional now, and do not leave the person alone until they have been seen.',
  high: 'High risk: speak to the healthcare professional now.',
};

/**
 * What a partner reads as the flag's name where the clinical label would disclose substance use
 * or treatment: the risk they must act on, not the clinical detail behind it.
 */
export const PARTNER_LABELS: Readonly<Record<string, string>> = {
  OPIATE_WITHDRAWAL: 'Withdrawal: a medical risk',
  OPIOID_WITHDRAWAL_RISK: 'Withdrawal: a medical risk',
  ALCOHOL_WITHDRAWAL: 'Withdrawal: a medical risk',
  ALCOHOL_WITHDRAWAL_RISK: 'Withdrawal: a medical risk',
  SEDATIVE_WITHDRAWAL_RISK: 'Withdrawal: a medical risk',
  WITHDRAWAL_SEIZURE_RISK: 'Seizure risk',
  POSSIBLE_ALCOHOL_DEPENDENCE: 'Health risk: see the healthcare professional',
  ALCOHOL_BRIEF_INTERVENTION_INDICATED: 'Health risk: see the healthcare professional',
  FULL_AUDIT_INDICATED: 'Health risk: see the healthcare professional',
  OST_CONTINUITY: 'Medicines must not be missed',
};

export interface FlagForPartner {
  code: string;
  label: string;
  severity: Severity;
  partnerAdvice: string | null;
  since: string;
}

export interface PartnerAdvice {
  label: string;
  severity: Severity;
  advice: string;
  /** False when the advice is the generic advice for the severity (the clinician wrote none). */
  fromClinician: boolean;
  since: string;
}

const RANK: Record<Severity, number> = { none: 0, low: 1, moderate: 2, high: 3, severe: 4 };

export function partnerAdviceFor(flags: readonly FlagForPartner[]): PartnerAdvice[] {
  return flags
    .flatMap((f): PartnerAdvice[] => {
      const label = PARTNER_LABELS[f.code] ?? f.label;
      if (f.partnerAdvice) return [{ label, severity: f.severity, advice: f.partnerAdvice, fromClinician: true, since: f.since }];
      if (f.severity === 'high' || f.severity === 'severe') return [{ label, severity: f.severity, advice: GENERIC_PARTNER_ADVICE[f.severity], fromClinician: false, since: f.since }];
      return [];
    })
    .sort((a, b) => RANK[b.severity] - RANK[a.severity] || a.since.localeCompare(b.since));
}
