// Which open tasks the patient banner shows on every screen: a handover to the custody officer not
// yet recorded (an entry in a list alone has caused fatal delays), and anything overdue, with the
// escalated ones (overdue for longer than their kind allows) counted apart.
import type { TaskRow } from '../../db/tasks-repo';
import { taskUrgency } from '../../domain/tasks/task-urgency';

export const HANDOVER_TASK_KIND = 'handover';

export function bannerTaskAlerts(open: readonly TaskRow[], now: Date) {
  return open
    .map((t) => ({ t, u: taskUrgency(t, now) }))
    .filter(({ t, u }) => t.kind === HANDOVER_TASK_KIND || u.urgency !== 'not_due')
    .map(({ t, u }) => ({ id: t.id, kind: t.kind, title: t.title, dueAt: t.dueAt, overdue: u.urgency !== 'not_due', escalated: u.urgency === 'escalated' }));
}
