// The code systems, identifier systems and profiles a SONAR FHIR export uses. NHS numbers use the
// national system; identifiers with no national FHIR system yet (CHI, NOMIS, PNC, custody record
// numbers, local ids), SONAR's own codes and the site are named under SONAR's URN namespace, so a
// receiver can tell them apart and map them (docs/fhir-export.md).
import type { IdentifierType } from '../../../domain/identifiers/identifier-types';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';

export const IDENTIFIER_SYSTEMS: Record<IdentifierType, string> = {
  nhs_number: NHS_NUMBER_SYSTEM,
  chi_number: 'urn:sonar:identifier:chi-number',
  nomis_number: 'urn:sonar:identifier:nomis-prison-number',
  pnc_id: 'urn:sonar:identifier:pnc-id',
  custody_record_number: 'urn:sonar:identifier:custody-record-number',
  local_id: 'urn:sonar:identifier:local-id',
};

export const SITE_SYSTEM = 'urn:sonar:site';
export const STAFF_SYSTEM = 'urn:sonar:staff';
export const FLAG_CODE_SYSTEM = 'urn:sonar:flag-code';
export const TASK_KIND_SYSTEM = 'urn:sonar:task-kind';
export const SCORE_SYSTEM = 'urn:sonar:score';
export const DATA_CATEGORY_SYSTEM = 'urn:sonar:data-category';

/** A template (versioned data) as a canonical Questionnaire reference: urn:sonar:questionnaire:<id>|<version>. */
export const questionnaireUrl = (templateId: string) => `urn:sonar:questionnaire:${templateId}`;

export const UK_CORE = (name: string) => `https://fhir.hl7.org.uk/StructureDefinition/UKCore-${name}`;

export const V3_ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const DATA_OPERATION = 'http://terminology.hl7.org/CodeSystem/v3-DataOperation';
export const PROVENANCE_PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';
export const CONSENT_SCOPE = 'http://terminology.hl7.org/CodeSystem/consentscope';
export const CONSENT_CATEGORY_LOINC = 'http://loinc.org';

/** The reference to a resource inside the bundle (entries have urn:uuid full URLs). */
export const ref = (id: string) => `urn:uuid:${id}`;
