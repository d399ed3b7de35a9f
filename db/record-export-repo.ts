// What a whole-record export reads beyond the everyday repos: every task of a person (at any site
// the record came from) and the person's event log (who made each change, in which role, at which
// site, when), for the export's provenance. Read-only.
import type { RawDb } from './open';
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

  constructor(raw: RawDb) {
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

  tasksFor(personId: string): TaskRow[] {
    return this.tasks.all(personId) as TaskRow[];
  }

  eventsFor(personId: string): RecordEventRow[] {
    return this.events.all(personId) as RecordEventRow[];
  }
}
