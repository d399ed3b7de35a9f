// The templates SONAR ships, and a registry of them. Every version ever shipped stays in this list
// (add a new version beside the old one, never edit a shipped one), so old responses always find
// the template they were made with.
import { createTemplateRegistry, type TemplateRegistry } from '../registry';
import type { Template } from '../template-schema';
import { audit } from './audit';
import { auditC } from './audit-c';
import { ciwaAr } from './ciwa-ar';
import { cows } from './cows';
import { custodyHcpAssessment } from './custody-hcp-assessment';
import { dualDiagnosis } from './dual-diagnosis';
import { prisonReceptionScreen } from './prison-reception-screen';
import { riskAssessment } from './risk-assessment';

export const libraryTemplates: readonly Template[] = [cows, ciwaAr, auditC, audit, custodyHcpAssessment, prisonReceptionScreen, riskAssessment, dualDiagnosis];

function build(templates: readonly Template[]): TemplateRegistry {
  const result = createTemplateRegistry(templates);
  if (!result.ok) {
    // A shipped template that fails validation is a build error, caught by library tests.
    throw new Error(`Invalid library template: ${result.problems.map((p) => `${p.templateId} v${p.version ?? '?'} ${p.path}: ${p.message}`).join('; ')}`);
  }
  return result.registry;
}

export const templateRegistry: TemplateRegistry = build(libraryTemplates);

export { audit, auditC, ciwaAr, cows, custodyHcpAssessment, dualDiagnosis, prisonReceptionScreen, riskAssessment };
