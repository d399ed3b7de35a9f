// Stays, flags, tasks, handovers, referrals and consent decisions, projected from events.
import type { EventOf } from '../../contract/sync/events';
import { VERSION_GUARD, type ProjectionContext } from './projection-context';

export function stayStarted(e: EventOf<'stay.started'>, ctx: ProjectionContext): void {
  ctx.insert(
    'stay',
    e.recordId,
    `INSERT INTO stays (id, person_id, site_code, kind, arrived_at, arrival_reason, version, created_by)
     VALUES (@id, @personId, @siteCode, @kind, @arrivedAt, @arrivalReason, 1, @by)
     ON CONFLICT (id) DO NOTHING`,
    { id: e.recordId, personId: e.personId, ...e.payload, by: e.author.id },
  );
}

export function stayEnded(e: EventOf<'stay.ended'>, ctx: ProjectionContext): void {
  ctx.update(
    'stay',
    e.recordId,
    `UPDATE stays SET exited_at = @exitedAt, exit_reason = @exitReason, exit_destination = @exitDestination, version = version + 1
     WHERE id = @id AND ${VERSION_GUARD}`,
    { id: e.recordId, ...e.payload, base: e.baseVersion },
  );
}

export function flagRaised(e: EventOf<'flag.raised'>, ctx: ProjectionContext): void {
  ctx.insert(
    'flag',
    e.recordId,
    `INSERT INTO flags (id, person_id, code, label, severity, reason, source_response_id, partner_advice, origin_site,
       updated_at, updated_by_name, set_at, set_by, set_by_name, version)
     VALUES (@id, @personId, @code, @label, @severity, @reason, @sourceResponseId, @partnerAdvice, @originSite,
       @at, @byName, @at, @by, @byName, 1)
     ON CONFLICT (id) DO NOTHING`,
    { id: e.recordId, personId: e.personId, ...e.payload, originSite: e.originSite, at: e.recordedAt, by: e.author.id, byName: e.author.name },
  );
}

export function flagUpdated(e: EventOf<'flag.updated'>, ctx: ProjectionContext): void {
  ctx.update(
    'flag',
    e.recordId,
    `UPDATE flags SET label = @label, severity = @severity, reason = @reason, partner_advice = @partnerAdvice,
       source_response_id = @sourceResponseId, updated_at = @at, updated_by_name = @byName, version = version + 1
     WHERE id = @id AND ${VERSION_GUARD}`,
    { id: e.recordId, ...e.payload, at: e.recordedAt, byName: e.author.name, base: e.baseVersion },
  );
}

export function flagEnded(e: EventOf<'flag.ended'>, ctx: ProjectionContext): void {
  ctx.update(
    'flag',
    e.recordId,
    `UPDATE flags SET ended_at = @at, ended_by = @by, ended_by_name = @byName, end_reason = @reason, version = version + 1
     WHERE id = @id AND ${VERSION_GUARD}`,
    { id: e.recordId, at: e.recordedAt, by: e.author.id, byName: e.author.name, reason: e.payload.reason, base: e.baseVersion },
  );
}

export function taskCreated(e: EventOf<'task.created'>, ctx: ProjectionContext): void {
  ctx.insert(
    'task',
    e.recordId,
    `INSERT INTO tasks (id, person_id, stay_id, kind, title, detail, for_role, due_at, site_code, source_response_id, status, created_at, created_by,
       assignee_id, assignee_name, team, due_on, about_type, about_id, about_step, version)
     VALUES (@id, @personId, @stayId, @kind, @title, @detail, @forRole, @dueAt, @siteCode, @sourceResponseId, 'open', @at, @by,
       @assigneeId, @assigneeName, @team, @dueOn, @aboutType, @aboutId, @aboutStep, 1)
     ON CONFLICT (id) DO NOTHING`,
    {
      id: e.recordId,
      personId: e.personId,
      stayId: e.payload.stayId,
      kind: e.payload.kind,
      title: e.payload.title,
      detail: e.payload.detail,
      forRole: e.payload.forRole,
      dueAt: e.payload.dueAt,
      siteCode: e.payload.siteCode,
      sourceResponseId: e.payload.sourceResponseId,
      assigneeId: e.payload.assignee?.id ?? null,
      assigneeName: e.payload.assignee?.name ?? null,
      team: e.payload.team ?? null,
      dueOn: e.payload.dueOn ?? null,
      aboutType: e.payload.about?.type ?? null,
      aboutId: e.payload.about?.id ?? null,
      aboutStep: e.payload.about?.step ?? null,
      at: e.recordedAt,
      by: e.author.id,
    },
  );
}

