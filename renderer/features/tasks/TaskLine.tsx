// One open task as every list shows it: due (with Overdue or Escalated in words), what it is, who
// and which team has it.
import type { Task } from '../../../contract/channels/tasks';
import { roleLabels } from '../../../domain/access/roles';
import { teamLabels } from '../../../domain/access/teams';
import { TaskDue } from './TaskDue';

export function TaskWho({ task }: { task: Task }) {
  const parts = [task.assignee ? task.assignee.name : null, task.team ? teamLabels[task.team] : null].filter(Boolean);
  return <span className="sonar-block nhsuk-body-s" data-testid="task-who">{parts.length > 0 ? `With ${parts.join(', ')}` : 'Anyone at this site'}</span>;
}

export function TaskSummary({ task, now }: { task: Task; now: Date }) {
  return (
    <>
      <p className="nhsuk-u-margin-bottom-1">
        <strong>{task.title}</strong> <span className="nhsuk-tag nhsuk-tag--white sonar-tag-gap">{task.kindLabel}</span>
        {task.forRole ? <span className="nhsuk-tag nhsuk-tag--white sonar-tag-gap">For {roleLabels[task.forRole].toLowerCase()}</span> : null}
      </p>
      {task.detail ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{task.detail}</p> : null}
      <p className="nhsuk-u-margin-bottom-1">
        <span className="sonar-label">Due</span> <TaskDue task={task} now={now} />
      </p>
      <TaskWho task={task} />
    </>
  );
}
