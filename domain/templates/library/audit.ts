// AUDIT, the WHO Alcohol Use Disorders Identification Test: ten questions, total 0-40. Zones
// (UK default, configurable; docs/clinical-content.md): 0-7 lower risk, 8-15 increasing risk, 16-19 higher risk,
// 20 or more possible dependence.
//
// Codes: a score is not a diagnosis, so AUDIT 20+ raises a "possible dependence" flag and never
// emits 66590003 alcohol dependence. The codes it can emit record what the clinician did after
// the AUDIT, in an outcome section that is SONAR's, not the WHO's (it is not scored): a completed
// brief intervention (366371000000105) and a referral to a specialist alcohol service (431260004),
// each only when the clinician answers Yes. Codes come from the versioned code list.
import type { Template } from '../template-schema';
import { AUDIT_Q1_TO_Q3, AUDIT_Q4_TO_Q10 } from './audit-questions';
import { snomedCodeList } from './snomed-codes';

const { briefInterventionExcessiveAlcohol: bi, referralSpecialistAlcoholService: referral } = snomedCodeList.concepts;

export const audit: Template = {
  id: 'audit',
  version: 1,
  use: { category: 'scale', siteTypes: ['custody', 'prison', 'community'] },
  title: 'AUDIT (Alcohol Use Disorders Identification Test)',
  description: 'Ask about the last year. Questions skipped by the form\'s own rules score 0.',
  sections: [
    { id: 'questions', title: 'Questions', items: [...AUDIT_Q1_TO_Q3, ...AUDIT_Q4_TO_Q10] },
    {
      id: 'outcome',
      title: 'Outcome',
      items: [
        { id: 'brief-intervention', kind: 'yesNo', label: 'Brief intervention for excessive alcohol consumption completed?', required: false },
        { id: 'referred-specialist', kind: 'yesNo', label: 'Referred to a specialist alcohol treatment service?', required: false },
      ],
    },
  ],
  scores: [
    {
      id: 'audit-total',
      label: 'AUDIT total',
      items: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10'],
      max: 40,
      bands: [
        { min: 0, max: 7, label: 'Lower risk', severity: 'low' },
        { min: 8, max: 15, label: 'Increasing risk', severity: 'moderate' },
        { min: 16, max: 19, label: 'Higher risk', severity: 'high' },
        { min: 20, max: 40, label: 'Possible dependence', severity: 'severe' },
      ],
    },
  ],
  flags: [
    {
      id: 'brief-intervention-indicated',
      code: 'ALCOHOL_BRIEF_INTERVENTION_INDICATED',
      severity: 'moderate',
      label: 'Alcohol brief intervention indicated',
      reason: 'AUDIT 8 to 19: increasing or higher risk drinking. Offer a brief intervention.',
      when: { kind: 'scoreBand', score: 'audit-total', bands: ['Increasing risk', 'Higher risk'] },
    },
    {
      id: 'possible-alcohol-dependence',
      code: 'POSSIBLE_ALCOHOL_DEPENDENCE',
      severity: 'high',
      label: 'Possible alcohol dependence',
      reason:
        'AUDIT 20 or more: possible dependence. This is not a diagnosis: assess for dependence and for withdrawal (CIWA-Ar), ' +
        'and consider referral to a specialist alcohol treatment service.',
      when: { kind: 'scoreBand', score: 'audit-total', bands: ['Possible dependence'] },
    },
  ],
  codes: [
    {
      id: 'brief-intervention-completed',
      system: 'http://snomed.info/sct',
      code: bi.code,
      display: bi.display,
      when: { kind: 'answers', match: 'all', conditions: [{ item: 'brief-intervention', op: 'equals', value: true }] },
    },
    {
      id: 'referred-specialist-alcohol',
      system: 'http://snomed.info/sct',
      code: referral.code,
      display: referral.display,
      when: { kind: 'answers', match: 'all', conditions: [{ item: 'referred-specialist', op: 'equals', value: true }] },
    },
  ],
};