export function taskClosed(e: EventOf<'task.closed'>, ctx: ProjectionContext): void {
  ctx.update(
    'task',
    e.recordId,
    `UPDATE tasks SET status = @outcome, closed_at = @at, closed_by = @by, close_note = @note, result = @result, version = version + 1
     WHERE id = @id AND ${VERSION_GUARD}`,
    { id: e.recordId, outcome: e.payload.outcome, note: e.payload.note, result: e.payload.result ?? null, at: e.recordedAt, by: e.author.id, base: e.baseVersion },
  );
}

export function handoverRecorded(e: EventOf<'handover.recorded'>, ctx: ProjectionContext): void {
  ctx.insert(
    'handover',
    e.recordId,
    `INSERT INTO handovers (id, person_id, stay_id, response_id, officer_name, officer_id, acknowledged_at, recorded_at, recorded_by, recorded_by_name, origin_site)
     VALUES (@id, @personId, @stayId, @responseId, @officerName, @officerId, @acknowledgedAt, @at, @by, @byName, @originSite)
     ON CONFLICT (id) DO NOTHING`,
    { id: e.recordId, personId: e.personId, ...e.payload, at: e.recordedAt, by: e.author.id, byName: e.author.name, originSite: e.originSite },
  );
}

export function referralMade(e: EventOf<'referral.made'>, ctx: ProjectionContext): void {
  ctx.insert(
    'referral',
    e.recordId,
    `INSERT INTO referrals (id, person_id, to_service, reason, source_response_id, status, created_at, created_by, created_by_name, site_code,
       source, urgency, substances, version)
     VALUES (@id, @personId, @toService, @reason, @sourceResponseId, 'open', @at, @by, @byName, @siteCode, @source, @urgency, @substances, 1)
     ON CONFLICT (id) DO NOTHING`,
    {
      id: e.recordId,
      personId: e.personId,
      toService: e.payload.toService,
      reason: e.payload.reason,
      sourceResponseId: e.payload.sourceResponseId,
      siteCode: e.payload.siteCode,
      source: e.payload.source ?? null,
      urgency: e.payload.urgency ?? null,
      substances: e.payload.substances ? JSON.stringify(e.payload.substances) : null,
      at: e.recordedAt,
      by: e.author.id,
      byName: e.author.name,
    },
  );
}

export function referralOutcomeRecorded(e: EventOf<'referral.outcome_recorded'>, ctx: ProjectionContext): void {
  ctx.update(
    'referral',
    e.recordId,
    `UPDATE referrals SET status = @outcome, outcome_at = @at, outcome_by = @by, outcome_by_name = @byName, outcome_note = @note,
       decided_on = @decidedOn, decided_by = @decidedBy, referred_on_to = @referredOnTo, referred_on_code = @code, referred_on_display = @display,
       version = version + 1
     WHERE id = @id AND ${VERSION_GUARD}`,
    {
      id: e.recordId,
      outcome: e.payload.outcome,
      note: e.payload.note,
      decidedOn: e.payload.decidedOn ?? null,
      decidedBy: e.payload.decidedBy ?? null,
      referredOnTo: e.payload.referredOnTo ?? null,
      code: e.payload.code?.code ?? null,
      display: e.payload.code?.display ?? null,
      at: e.recordedAt,
      by: e.author.id,
      byName: e.author.name,
      base: e.baseVersion,
    },
  );
}

export function consentRecorded(e: EventOf<'consent.recorded'>, ctx: ProjectionContext): void {
  ctx.insert(
    'consent',
    e.recordId,
    `INSERT INTO consents (id, person_id, decision, categories, legal_basis, decided_on, recorded_at, recorded_by, recorded_by_name, origin_site, notes)
     VALUES (@id, @personId, @decision, @categories, @legalBasis, @decidedOn, @at, @by, @byName, @originSite, @notes)
     ON CONFLICT (id) DO NOTHING`,
    {
      id: e.recordId,
      personId: e.personId,
      ...e.payload,
      categories: JSON.stringify(e.payload.categories),
      at: e.recordedAt,
      by: e.author.id,
      byName: e.author.name,
      originSite: e.originSite,
    },
  );
}
