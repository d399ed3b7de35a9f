// Form responses: each version a row; the latest version of an entry is `current`.
import { canonicalJson } from '../../contract/sync/canonical-json';
import type { EventOf } from '../../contract/sync/events';
import type { ProjectionContext } from './projection-context';

type FormEvent = EventOf<'form.recorded'> | EventOf<'form.amended'> | EventOf<'form.entered_in_error'>;

function insertVersion(e: FormEvent, ctx: ProjectionContext, reason: string | null): void {
  const r = e.payload.response;
  ctx.insert(
    'form_response',
    r.id,
    `INSERT INTO form_responses (id, chain_id, person_id, stay_id, template_id, template_version, body, status, version, supersedes,
       current, reason, recorded_at, recorded_by, recorded_by_name, origin_site)
     VALUES (@id, @chainId, @personId, @stayId, @templateId, @templateVersion, @body, @status, @version, @supersedes,
       1, @reason, @recordedAt, @by, @byName, @originSite)
     ON CONFLICT (id) DO NOTHING`,
    {
      id: r.id,
      chainId: e.recordId,
      personId: e.personId,
      stayId: e.payload.stayId,
      templateId: r.templateId,
      templateVersion: r.templateVersion,
      body: canonicalJson(r),
      status: r.status,
      version: r.version,
      supersedes: r.supersedes ?? null,
      reason,
      recordedAt: r.recordedAt,
      by: e.author.id,
      byName: e.author.name,
      originSite: e.originSite,
    },
  );
}

export function formRecorded(e: EventOf<'form.recorded'>, ctx: ProjectionContext): void {
  insertVersion(e, ctx, null);
}

/** Supersedes the entry's current version (the one the author saw, for a local change), then adds the new one. */
function newVersion(e: EventOf<'form.amended'> | EventOf<'form.entered_in_error'>, ctx: ProjectionContext, reason: string | null): void {
  ctx.update(
    'form_response',
    e.recordId,
    `UPDATE form_responses SET current = 0 WHERE chain_id = @chainId AND current = 1 AND (@local = 0 OR version = @base)`,
    { chainId: e.recordId, base: e.baseVersion },
  );
  insertVersion(e, ctx, reason);
}

export function formAmended(e: EventOf<'form.amended'>, ctx: ProjectionContext): void {
  newVersion(e, ctx, e.payload.response.amendReason ?? null);
}

export function formEnteredInError(e: EventOf<'form.entered_in_error'>, ctx: ProjectionContext): void {
  newVersion(e, ctx, e.payload.response.enteredInErrorReason ?? null);
}
