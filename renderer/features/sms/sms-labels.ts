// Words for the substance misuse pathway's values, shared by its screens.
import { keyServiceList, referralSourceLabels, referralSubstanceLabels } from '../../../domain/sms/referral-services';

export { referralSourceLabels };

export const interventionLabels: Record<string, string> = { pharmacological: 'Pharmacological (prescribing, OST)', psychosocial: 'Psychosocial' };

export const endReasonLabels: Record<string, string> = {
  completed: 'Treatment completed',
  declined: 'Declined further treatment',
  transferred: 'Transferred to another establishment',
  released: 'Released',
  other: 'Other',
};

export const decisionLabels: Record<string, string> = {
  continue: 'Continue treatment as planned',
  maintain: 'Maintain (stay on the current dose)',
  detox: 'Detox (reduce to stop)',
  reduce: 'Reduce the dose',
  'end-treatment': 'End treatment',
};

export const naloxoneLabels: Record<string, string> = {
  issued: 'Naloxone issued',
  'offered-declined': 'Naloxone offered, declined',
  'not-offered': 'Naloxone not offered',
};

export const referralStatusLabels: Record<string, string> = {
  open: 'Waiting for a decision',
  accepted: 'Accepted',
  declined: 'Declined',
  closed: 'Closed',
  referred_on: 'Referred on',
};

export function substanceLabel(value: string): string {
  return referralSubstanceLabels[value] ?? value;
}

export function keyServiceLabel(value: string | null): string {
  return keyServiceList.services.find((s) => s.value === value)?.label ?? value ?? '';
}

export const keyServiceOptions = keyServiceList.services.map((s) => ({ value: s.value, label: s.label }));
export const substanceOptions = Object.entries(referralSubstanceLabels).map(([value, label]) => ({ value, label }));

export const WITHHELD = 'Withheld: substance misuse detail (ask the substance misuse team)';
