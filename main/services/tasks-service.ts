// Tasks at this site: listed by due date, closed only with an outcome (done or cancelled).
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Task } from '../../contract/channels/tasks';
import type { StoreWrites } from '../../db/store';
import type { TaskRow } from '../../db/tasks-repo';
import type { Call } from '../rpc/call';
import { requireRelationship } from './relationship';
import { ServiceError } from './service-error';

export function taskView(row: TaskRow): Task {
  const { id, personId, kind, title, dueAt, status, createdAt, closedAt, closeNote } = row;
  return { id, personId, kind, title, dueAt, status, createdAt, closedAt, closeNote };
}

export interface NewTask {
  personId: string;
  stayId: string | null;
  kind: string;
  title: string;
  dueAt: string;
  sourceResponseId: string | null;
}

export function createTaskIn(w: StoreWrites, call: Call, task: NewTask): string {
  const session = call.requireSession();
  const id = call.env.newId();
  const row = { id, ...task, siteCode: call.site.siteCode, status: 'open' as const, createdAt: call.env.now().toISOString(), createdBy: session.userId };
  w.tasks.insert(row);
  w.event({ entityType: 'task', entityId: id, personId: task.personId, op: 'create', baseVersion: null, authorId: session.userId, payload: row });
  return id;
}

export function listTasks(input: ParsedInput<'tasks.list'>, call: Call): ChannelOutput<'tasks.list'> {
  const rows = call.reads.tasks.list({ siteCode: call.site.siteCode, personId: input.personId, status: input.status });
  const people = new Map(call.reads.identity.summaries([...new Set(rows.map((r) => r.personId))]).map((p) => [p.id, p]));
  call.note = { personId: input.personId, detail: { tasks: rows.length } };
  return { tasks: rows.map((r) => ({ ...taskView(r), ...(people.has(r.personId) ? { person: people.get(r.personId)! } : {}) })) };
}

export function closeTask(input: ParsedInput<'tasks.close'>, call: Call): ChannelOutput<'tasks.close'> {
  const session = call.requireSession();
  const task = call.reads.tasks.get(input.taskId);
  if (!task || task.siteCode !== call.site.siteCode) throw new ServiceError('not_found', 'No task with this id at this site.');
  requireRelationship(call, task.personId);
  if (task.status !== 'open') throw new ServiceError('conflict', 'This task is already closed.');
  call.write(
    (w) => {
      const close = { status: input.outcome, closedAt: call.env.now().toISOString(), closedBy: session.userId, closeNote: input.note || null };
      if (!w.tasks.close(task.id, close, task.version)) throw new ServiceError('conflict', 'This task was changed by someone else. Reload and try again.');
      w.event({ entityType: 'task', entityId: task.id, personId: task.personId, op: 'update', baseVersion: task.version, authorId: session.userId, payload: close });
    },
    () => ({ personId: task.personId, detail: { outcome: input.outcome } }),
  );
  return { closed: true };
}
