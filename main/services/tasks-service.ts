// Tasks at this site, so nothing is lost: listed per person, per worker and per team with the
// escalated and overdue first; made by hand for letters, results, appointments and recalls; given to
// a worker and a team; closed only with an outcome of their kind (a missed appointment creates its
// follow-up, a rebooked one is booked again); reviews close only by being done.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Task } from '../../contract/channels/tasks';
import type { StoreWrites } from '../../db/store';
import { TASK_LIST_LIMIT, type TaskRow } from '../../db/tasks-repo';
import { roleSchema, type Role } from '../../domain/access/roles';
import { keyworkerRoles, mayWorkForTeam, seesAllTeams, teamSchema, teamsOf, type Team } from '../../domain/access/teams';
import { endOfSiteDay, siteDateOf } from '../../domain/sms/review-schedule';
import { closingOutcome, outcomeLabel, taskKind, taskSensitivity, type TaskOutcome } from '../../domain/tasks/task-kinds';
import { byUrgency, taskUrgency } from '../../domain/tasks/task-urgency';
import type { Call } from './call';
import { requireRelationship } from './relationship';
import { ServiceError } from './service-error';

export function taskView(row: TaskRow, now: Date): Task {
  const { id, personId, kind, title, detail, dueAt, dueOn, status, createdAt, closedAt, closeNote, version } = row;
  const role = roleSchema.safeParse(row.forRole);
  const team = teamSchema.safeParse(row.team);
  const def = taskKind(kind);
  const urgency = status === 'open' ? taskUrgency(row, now) : { urgency: 'not_due' as const, overdueDays: 0 };
  return {
    id,
    personId,
    kind,
    kindLabel: def.label,
    title,
    detail,
    forRole: role.success ? role.data : null,
    dueAt,
    dueOn,
    status,
    ...urgency,
    assignee: row.assigneeId && row.assigneeName ? { id: row.assigneeId, name: row.assigneeName } : null,
    team: team.success ? team.data : null,
    createdAt,
    closedAt,
    closeNote,
    result: row.result ? outcomeLabel(kind, row.result) : null,
    closable: def.closedBy === 'outcome',
    reschedulable: def.reschedulable,
    version,
  };
}

export interface NewTask {
  personId: string;
  stayId: string | null;
  kind: string;
  title: string;
  detail: string | null;
  forRole: Role | null;
  dueAt: string;
  sourceResponseId: string | null;
  assignee?: { id: string; name: string } | null;
  /** The kind's team when not given. */
  team?: Team | null;
  dueOn?: string | null;
  about?: { type: 'treatment' | 'care_plan' | 'release_plan' | 'task' | 'referral'; id: string; step: number | null } | null;
  /** The site whose task list holds it: this site unless the task is another site's obligation (it reaches that site by sync). */
  siteCode?: string;
}

/** A task due on a day: it becomes overdue when that day ends at the site. */
export function dueOnDay(dueOn: string): { dueOn: string; dueAt: string } {
  return { dueOn, dueAt: endOfSiteDay(dueOn) };
}

/** Creates a task inside the caller's write: it exists exactly when the change that needs it does. */
export function createTaskIn(w: StoreWrites, call: Call, task: NewTask): string {
  const id = call.env.newId();
  const { personId, assignee, team, dueOn, about, siteCode, ...rest } = task;
  w.emit({
    type: 'task.created',
    recordType: 'task',
    recordId: id,
    personId,
    baseVersion: null,
    sensitivity: taskSensitivity(task.kind),
    payload: { ...rest, siteCode: siteCode ?? call.site.siteCode, assignee: assignee ?? null, team: team === undefined ? taskKind(task.kind).team : team, dueOn: dueOn ?? null, about: about ?? null },
  });
  return id;
}

/** Closes an open task inside the caller's write with an outcome (`result`) and its status. */
export function closeTaskIn(w: StoreWrites, row: TaskRow, outcome: Pick<TaskOutcome, 'value' | 'status'>, note: string | null): void {
  w.emit({
    type: 'task.closed',
    recordType: 'task',
    recordId: row.id,
    personId: row.personId,
    baseVersion: row.version,
    sensitivity: taskSensitivity(row.kind),
    payload: { outcome: outcome.status, note, result: outcome.value },
  });
}

/** An active member of staff work can be given to, with their name. */
export function assignableWorker(call: Call, userId: string, path = 'assigneeId'): { id: string; name: string; roles: Role[] } {
  const user = call.reads.users.findById(userId);
  if (!user || user.disabled || teamsOf(user.roles).length === 0) throw new ServiceError('invalid_input', 'Choose a member of staff in one of the clinical teams.', path);
  return { id: user.id, name: user.fullName, roles: user.roles };
}

