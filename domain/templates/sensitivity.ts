// What kind of information each form holds, as data: the sensitivity category its responses carry
// in every event, which a disclosure decision (consent, dissent, sharing agreements) is judged on.
// A template not listed is treated as a general assessment.
import type { DataCategory } from '../access/disclosure';
import type { Template } from './template-schema';

export const templateSensitivity: Readonly<Record<string, DataCategory>> = {
  cows: 'substance_use',
  'ciwa-ar': 'substance_use',
  'audit-c': 'substance_use',
  audit: 'substance_use',
  'dual-diagnosis': 'mental_health',
  'risk-assessment': 'risk_flags',
  'custody-hcp-assessment': 'physical_health',
  'prison-reception-screen': 'assessments',
  'top-secure': 'substance_use',
  'top-community': 'substance_use',
  'brief-intervention': 'substance_use',
  // Injecting history and substance misuse treatment, for the NDTMS return: as sensitive as the TOP.
  'ndtms-treatment-details': 'substance_use',
  'ndtms-prison-exit': 'substance_use',
};

export function sensitivityOf(template: Pick<Template, 'id'>): DataCategory {
  return templateSensitivity[template.id] ?? 'assessments';
}
