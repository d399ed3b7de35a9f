import { differenceInCalendarDays } from 'date-fns';
import type { Task } from '../../../contract/channels/tasks';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { formatClinicalDateTime } from '../../format/person-format';
import { isOverdue, relativeDue } from '../../format/relative-due';

type Due = Pick<Task, 'dueAt'> & Partial<Pick<Task, 'dueOn' | 'urgency' | 'overdueDays'>>;

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}

/** How far away the due day or time is, in words; overdue and escalation as the back end judged them. */
export function dueText(task: Due, now: Date): string {
  const urgency = task.urgency ?? (isOverdue(task.dueAt, now) ? 'overdue' : 'not_due');
  if (task.dueOn) {
    if (urgency !== 'not_due') return `overdue by ${days((task.overdueDays ?? 0) + 1)}`;
    const [y, m, d] = task.dueOn.split('-').map(Number) as [number, number, number];
    const diff = differenceInCalendarDays(new Date(y, m - 1, d), now);
    return diff <= 0 ? 'due today' : diff === 1 ? 'due tomorrow' : `due in ${days(diff)}`;
  }
  if (urgency !== 'not_due' && (task.overdueDays ?? 0) > 0) return `overdue by ${days(task.overdueDays ?? 0)}`;
  return relativeDue(task.dueAt, now);
}

/** "06-Dec-2026, due in 3 days", with an Overdue or Escalated tag in words when it is. */
export function TaskDue({ task, now }: { task: Due; now: Date }) {
  const urgency = task.urgency ?? (isOverdue(task.dueAt, now) ? 'overdue' : 'not_due');
  return (
    <span className="sonar-due" data-testid="task-due">
      {urgency === 'escalated' ? (
        <>
          <strong className="nhsuk-tag nhsuk-tag--red" data-testid="task-escalated">
            Escalated
          </strong>{' '}
        </>
      ) : urgency === 'overdue' ? (
        <>
          <strong className="nhsuk-tag nhsuk-tag--orange" data-testid="task-overdue">
            Overdue
          </strong>{' '}
        </>
      ) : null}
      <span className="sonar-nowrap">{task.dueOn ? formatClinicalDate(task.dueOn) : formatClinicalDateTime(task.dueAt)}</span>,{' '}
      <span className={urgency !== 'not_due' ? 'sonar-due--overdue' : ''}>{dueText(task, now)}</span>
    </span>
  );
}
