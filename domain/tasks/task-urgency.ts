// How urgent an open task is now, the same on every list and in the patient banner: not yet due,
// overdue, or escalated (overdue for longer than its kind allows: a hospital letter a week late, a
// review two days late). Escalated tasks go to the top of every list in red, with the days late in
// words; nothing is told by colour alone. Pure: the clock is passed in.
import { taskKind } from './task-kinds';

export type TaskUrgency = 'not_due' | 'overdue' | 'escalated';

export interface UrgencyView {
  urgency: TaskUrgency;
  /** Whole days since it became overdue (0 on its first overdue day). */
  overdueDays: number;
}

const DAY_MS = 86_400_000;

export function taskUrgency(task: { kind: string; dueAt: string }, now: Date): UrgencyView {
  const late = now.getTime() - Date.parse(task.dueAt);
  if (!(late >= 0)) return { urgency: 'not_due', overdueDays: 0 };
  const overdueDays = Math.floor(late / DAY_MS);
  const escalated = late >= taskKind(task.kind).escalateAfterDays * DAY_MS;
  return { urgency: escalated ? 'escalated' : 'overdue', overdueDays };
}

const RANK: Record<TaskUrgency, number> = { escalated: 0, overdue: 1, not_due: 2 };

/** Escalated first, then overdue, then by due time (earliest first). */
export function byUrgency<T extends { kind: string; dueAt: string; id: string }>(tasks: readonly T[], now: Date): T[] {
  return [...tasks].sort((a, b) => {
    const r = RANK[taskUrgency(a, now).urgency] - RANK[taskUrgency(b, now).urgency];
    if (r !== 0) return r;
    return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
