// records.exportFhir: one person's record as a FHIR UK Core bundle, for another care provider.
// The router has checked the permission and the legitimate relationship; the call's one audit
// row names the person, the number of resources and a digest of the file handed over.
import { createHash } from 'node:crypto';
import type { ChannelOutput, ParsedInput } from '../../../contract/channels';
import type { Call } from '../call';
import { ServiceError } from '../service-error';
import { personBundle } from './person-bundle';
import { readPersonRecord } from './person-record';

export function exportFhirRecord(input: ParsedInput<'records.exportFhir'>, call: Call): ChannelOutput<'records.exportFhir'> {
  call.note = { personId: input.personId };
  const record = readPersonRecord(call.reads, input.personId);
  if (!record) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const now = call.env.now().toISOString();
  const bundle = personBundle(record, { bundleId: call.env.newId(), now, templates: call.env.templates });
  const content = JSON.stringify(bundle, null, 2);
  const bytes = Buffer.byteLength(content, 'utf8');
  const resources = bundle.entry?.length ?? 0;
  const fileName = `${record.person.familyName}_${record.person.birthDate}_${now.slice(0, 10)}.fhir.json`.replace(/[^A-Za-z0-9._-]/g, '-');
  call.note = {
    personId: input.personId,
    detail: { format: 'fhir-r4-bundle', bundleId: bundle.id, resources, bytes, sha256: createHash('sha256').update(content).digest('hex') },
  };
  return { fileName, mediaType: 'application/fhir+json', encoding: 'utf8', content, bytes, resources };
}
