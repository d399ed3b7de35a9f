// What a whole-record export reads beyond the everyday repos: the current version of every form
// entry of a person (no page limit: an export never leaves an entry out), every task (at any site
// the record came from) and the person's event log (who made each change, in which role, at which
// site, when), for the export's provenance. Read-only.
import { and, asc, eq } from 'drizzle-orm';
import type { FormResponseRow } from './forms-repo';
import type { RawDb, SiteDb } from './open';
import { formResponses } from './schema-clinical';
import type { TaskRow } from './tasks-repo';

export interface RecordEventRow {
  eventId: string;
  type: string;
  recordType: string;
  recordId: string;
  originSite: string;
  authorId: string;
  authorName: string;
  authorRole: string;
  recordedAt: string;
}

export class RecordExportRepo {
  private readonly tasks;
  private readonly events;

  constructor(
    raw: RawDb,
    private readonly db: SiteDb,
  ) {
    this.tasks = raw.prepare(
      `SELECT id, person_id AS personId, stay_id AS stayId, kind, title, detail, for_role AS forRole, due_at AS dueAt, site_code AS siteCode,
         source_response_id AS sourceResponseId, status, created_at AS createdAt, created_by AS createdBy, closed_at AS closedAt,
         closed_by AS closedBy, close_note AS closeNote, version
       FROM tasks WHERE person_id = ? ORDER BY created_at`,
    );
    this.events = raw.prepare(
      `SELECT id AS eventId, type, record_type AS recordType, record_id AS recordId, origin_site AS originSite, author_id AS authorId,
         json_extract(body, '$.author.name') AS authorName, author_role AS authorRole, recorded_at AS recordedAt
       FROM event_log WHERE person_id = ? ORDER BY seq`,
    );
  }

  /** The current version of every form entry, oldest first. */
  currentResponsesFor(personId: string): FormResponseRow[] {
    return this.db
      .select()
      .from(formResponses)
      .where(and(eq(formResponses.personId, personId), eq(formResponses.current, true)))
      .orderBy(asc(formResponses.recordedAt), asc(formResponses.id))
      .all();
  }

  tasksFor(personId: string): TaskRow[] {
    return this.tasks.all(personId) as TaskRow[];
  }

  eventsFor(personId: string): RecordEventRow[] {
    return this.events.all(personId) as RecordEventRow[];
  }
}
