// Provenance from the event log: every change to an exported record, who made it (the author, in
// the role they acted in), at which site, when, and what kind of change it was. Changes to
// records the export does not carry as resources (handovers, referrals, sync conflicts) are left
// out with them.
import { roleLabels, roleSchema } from '../../../domain/access/roles';
import type { RecordEventRow } from '../../../db/record-export-repo';
import { DATA_OPERATION, PROVENANCE_PARTICIPANT, SITE_SYSTEM, STAFF_SYSTEM, ref } from './fhir-systems';

function operation(type: string): { code: string; display: string } {
  if (type.endsWith('entered_in_error')) return { code: 'NULLIFY', display: 'nullify' };
  if (/\.(registered|added|started|raised|created|recorded|made)$/.test(type)) return { code: 'CREATE', display: 'create' };
  return { code: 'UPDATE', display: 'revise' };
}

function roleText(role: string): string {
  const parsed = roleSchema.safeParse(role);
  return parsed.success ? roleLabels[parsed.data] : role === 'system' ? 'SONAR (the central record)' : role;
}

/**
 * One Provenance per event whose record is in the bundle. `targets` maps an event's record
 * (recordType:recordId) to the ids of the resources that carry it.
 */
export function provenanceResources(events: readonly RecordEventRow[], targets: ReadonlyMap<string, readonly string[]>, newId: (seed: string) => string): fhir4.Provenance[] {
  return events.flatMap((e) => {
    const target = targets.get(`${e.recordType}:${e.recordId}`);
    if (!target || target.length === 0) return [];
    const op = operation(e.type);
    const provenance: fhir4.Provenance = {
      resourceType: 'Provenance',
      id: newId(`provenance:${e.eventId}`),
      target: target.map((id) => ({ reference: ref(id) })),
      recorded: e.recordedAt,
      activity: { coding: [{ system: DATA_OPERATION, code: op.code, display: op.display }], text: e.type },
      agent: [
        {
          type: { coding: [{ system: PROVENANCE_PARTICIPANT, code: 'author', display: 'Author' }] },
          role: [{ text: roleText(e.authorRole) }],
          who: { identifier: { system: `${STAFF_SYSTEM}:${e.originSite}`, value: e.authorId }, ...(e.authorName ? { display: e.authorName } : {}) },
          onBehalfOf: { identifier: { system: SITE_SYSTEM, value: e.originSite }, display: e.originSite },
        },
      ],
    };
    return [provenance];
  });
}
