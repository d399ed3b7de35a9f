// One person's record as a FHIR R4 Bundle (type collection) of UK Core resources: Patient; an
// Encounter and EpisodeOfCare per stay; a QuestionnaireResponse per form entry (its current
// version) with an Observation per score and per clinical code; Flag; Task; Consent; and a
// Provenance per change from the event log. Resource ids are the record ids, or derived from
// them (UUID v5), so exporting the same record twice gives the same resource ids.
import { v5 as uuidv5 } from 'uuid';
import type { TemplateRegistry } from '../../../domain/templates/registry';
import { codedObservations, consentResource, flagResource, questionnaireResponse, responseOf, scoreObservations, taskResource } from './clinical-resources';
import { ref } from './fhir-systems';
import { episodeIdFor, patientResource, stayResources } from './patient-resources';
import type { PersonRecord } from './person-record';
import { provenanceResources } from './provenance';

/** The namespace for ids SONAR derives from record ids (a fixed random UUID). */
const SONAR_FHIR_NAMESPACE = '6f1d9c3a-6a1e-4c0b-9f5e-2b7f3f8a1c42';
const derivedId = (seed: string) => uuidv5(seed, SONAR_FHIR_NAMESPACE);

/**
 * Care plans come from the substance misuse pathway's care plan records. Until those exist at a
 * site the source gives none; a site with care plans passes a source that maps each to a CarePlan.
 */
export interface CarePlanSource {
  carePlansFor(record: PersonRecord, patientRef: string): fhir4.CarePlan[];
}
export const noCarePlans: CarePlanSource = { carePlansFor: () => [] };

export interface BundleOptions {
  bundleId: string;
  now: string;
  templates: TemplateRegistry;
  carePlans?: CarePlanSource;
}

export function personBundle(record: PersonRecord, options: BundleOptions): fhir4.Bundle {
  const patientId = record.person.id;
  const resources: fhir4.FhirResource[] = [patientResource(record)];
  const targets = new Map<string, string[]>();
  const carries = (recordType: string, recordId: string, ...ids: string[]) => targets.set(`${recordType}:${recordId}`, ids);
  carries('person', patientId, patientId);
  for (const i of record.identifiers) carries('identifier', i.id, patientId);
  for (const a of record.aliases) carries('alias', a.id, patientId);

  for (const stay of record.stays) {
    const [encounter, episode] = stayResources(stay, patientId, episodeIdFor(stay, derivedId));
    resources.push(encounter, episode);
    carries('stay', stay.id, encounter.id!, episode.id!);
  }
  for (const row of record.responses) {
    const qr = questionnaireResponse(row, patientId, options.templates);
    const observations = [...scoreObservations(row, patientId, options.templates, derivedId), ...codedObservations(row, patientId, derivedId)];
    resources.push(qr, ...observations);
    carries('form_response', responseOf(row).entryId, qr.id!, ...observations.map((o) => o.id!));
  }
  for (const flag of record.flags) {
    resources.push(flagResource(flag, patientId));
    carries('flag', flag.id, flag.id);
  }
  for (const task of record.tasks) {
    resources.push(taskResource(task, patientId));
    carries('task', task.id, task.id);
  }
  for (const consent of record.consents) {
    resources.push(consentResource(consent, patientId));
    carries('consent', consent.id, consent.id);
  }
  resources.push(...(options.carePlans ?? noCarePlans).carePlansFor(record, ref(patientId)));
  resources.push(...provenanceResources(record.events, targets, derivedId));

  return {
    resourceType: 'Bundle',
    id: options.bundleId,
    meta: { lastUpdated: options.now },
    identifier: { system: 'urn:ietf:rfc:3986', value: ref(options.bundleId) },
    type: 'collection',
    timestamp: options.now,
    entry: resources.map((resource) => ({ fullUrl: ref(resource.id!), resource })),
  };
}
