// AUDIT-C: the first three AUDIT questions (consumption), total 0-12. UK default (docs/clinical-content.md,
// configurable): 5 or more is positive and the full AUDIT follows. No codes: a positive screen
// is a reason to ask more, not a clinical finding to code.
import type { Template } from '../template-schema';
import { AUDIT_Q1_TO_Q3 } from './audit-questions';

export const auditC: Template = {
  id: 'audit-c',
  version: 1,
  use: { category: 'scale', siteTypes: ['custody', 'prison', 'community'] },
  title: 'AUDIT-C (alcohol consumption screen)',
  description: 'The first three questions of the AUDIT. Ask about the last year.',
  sections: [{ id: 'consumption', title: 'Alcohol consumption', items: AUDIT_Q1_TO_Q3 }],
  scores: [
    {
      id: 'audit-c-total',
      label: 'AUDIT-C total',
      items: ['q1', 'q2', 'q3'],
      max: 12,
      bands: [
        { min: 0, max: 4, label: 'Negative', severity: 'none' },
        { min: 5, max: 12, label: 'Positive', severity: 'moderate' },
      ],
    },
  ],
  flags: [
    {
      id: 'full-audit-indicated',
      code: 'FULL_AUDIT_INDICATED',
      severity: 'moderate',
      label: 'Full AUDIT indicated',
      reason: 'AUDIT-C 5 or more: complete the full AUDIT.',
      when: { kind: 'scoreBand', score: 'audit-c-total', bands: ['Positive'] },
    },
  ],
  codes: [],
};
