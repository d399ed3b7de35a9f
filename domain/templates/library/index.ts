// The templates SONAR ships, and a registry of them. Every version ever shipped stays in this list
// (add a new version beside the old one, never edit a shipped one), so old responses always find
// the template they were made with. New responses use the latest version of each; templates
// offered only in one wording are chosen by the site (wordings.ts, offered.ts).
import { createTemplateRegistry, type TemplateRegistry } from '../registry';
import type { Template } from '../template-schema';
import { audit } from './audit';
import { briefIntervention } from './brief-intervention';
import { auditC } from './audit-c';
import { auditCUk, auditCWho, auditUk, auditWho } from './audit-v2';
import { ciwaAr } from './ciwa-ar';
import { ciwaArV2 } from './ciwa-ar-v2';
import { cows } from './cows';
import { cowsV2 } from './cows-v2';
import { custodyHcpAssessment } from './custody-hcp-assessment';
import { custodyHcpAssessmentV2 } from './custody-hcp-assessment-v2';
import { dualDiagnosis } from './dual-diagnosis';
import { prisonReceptionScreen } from './prison-reception-screen';
import { prisonReceptionScreenV2 } from './prison-reception-screen-v2';
import { prisonSecondStageAssessment } from './prison-second-stage-assessment';
import { riskAssessment } from './risk-assessment';
import { riskAssessmentV2 } from './risk-assessment-v2';
import { ndtmsPrisonExit, ndtmsTreatmentDetails } from './ndtms-details';
import { topCommunity, topSecure } from './top';

export const libraryTemplates: readonly Template[] = [
  cows,
  cowsV2,
  ciwaAr,
  ciwaArV2,
  auditC,
  auditCUk,
  auditCWho,
  audit,
  auditUk,
  auditWho,
  custodyHcpAssessment,
  custodyHcpAssessmentV2,
  prisonReceptionScreen,
  prisonReceptionScreenV2,
  prisonSecondStageAssessment,
  riskAssessment,
  riskAssessmentV2,
  dualDiagnosis,
  topSecure,
  topCommunity,
  briefIntervention,
  ndtmsTreatmentDetails,
  ndtmsPrisonExit,
];

function build(templates: readonly Template[]): TemplateRegistry {
  const result = createTemplateRegistry(templates);
  if (!result.ok) {
    // A shipped template that fails validation is a build error, caught by library tests.
    throw new Error(`Invalid library template: ${result.problems.map((p) => `${p.templateId} v${p.version ?? '?'} ${p.path}: ${p.message}`).join('; ')}`);
  }
  return result.registry;
}

export const templateRegistry: TemplateRegistry = build(libraryTemplates);

export {
  audit,
  auditC,
  auditCUk,
  auditCWho,
  auditUk,
  auditWho,
  briefIntervention,
  ciwaAr,
  ciwaArV2,
  cows,
  cowsV2,
  custodyHcpAssessment,
  custodyHcpAssessmentV2,
  dualDiagnosis,
  ndtmsPrisonExit,
  ndtmsTreatmentDetails,
  prisonReceptionScreen,
  prisonReceptionScreenV2,
  prisonSecondStageAssessment,
  riskAssessment,
  riskAssessmentV2,
  topCommunity,
  topSecure,
};
export { wordingSettings } from './wordings';
