// Conflicts raised by the central record: kept with both events and shown as a task at this site
// until a clinician's resolution (itself an event) arrives or is made here.
import type { EventOf } from '../../contract/sync/events';
import { VERSION_GUARD, type ProjectionContext } from './projection-context';

export const CONFLICT_TASK_KIND = 'sync_conflict';

export function conflictDetected(e: EventOf<'conflict.detected'>, ctx: ProjectionContext): void {
  ctx.insert(
    'conflict',
    e.recordId,
    `INSERT INTO sync_conflicts (id, person_id, record_type, record_id, event_ids, detected_at, version)
     VALUES (@id, @personId, @recordType, @conflictRecordId, @eventIds, @at, 1)
     ON CONFLICT (id) DO NOTHING`,
    { id: e.recordId, personId: e.personId, recordType: e.payload.recordType, conflictRecordId: e.payload.recordId, eventIds: JSON.stringify(e.payload.eventIds), at: e.recordedAt },
  );
  // The task shares the conflict's id, so resolving one closes the other, at every site.
  ctx.run(
    `INSERT INTO tasks (id, person_id, stay_id, kind, title, due_at, site_code, source_response_id, status, created_at, created_by, version)
     VALUES (@id, @personId, NULL, @kind, @title, @at, @siteCode, NULL, 'open', @at, @by, 1)
     ON CONFLICT (id) DO NOTHING`,
    {
      id: e.recordId,
      personId: e.personId,
      kind: CONFLICT_TASK_KIND,
      title: `Conflicting changes to a ${e.payload.recordType.replace(/_/g, ' ')}: decide which stands`,
      at: e.recordedAt,
      siteCode: ctx.siteCode,
      by: e.author.id,
    },
  );
}

export function conflictResolved(e: EventOf<'conflict.resolved'>, ctx: ProjectionContext): void {
  ctx.update(
    'conflict',
    e.recordId,
    `UPDATE sync_conflicts SET resolved_at = @at, resolved_by = @by, resolved_by_name = @byName, kept_event_id = @kept, note = @note,
       version = version + 1
     WHERE id = @id AND resolved_at IS NULL AND ${VERSION_GUARD}`,
    { id: e.recordId, at: e.recordedAt, by: e.author.id, byName: e.author.name, kept: e.payload.keptEventId, note: e.payload.note, base: e.baseVersion },
  );
  ctx.run(
    `UPDATE tasks SET status = 'done', closed_at = @at, closed_by = @by, close_note = @note, version = version + 1
     WHERE id = @id AND status = 'open'`,
    { id: e.recordId, at: e.recordedAt, by: e.author.id, note: `Resolved: kept event ${e.payload.keptEventId}` },
  );
}
