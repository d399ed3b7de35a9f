// Which open tasks the patient banner shows on every screen: a handover to the custody officer not
// yet recorded (an entry in a list alone has caused fatal delays), and anything overdue.
import type { TaskRow } from '../../db/tasks-repo';

export const HANDOVER_TASK_KIND = 'handover';

export function bannerTaskAlerts(open: readonly TaskRow[], now: Date) {
  const nowIso = now.toISOString();
  return open
    .filter((t) => t.kind === HANDOVER_TASK_KIND || t.dueAt < nowIso)
    .map((t) => ({ id: t.id, kind: t.kind, title: t.title, dueAt: t.dueAt, overdue: t.dueAt < nowIso }));
}