function teamsInScope(call: Call, team: Team | null): Team[] {
  const roles = call.requireSession().roles;
  if (team) {
    if (!mayWorkForTeam(roles, team)) throw new ServiceError('forbidden', 'That is not one of your teams.');
    return [team];
  }
  return roles.some((r) => seesAllTeams.includes(r)) ? [...teamSchema.options] : teamsOf(roles);
}

export function listTasks(input: ParsedInput<'tasks.list'>, call: Call): ChannelOutput<'tasks.list'> {
  const session = call.requireSession();
  const now = call.env.now();
  const filter = {
    siteCode: call.site.siteCode,
    personId: input.personId,
    status: input.status,
    ...(input.scope === 'mine' ? { assigneeId: session.userId } : {}),
    ...(input.scope === 'team' ? { teams: teamsInScope(call, input.team) } : {}),
  };
  const rows = call.reads.tasks.list(filter, TASK_LIST_LIMIT + 1);
  const truncated = rows.length > TASK_LIST_LIMIT;
  const shown = byUrgency(rows.slice(0, TASK_LIST_LIMIT), now);
  const people = new Map(call.reads.identity.summaries([...new Set(shown.map((r) => r.personId))]).map((p) => [p.id, p]));
  // One person's record also lists what other sites still have to do for them (read only here).
  const elsewhere = input.personId && input.scope === 'site' ? call.reads.tasks.openElsewhere(input.personId, call.site.siteCode) : [];
  call.note = { personId: input.personId, detail: { tasks: shown.length, scope: input.scope, ...(truncated ? { truncated } : {}), ...(elsewhere.length > 0 ? { elsewhere: elsewhere.length } : {}) } };
  return {
    tasks: shown.map((r) => ({ ...taskView(r, now), ...(people.has(r.personId) ? { person: people.get(r.personId)! } : {}) })),
    truncated,
    elsewhere: byUrgency(elsewhere, now).map((r) => ({ ...taskView(r, now), siteCode: r.siteCode })),
  };
}

function openTaskHere(call: Call, taskId: string): TaskRow {
  const task = call.reads.tasks.get(taskId);
  if (!task || task.siteCode !== call.site.siteCode) throw new ServiceError('not_found', 'No task with this id at this site.');
  requireRelationship(call, task.personId);
  if (task.status !== 'open') throw new ServiceError('conflict', 'This task is already closed.');
  return task;
}

export function closeTask(input: ParsedInput<'tasks.close'>, call: Call): ChannelOutput<'tasks.close'> {
  const task = openTaskHere(call, input.taskId);
  const kind = taskKind(task.kind);
  if (kind.closedBy === 'review') {
    throw new ServiceError('invalid_input', 'Complete the review from the substance misuse section of the record: that records it and schedules the next one.', 'outcome');
  }
  if (kind.closedBy === 'care-plan') {
    throw new ServiceError('invalid_input', 'Review the care plan from the substance misuse section of the record: saving it closes this task.', 'outcome');
  }
  const outcome = closingOutcome(task.kind, input.outcome);
  if (!outcome) throw new ServiceError('invalid_input', `Choose one of the outcomes for a ${kind.label.toLowerCase()}.`, 'outcome');
  const note = input.note.trim();
  if (outcome.note.required && note === '') throw new ServiceError('invalid_input', `Enter ${outcome.note.label.toLowerCase()}.`, 'note');
  const now = call.env.now();
  if (outcome.rebook) {
    if (!input.rebookAt) throw new ServiceError('invalid_input', 'Enter the new date and time of the appointment.', 'rebookAt');
    if (Date.parse(input.rebookAt) <= now.getTime()) throw new ServiceError('invalid_input', 'The new appointment must be in the future.', 'rebookAt');
  }
  const followUpTaskId = call.write(
    (w) => {
      closeTaskIn(w, task, outcome, note || null);
      const about = { type: 'task' as const, id: task.id, step: null };
      const carried = { personId: task.personId, stayId: task.stayId, forRole: null, sourceResponseId: task.sourceResponseId, about, team: (task.team as Team | null) ?? null };
      if (outcome.followUp) {
        const due = dueOnDay(siteDateOf(new Date(now.getTime() + outcome.followUp.dueInDays * 86_400_000)));
        return createTaskIn(w, call, { ...carried, kind: outcome.followUp.kind, title: outcome.followUp.title, detail: `${task.title}: ${outcome.label.toLowerCase()}${note ? `. ${note}` : ''}`, ...due, assignee: assigneeOf(task) });
      }
      if (outcome.rebook && input.rebookAt) {
        const original = task.kind === outcome.rebook.kind ? task : null;
        return createTaskIn(w, call, {
          ...carried,
          kind: outcome.rebook.kind,
          title: original ? task.title : `Rebooked: ${task.title}`,
          detail: task.detail,
          dueAt: new Date(input.rebookAt).toISOString(),
          dueOn: null,
          assignee: assigneeOf(task),
        });
      }
      return null;
    },
    (id) => ({ personId: task.personId, detail: { outcome: outcome.value, kind: task.kind, ...(id ? { followUpTaskId: id } : {}) } }),
  );
  return { closed: true, followUpTaskId };
}

