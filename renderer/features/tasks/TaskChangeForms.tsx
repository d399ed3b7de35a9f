// Giving a task to a worker and a team, and moving its due date with a reason (a letter chased and
// now expected later). Reviews move with a reason too; appointments are rebooked by their outcome.
import { useState, type FormEvent } from 'react';
import type { Task } from '../../../contract/channels/tasks';
import { teamLabels, teamSchema } from '../../../domain/access/teams';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { checkDateTime, emptyDateTime } from '../../format/date-time-input';
import { checkDate } from '../consent/date-only';
import { useChannel } from '../sms/use-channel';

type Props = { task: Task; onDone(message: string): void; onCancel(): void };

export function AssignTaskForm({ task, onDone, onCancel }: Props) {
  const call = useApp((s) => s.call);
  const { load } = useChannel('tasks.workers', {});
  const [team, setTeam] = useState<string>(task.team ?? '');
  const [assignee, setAssignee] = useState(task.assignee?.id ?? '');
  const [note, setNote] = useState('');
  const form = useFormErrors(['assigneeId', 'note'] as const);
  const people = load.state === 'loaded' ? load.value.workers.filter((w) => !team || w.teams.includes(team as never)) : [];
  const id = `assign-${task.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await call('tasks.assign', { taskId: task.id, team: team ? teamSchema.parse(team) : null, assigneeId: assignee || null, note: note.trim() });
    if (result.ok) onDone(`Task given to ${people.find((p) => p.id === assignee)?.name ?? (team ? teamLabels[teamSchema.parse(team)] : 'anyone at this site')}: ${task.title}.`);
    else form.showServer(result.error, { assigneeId: `${id}-assignee`, note: `${id}-note` });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="assign-task-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`${id}-`} />
      <SelectField
        id={`${id}-team`}
        label="Team"
        value={team}
        options={[{ value: '', label: 'Anyone at this site' }, ...teamSchema.options.map((t) => ({ value: t, label: teamLabels[t] }))]}
        onValueChange={(v) => {
          setTeam(v);
          setAssignee('');
        }}
      />
      <SelectField
        id={`${id}-assignee`}
        label="Worker"
        value={assignee}
        options={[{ value: '', label: 'The team (no one person)' }, ...people.map((w) => ({ value: w.id, label: w.name }))]}
        onValueChange={setAssignee}
        error={form.errors.assigneeId?.message}
      />
      <TextField id={`${id}-note`} label="Note (optional)" value={note} onValueChange={setNote} width="30" autoComplete="off" />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button">
          Give the task
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function RescheduleTaskForm({ task, onDone, onCancel }: Props) {
  const call = useApp((s) => s.call);
  const [due, setDue] = useState(emptyDateTime);
  const [reason, setReason] = useState('');
  const form = useFormErrors(['due', 'reason'] as const);
  const id = `move-${task.id}`;
  const dated = task.dueOn !== null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const check = dated ? checkDate(due, 'New due date') : checkDateTime(due, { label: 'New date and time', now: new Date(), notFuture: false });
    if (!check.ok) return form.show({ due: { message: check.message, target: `${id}-due-${check.parts[0] ?? 'day'}`, parts: check.parts } });
    if (reason.trim() === '') return form.show({ reason: { message: 'Enter the reason for the new date', target: `${id}-reason` } });
    const result = await call('tasks.reschedule', { taskId: task.id, dueOn: dated ? check.iso : null, dueAt: dated ? null : check.iso, reason: reason.trim() });
    if (result.ok) onDone(`New due date set: ${task.title}.`);
    else form.showServer(result.error, { due: `${id}-due-day`, reason: `${id}-reason` });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="reschedule-task-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`${id}-`} />
      <DateTimeField id={`${id}-due`} legend={dated ? 'New due date' : 'New date and time'} value={due} onChange={setDue} error={form.errors.due} dateOnly={dated} />
      <TextField id={`${id}-reason`} label="Reason for the new date" hint="For example: chased the clinic, letter to be sent this week" value={reason} onValueChange={setReason} error={form.errors.reason?.message} width="30" autoComplete="off" />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button">
          Set the new date
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
