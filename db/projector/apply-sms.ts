// The substance misuse pathway's events, projected: keyworker slots and assignments, treatments,
// reviews, care plans (every version kept), release plans, and task assignment and rescheduling.
// Row ids that are not record ids (an assignment, a care plan version) are the event's id, so a
// rebuild from the log makes the same rows.
import type { EventOf } from '../../contract/sync/events';
import { StaleVersionError, VERSION_GUARD, type ProjectionContext } from './projection-context';

type Slot = { current: string | null; version: number };

/** A local change must be based on the slot's current version (null: there is no slot yet). */
function guardSlot(ctx: ProjectionContext, slotId: string, slot: Slot | undefined, base: number | null): void {
  if (ctx.source !== 'local') return;
  if (base === null ? slot !== undefined : slot?.version !== base) throw new StaleVersionError('caseload', slotId);
}

function slotOf(ctx: ProjectionContext, slotId: string): Slot | undefined {
  return ctx.stmt('SELECT current_assignment_id AS current, version FROM caseload_slots WHERE id = ?').get(slotId) as Slot | undefined;
}

function endAssignment(ctx: ProjectionContext, assignmentId: string, at: string, byName: string, reason: string): void {
  ctx.run('UPDATE caseload_assignments SET ended_at = @at, ended_by_name = @byName, end_reason = @reason WHERE id = @id AND ended_at IS NULL', {
    id: assignmentId,
    at,
    byName,
    reason,
  });
}

export function caseloadAssigned(e: EventOf<'caseload.assigned'>, ctx: ProjectionContext): void {
  const slot = slotOf(ctx, e.recordId);
  guardSlot(ctx, e.recordId, slot, e.baseVersion);
  if (slot?.current) endAssignment(ctx, slot.current, e.recordedAt, e.author.name, `Reassigned to ${e.payload.worker.name}${e.payload.reason ? `: ${e.payload.reason}` : ''}`);
  ctx.run(
    `INSERT INTO caseload_assignments (id, slot_id, person_id, site_code, kind, worker_id, worker_name, referral_id, reason, assigned_at, assigned_by, assigned_by_name)
     VALUES (@id, @slotId, @personId, @siteCode, @kind, @workerId, @workerName, @referralId, @reason, @at, @by, @byName)
     ON CONFLICT (id) DO NOTHING`,
    {
      id: e.eventId,
      slotId: e.recordId,
      personId: e.personId,
      siteCode: e.payload.siteCode,
      kind: e.payload.kind,
      workerId: e.payload.worker.id,
      workerName: e.payload.worker.name,
      referralId: e.payload.referralId,
      reason: e.payload.reason,
      at: e.recordedAt,
      by: e.author.id,
      byName: e.author.name,
    },
  );
  if (slot) {
    ctx.run('UPDATE caseload_slots SET current_assignment_id = @current, version = version + 1 WHERE id = @id', { id: e.recordId, current: e.eventId });
  } else {
    ctx.run(
      `INSERT INTO caseload_slots (id, person_id, site_code, kind, current_assignment_id, version)
       VALUES (@id, @personId, @siteCode, @kind, @current, @version)`,
      { id: e.recordId, personId: e.personId, siteCode: e.payload.siteCode, kind: e.payload.kind, current: e.eventId, version: (e.baseVersion ?? 0) + 1 },
    );
  }
}

export function caseloadEnded(e: EventOf<'caseload.ended'>, ctx: ProjectionContext): void {
  const slot = slotOf(ctx, e.recordId);
  guardSlot(ctx, e.recordId, slot, e.baseVersion);
  if (!slot) return; // a slot this site does not hold (received by sync)
  if (slot.current) endAssignment(ctx, slot.current, e.recordedAt, e.author.name, e.payload.reason);
  ctx.run('UPDATE caseload_slots SET current_assignment_id = NULL, version = version + 1 WHERE id = @id', { id: e.recordId });
}

export function treatmentStarted(e: EventOf<'treatment.started'>, ctx: ProjectionContext): void {
  ctx.insert(
    'treatment',
    e.recordId,
    `INSERT INTO treatments (id, person_id, site_code, stay_id, started_on, interventions, substances, referral_id, timers, started_at, started_by_name, version)
     VALUES (@id, @personId, @siteCode, @stayId, @startedOn, @interventions, @substances, @referralId, @timers, @at, @byName, 1)
     ON CONFLICT (id) DO NOTHING`,
    {
      id: e.recordId,
      personId: e.personId,
      siteCode: e.payload.siteCode,
      stayId: e.payload.stayId,
      startedOn: e.payload.startedOn,
      interventions: JSON.stringify(e.payload.interventions),
      substances: JSON.stringify(e.payload.substances),
      referralId: e.payload.referralId,
      timers: JSON.stringify(e.payload.timers),
      at: e.recordedAt,
      byName: e.author.name,
    },
  );
}

export function treatmentEnded(e: EventOf<'treatment.ended'>, ctx: ProjectionContext): void {
  ctx.update(
    'treatment',
    e.recordId,
    `UPDATE treatments SET ended_on = @endedOn, end_reason = @reason, end_note = @note, ended_by_name = @byName, version = version + 1
     WHERE id = @id AND ${VERSION_GUARD}`,
    { id: e.recordId, ...e.payload, byName: e.author.name, base: e.baseVersion },
  );
}

