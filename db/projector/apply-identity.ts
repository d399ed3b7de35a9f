// People, their identifiers and aliases, projected from events.
import type { EventOf } from '../../contract/sync/events';
import { VERSION_GUARD, type ProjectionContext } from './projection-context';

export function personRegistered(e: EventOf<'person.registered'>, ctx: ProjectionContext): void {
  const p = e.payload;
  ctx.insert(
    'person',
    e.personId,
    `INSERT INTO persons (id, family_name, given_names, title, birth_date, sex, version, origin_site, created_at, created_by, updated_at)
     VALUES (@id, @familyName, @givenNames, @title, @birthDate, @sex, 1, @originSite, @at, @by, @at)
     ON CONFLICT (id) DO NOTHING`,
    { id: e.personId, ...p, originSite: e.originSite, at: e.recordedAt, by: e.author.id },
  );
}

export function personDemographicsChanged(e: EventOf<'person.demographics_changed'>, ctx: ProjectionContext): void {
  ctx.update(
    'person',
    e.personId,
    `UPDATE persons SET family_name = @familyName, given_names = @givenNames, title = @title, birth_date = @birthDate, sex = @sex,
       version = version + 1, updated_at = @at
     WHERE id = @id AND ${VERSION_GUARD}`,
    { id: e.personId, ...e.payload, at: e.recordedAt, base: e.baseVersion },
  );
}

export function identifierAdded(e: EventOf<'identifier.added'>, ctx: ProjectionContext): void {
  // A received identifier another local record already holds is not added twice: the clash is
  // shown as a likely duplicate by the identity checks, never resolved silently here.
  ctx.insert(
    'identifier',
    e.recordId,
    `INSERT INTO person_identifiers (id, person_id, type, value, origin_site, created_at, created_by, version)
     VALUES (@id, @personId, @type, @value, @originSite, @at, @by, 1)
     ON CONFLICT DO NOTHING`,
    { id: e.recordId, personId: e.personId, ...e.payload, originSite: e.originSite, at: e.recordedAt, by: e.author.id },
  );
}

export function identifierRetired(e: EventOf<'identifier.retired'>, ctx: ProjectionContext): void {
  ctx.update(
    'identifier',
    e.recordId,
    `UPDATE person_identifiers SET retired_at = @at, retired_by = @by, retired_reason = @reason, version = version + 1
     WHERE id = @id AND retired_at IS NULL AND ${VERSION_GUARD}`,
    { id: e.recordId, at: e.recordedAt, by: e.author.id, reason: e.payload.reason, base: e.baseVersion },
  );
}

export function aliasAdded(e: EventOf<'alias.added'>, ctx: ProjectionContext): void {
  ctx.insert(
    'alias',
    e.recordId,
    `INSERT INTO person_aliases (id, person_id, family_name, given_names, origin_site, created_at, created_by, version)
     VALUES (@id, @personId, @familyName, @givenNames, @originSite, @at, @by, 1)
     ON CONFLICT (id) DO NOTHING`,
    { id: e.recordId, personId: e.personId, ...e.payload, originSite: e.originSite, at: e.recordedAt, by: e.author.id },
  );
}

export function aliasRetired(e: EventOf<'alias.retired'>, ctx: ProjectionContext): void {
  ctx.update(
    'alias',
    e.recordId,
    `UPDATE person_aliases SET retired_at = @at, retired_by = @by, retired_reason = @reason, version = version + 1
     WHERE id = @id AND retired_at IS NULL AND ${VERSION_GUARD}`,
    { id: e.recordId, at: e.recordedAt, by: e.author.id, reason: e.payload.reason, base: e.baseVersion },
  );
}
