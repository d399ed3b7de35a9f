// One person's record as the export reads it from the site store: demographics, identifiers and
// aliases, stays, the current version of every form entry, flags, tasks, consent decisions and
// the event log (for provenance).
import type { AliasRow } from '../../../db/identity-repo';
import type { PersonDetailRow } from '../../../db/persons-repo';
import type { FlagRow } from '../../../db/flags-repo';
import type { FormResponseRow } from '../../../db/forms-repo';
import type { ConsentRow } from '../../../db/access-repo';
import type { RecordEventRow } from '../../../db/record-export-repo';
import type { StayRow } from '../../../db/stays-repo';
import type { StoreReads } from '../../../db/store';
import type { TaskRow } from '../../../db/tasks-repo';
import type { IdentifierType } from '../../../domain/identifiers/identifier-types';

export interface PersonRecord {
  person: PersonDetailRow;
  identifiers: { id: string; type: IdentifierType; value: string }[];
  aliases: AliasRow[];
  stays: StayRow[];
  responses: FormResponseRow[];
  flags: FlagRow[];
  tasks: TaskRow[];
  consents: ConsentRow[];
  events: RecordEventRow[];
}

export function readPersonRecord(reads: StoreReads, personId: string): PersonRecord | null {
  const person = reads.persons.get(personId);
  if (!person) return null;
  return {
    person,
    identifiers: reads.identity.identifiers(personId),
    aliases: reads.identity.aliases([personId]),
    stays: reads.stays.forPerson(personId),
    responses: reads.recordExport.currentResponsesFor(personId),
    flags: reads.flags.forPerson(personId, true),
    tasks: reads.recordExport.tasksFor(personId),
    consents: reads.access.consentsFor(personId),
    events: reads.recordExport.eventsFor(personId),
  };
}
