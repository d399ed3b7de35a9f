import { formatClinicalDateTime } from '../../format/person-format';
import { isOverdue, relativeDue } from '../../format/relative-due';

/** "30-Nov-2026 14:05, due in 7 days", with an Overdue tag in words when it is. */
export function TaskDue({ dueAt, now }: { dueAt: string; now: Date }) {
  const overdue = isOverdue(dueAt, now);
  return (
    <span className="sonar-due" data-testid="task-due">
      {overdue ? (
        <>
          <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>{' '}
        </>
      ) : null}
      <span className="sonar-nowrap">{formatClinicalDateTime(dueAt)}</span>, <span className={overdue ? 'sonar-due--overdue' : ''}>{relativeDue(dueAt, now)}</span>
    </span>
  );
}
