import { describe, expect, it } from 'vitest';
import { GENERIC_PARTNER_ADVICE, partnerAdviceFor } from './partner-advice';

describe('advice for partners', () => {
  const at = '2026-11-23T10:00:00Z';
  it('never leaves out a high or severe flag: generic advice where the clinician wrote none', () => {
    const advice = partnerAdviceFor([
      { code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'high', partnerAdvice: null, since: at },
      { code: 'OPIATE_WITHDRAWAL', label: 'Opiate withdrawal', severity: 'severe', partnerAdvice: null, since: at },
      { code: 'SELF_HARM_RISK', label: 'Self-harm risk', severity: 'high', partnerAdvice: 'Observe at level 2; remove ligature risks.', since: at },
      { code: 'DIABETES', label: 'Diabetes', severity: 'moderate', partnerAdvice: null, since: at },
      { code: 'ALLERGY', label: 'Allergy', severity: 'low', partnerAdvice: 'Penicillin allergy: tell the ambulance crew.', since: at },
    ]);
    expect(advice.map((a) => [a.label, a.fromClinician])).toEqual([
      ['Withdrawal: a medical risk', false],
      ['Seizure risk', false],
      ['Self-harm risk', true],
      ['Allergy', true],
    ]);
    expect(advice[0]!.advice).toBe(GENERIC_PARTNER_ADVICE.severe);
    expect(advice[1]!.advice).toBe(GENERIC_PARTNER_ADVICE.high);
  });
});
