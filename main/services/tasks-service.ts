// Tasks at this site: listed by due date, closed only with an outcome (done or cancelled).
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Task } from '../../contract/channels/tasks';
import type { StoreWrites } from '../../db/store';
import type { TaskRow } from '../../db/tasks-repo';
import { roleSchema, type Role } from '../../domain/access/roles';
import type { Call } from './call';
import { requireRelationship } from './relationship';
import { ServiceError } from './service-error';

export function taskView(row: TaskRow): Task {
  const { id, personId, kind, title, detail, dueAt, status, createdAt, closedAt, closeNote } = row;
  const role = roleSchema.safeParse(row.forRole);
  return { id, personId, kind, title, detail, forRole: role.success ? role.data : null, dueAt, status, createdAt, closedAt, closeNote };
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
}

export function createTaskIn(w: StoreWrites, call: Call, task: NewTask): string {
  const id = call.env.newId();
  const { personId, ...rest } = task;
  w.emit({ type: 'task.created', recordType: 'task', recordId: id, personId, baseVersion: null, sensitivity: 'care_plan', payload: { ...rest, siteCode: call.site.siteCode } });
  return id;
}

export function listTasks(input: ParsedInput<'tasks.list'>, call: Call): ChannelOutput<'tasks.list'> {
  const rows = call.reads.tasks.list({ siteCode: call.site.siteCode, personId: input.personId, status: input.status });
  const people = new Map(call.reads.identity.summaries([...new Set(rows.map((r) => r.personId))]).map((p) => [p.id, p]));
  call.note = { personId: input.personId, detail: { tasks: rows.length } };
  return { tasks: rows.map((r) => ({ ...taskView(r), ...(people.has(r.personId) ? { person: people.get(r.personId)! } : {}) })) };
}

export function closeTask(input: ParsedInput<'tasks.close'>, call: Call): ChannelOutput<'tasks.close'> {
  const task = call.reads.tasks.get(input.taskId);
  if (!task || task.siteCode !== call.site.siteCode) throw new ServiceError('not_found', 'No task with this id at this site.');
  requireRelationship(call, task.personId);
  if (task.status !== 'open') throw new ServiceError('conflict', 'This task is already closed.');
  call.write(
    (w) => {
      w.emit({
        type: 'task.closed',
        recordType: 'task',
        recordId: task.id,
        personId: task.personId,
        baseVersion: task.version,
        sensitivity: 'care_plan',
        payload: { outcome: input.outcome, note: input.note || null },
      });
    },
    () => ({ personId: task.personId, detail: { outcome: input.outcome } }),
  );
  return { closed: true };
}