function assigneeOf(task: TaskRow): { id: string; name: string } | null {
  return task.assigneeId && task.assigneeName ? { id: task.assigneeId, name: task.assigneeName } : null;
}

/** The due day or time a kind needs, checked: not before today at the site. */
function dueFor(kindName: string, dueOn: string | null, dueAt: string | null, now: Date): { dueOn: string | null; dueAt: string } {
  const kind = taskKind(kindName);
  if (kind.due === 'date') {
    if (!dueOn) throw new ServiceError('invalid_input', 'Enter the date it is due.', 'dueOn');
    if (dueOn < siteDateOf(now)) throw new ServiceError('invalid_input', 'The due date cannot be in the past.', 'dueOn');
    return dueOnDay(dueOn);
  }
  if (!dueAt) throw new ServiceError('invalid_input', 'Enter the date and time.', 'dueAt');
  if (Date.parse(dueAt) < now.getTime() - 60_000) throw new ServiceError('invalid_input', 'The date and time cannot be in the past.', 'dueAt');
  return { dueOn: null, dueAt: new Date(dueAt).toISOString() };
}

export function createTask(input: ParsedInput<'tasks.create'>, call: Call): ChannelOutput<'tasks.create'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const kind = taskKind(input.kind);
  if (!kind.creatable) throw new ServiceError('invalid_input', 'Choose the kind of task: a hospital letter, a test result, an appointment or a recall.', 'kind');
  const due = dueFor(input.kind, input.dueOn, input.dueAt, call.env.now());
  const assignee = input.assigneeId ? assignableWorker(call, input.assigneeId) : null;
  const stayId = call.reads.stays.openAt(input.personId, call.site.siteCode)?.id ?? null;
  const taskId = call.write(
    (w) =>
      createTaskIn(w, call, {
        personId: input.personId,
        stayId,
        kind: kind.kind,
        title: input.title,
        detail: input.detail,
        forRole: null,
        sourceResponseId: null,
        ...due,
        team: input.team ?? kind.team,
        assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
      }),
    (id) => ({ personId: input.personId, detail: { task: id, kind: kind.kind } }),
  );
  return { taskId };
}

export function assignTask(input: ParsedInput<'tasks.assign'>, call: Call): ChannelOutput<'tasks.assign'> {
  const task = openTaskHere(call, input.taskId);
  const assignee = input.assigneeId ? assignableWorker(call, input.assigneeId) : null;
  if (assignee && input.team && !teamsOf(assignee.roles).includes(input.team)) {
    throw new ServiceError('invalid_input', `${assignee.name} is not in that team. Choose someone in the team, or another team.`, 'assigneeId');
  }
  call.write(
    (w) => {
      w.emit({
        type: 'task.assigned',
        recordType: 'task',
        recordId: task.id,
        personId: task.personId,
        baseVersion: task.version,
        sensitivity: taskSensitivity(task.kind),
        payload: { assignee: assignee ? { id: assignee.id, name: assignee.name } : null, team: input.team, note: input.note.trim() || null },
      });
    },
    () => ({ personId: task.personId, detail: { task: task.id, team: input.team, assignee: assignee?.id ?? null } }),
  );
  return { assigned: true };
}

export function rescheduleTask(input: ParsedInput<'tasks.reschedule'>, call: Call): ChannelOutput<'tasks.reschedule'> {
  const task = openTaskHere(call, input.taskId);
  if (!taskKind(task.kind).reschedulable) throw new ServiceError('invalid_input', 'This kind of task is closed with an outcome, not moved: record what happened.', 'reason');
  const due = dueFor(task.kind, input.dueOn, input.dueAt, call.env.now());
  call.write(
    (w) => {
      w.emit({ type: 'task.rescheduled', recordType: 'task', recordId: task.id, personId: task.personId, baseVersion: task.version, sensitivity: taskSensitivity(task.kind), payload: { ...due, reason: input.reason } });
    },
    () => ({ personId: task.personId, detail: { task: task.id, dueAt: due.dueAt } }),
  );
  return { rescheduled: true };
}

export function listWorkers(_input: ParsedInput<'tasks.workers'>, call: Call): ChannelOutput<'tasks.workers'> {
  const workers = call.reads.users
    .list()
    .filter((u) => !u.disabled && teamsOf(u.roles).length > 0)
    .map((u) => ({
      id: u.id,
      name: u.fullName,
      teams: teamsOf(u.roles),
      keyworkerKinds: (['clinical', 'psychosocial'] as const).filter((k) => u.roles.some((r) => keyworkerRoles[k].includes(r))),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { workers, myTeams: teamsOf(call.requireSession().roles) };
}