export function reviewCompleted(e: EventOf<'review.completed'>, ctx: ProjectionContext): void {
  const p = e.payload;
  ctx.insert(
    'review',
    e.recordId,
    `INSERT INTO sms_reviews (id, person_id, site_code, treatment_id, task_id, step, label, due_on, reviewed_on, summary, decision, care_plan, care_plan_version,
       recorded_at, recorded_by_name)
     VALUES (@id, @personId, @siteCode, @treatmentId, @taskId, @step, @label, @dueOn, @reviewedOn, @summary, @decision, @carePlan, @carePlanVersion, @at, @byName)
     ON CONFLICT (id) DO NOTHING`,
    { id: e.recordId, personId: e.personId, ...p, at: e.recordedAt, byName: e.author.name },
  );
}

export function carePlanRecorded(e: EventOf<'care_plan.recorded'>, ctx: ProjectionContext): void {
  const p = e.payload;
  if (e.baseVersion === null) {
    ctx.insert(
      'care_plan',
      e.recordId,
      `INSERT INTO care_plans (id, person_id, site_code, review_on, updated_at, updated_by_name, version)
       VALUES (@id, @personId, @siteCode, @reviewOn, @at, @byName, 1) ON CONFLICT (id) DO NOTHING`,
      { id: e.recordId, personId: e.personId, siteCode: p.siteCode, reviewOn: p.reviewOn, at: e.recordedAt, byName: e.author.name },
    );
  } else {
    ctx.update(
      'care_plan',
      e.recordId,
      `UPDATE care_plans SET review_on = @reviewOn, updated_at = @at, updated_by_name = @byName, version = version + 1 WHERE id = @id AND ${VERSION_GUARD}`,
      { id: e.recordId, reviewOn: p.reviewOn, at: e.recordedAt, byName: e.author.name, base: e.baseVersion },
    );
  }
  const version = (ctx.stmt('SELECT version FROM care_plans WHERE id = ?').pluck().get(e.recordId) as number | undefined) ?? (e.baseVersion ?? 0) + 1;
  ctx.run(
    `INSERT INTO care_plan_versions (id, plan_id, person_id, version, goals, review_on, review_id, note, recorded_at, recorded_by_name)
     VALUES (@id, @planId, @personId, @version, @goals, @reviewOn, @reviewId, @note, @at, @byName) ON CONFLICT (id) DO NOTHING`,
    {
      id: e.eventId,
      planId: e.recordId,
      personId: e.personId,
      version,
      goals: JSON.stringify(p.goals),
      reviewOn: p.reviewOn,
      reviewId: p.reviewId,
      note: p.note,
      at: e.recordedAt,
      byName: e.author.name,
    },
  );
}

export function releasePlanRecorded(e: EventOf<'release_plan.recorded'>, ctx: ProjectionContext): void {
  const p = e.payload;
  const params = {
    id: e.recordId,
    personId: e.personId,
    siteCode: p.siteCode,
    stayId: p.stayId,
    releaseOn: p.releaseOn,
    destination: p.destination,
    ost: p.ost ? JSON.stringify(p.ost) : null,
    naloxone: p.naloxone,
    naloxoneNote: p.naloxoneNote,
    communityReferral: p.communityReferral ? JSON.stringify(p.communityReferral) : null,
    notes: p.notes,
    at: e.recordedAt,
    byName: e.author.name,
    base: e.baseVersion,
  };
  if (e.baseVersion === null) {
    ctx.insert(
      'release_plan',
      e.recordId,
      `INSERT INTO release_plans (id, person_id, site_code, stay_id, release_on, destination, ost, naloxone, naloxone_note, community_referral, notes,
         recorded_at, recorded_by_name, version)
       VALUES (@id, @personId, @siteCode, @stayId, @releaseOn, @destination, @ost, @naloxone, @naloxoneNote, @communityReferral, @notes, @at, @byName, 1)
       ON CONFLICT (id) DO NOTHING`,
      params,
    );
  } else {
    ctx.update(
      'release_plan',
      e.recordId,
      `UPDATE release_plans SET stay_id = @stayId, release_on = @releaseOn, destination = @destination, ost = @ost, naloxone = @naloxone,
         naloxone_note = @naloxoneNote, community_referral = @communityReferral, notes = @notes, recorded_at = @at, recorded_by_name = @byName,
         version = version + 1
       WHERE id = @id AND ${VERSION_GUARD}`,
      params,
    );
  }
}

export function taskAssigned(e: EventOf<'task.assigned'>, ctx: ProjectionContext): void {
  ctx.update(
    'task',
    e.recordId,
    `UPDATE tasks SET assignee_id = @assigneeId, assignee_name = @assigneeName, team = @team, version = version + 1 WHERE id = @id AND ${VERSION_GUARD}`,
    { id: e.recordId, assigneeId: e.payload.assignee?.id ?? null, assigneeName: e.payload.assignee?.name ?? null, team: e.payload.team, base: e.baseVersion },
  );
}

export function taskRescheduled(e: EventOf<'task.rescheduled'>, ctx: ProjectionContext): void {
  ctx.update(
    'task',
    e.recordId,
    `UPDATE tasks SET due_at = @dueAt, due_on = @dueOn, version = version + 1 WHERE id = @id AND ${VERSION_GUARD}`,
    { id: e.recordId, dueAt: e.payload.dueAt, dueOn: e.payload.dueOn, base: e.baseVersion },
  );
}
