// Flags raised by more than one template, worded once so the banner, the partner summary and the
// handover read the same whichever form raised them (the record keeps one active flag per code).
// Each template adds its own `when`.
import type { FlagRule } from '../template-schema';

type SharedFlag = Omit<FlagRule, 'when'>;

export const WITHDRAWAL_SEIZURE_RISK_FLAG: SharedFlag = {
  id: 'withdrawal-seizure-risk',
  code: 'WITHDRAWAL_SEIZURE_RISK',
  severity: 'high',
  label: 'Risk of withdrawal fits or delirium tremens',
  reason:
    'A previous withdrawal fit (seizure) or delirium tremens: a high risk of complicated withdrawal whatever the withdrawal score. ' +
    'Medically assisted withdrawal under the local protocol, close observation, and hospital for a fit or confusion.',
  partnerAdvice: 'Risk of withdrawal fits: if the person is shaking, sweating heavily, confused, seeing things or fitting, call an ambulance and the healthcare professional now.',
};

export const HEAD_INJURY_FLAG: SharedFlag = {
  id: 'head-injury',
  code: 'HEAD_INJURY',
  severity: 'high',
  label: 'Head injury',
  reason:
    'A head injury, or a reported blow to the head. Warning signs: worsening headache, vomiting, blurred or double vision, a fit, confusion, ' +
    'increasing drowsiness, clear fluid from the nose or ears, weakness: any one means hospital now.',
  partnerAdvice:
    'Head injury: rouse at least every 30 minutes and get a spoken answer. Call an ambulance and the healthcare professional at once for a worsening headache, ' +
    'vomiting, blurred or double vision, a fit, confusion or drowsiness, or if the person cannot be roused.',
};

export const OST_CONTINUITY_FLAG: SharedFlag = {
  id: 'ost-continuity',
  code: 'OST_CONTINUITY',
  severity: 'moderate',
  label: 'On opioid substitution treatment: the next dose must not be missed',
  reason:
    'Prescribed opioid substitution treatment. A missed dose brings withdrawal; a dose given twice, or restarted after tolerance is lost, can be fatal. ' +
    'Confirm the dose and the last dose with the prescriber or dispensing pharmacy before giving it.',
  partnerAdvice: 'On prescribed methadone or buprenorphine: tell healthcare now if the person is withdrawing, or if the escort or court gave a dose today.',
};

export const PREGNANCY_FLAG: SharedFlag = {
  id: 'pregnancy',
  code: 'PREGNANCY',
  severity: 'moderate',
  label: 'Pregnant, or may be pregnant',
  reason:
    'Pregnant or possibly pregnant. Abdominal pain, bleeding, reduced baby movements, or a headache with blurred vision need hospital care now; ' +
    'opioid or alcohol withdrawal in pregnancy harms the baby and needs medical management.',
  partnerAdvice: 'Pregnant: tell healthcare now of any abdominal pain, bleeding, fluid loss, reduced baby movements or a severe headache; call an ambulance if unwell.',
};
