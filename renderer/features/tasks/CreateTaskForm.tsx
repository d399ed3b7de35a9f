// Adding a task to a person's record: an awaited hospital letter or test result (due on a day), a
// booked external appointment (at a time), or a recall. It goes to a team's list (the kind's team
// unless another is chosen) and, if chosen, to one worker.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { teamLabels, teamSchema } from '../../../domain/access/teams';
import { creatableKinds, taskKind } from '../../../domain/tasks/task-kinds';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField } from '../../components/RadioField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { checkDateTime, emptyDateTime } from '../../format/date-time-input';
import { checkDate } from '../consent/date-only';
import { useChannel } from '../sms/use-channel';

type Field = 'kind' | 'title' | 'detail' | 'due' | 'assigneeId';
const fields: readonly Field[] = ['kind', 'title', 'detail', 'due', 'assigneeId'];

export function CreateTaskForm({ personId, onDone, onCancel }: { personId: string; onDone(message: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const { load: workers } = useChannel('tasks.workers', {});
  const [kind, setKind] = useState('');
  const [title, setTitle] = useState('');
  const [detail, setDetail] = useState('');
  const [due, setDue] = useState(emptyDateTime);
  const [team, setTeam] = useState('');
  const [assignee, setAssignee] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector('input')?.focus(), []);
  const def = kind ? taskKind(kind) : null;
  const chosenTeam = team || def?.team || '';
  const people = workers.state === 'loaded' ? workers.value.workers.filter((w) => !chosenTeam || w.teams.includes(chosenTeam as never)) : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!def) return form.show({ kind: { message: 'Choose what kind of task it is', target: `task-kind-${creatableKinds[0]?.kind ?? ''}` } });
    const errors: Parameters<typeof form.show>[0] = {};
    if (title.trim() === '') errors.title = { message: 'Enter what the task is', target: 'task-title' };
    if (detail.trim() === '') errors.detail = { message: `Enter ${(def.detailLabel ?? 'the details').toLowerCase()}`, target: 'task-detail' };
    let dueOn: string | null = null;
    let dueAt: string | null = null;
    if (def.due === 'date') {
      const d = checkDate(due, 'Due date');
      if (d.ok) dueOn = d.iso;
      else errors.due = { message: d.message, target: `task-due-${d.parts[0] ?? 'day'}`, parts: d.parts };
    } else {
      const d = checkDateTime(due, { label: 'Date and time', now: new Date(), notFuture: false });
      if (d.ok) dueAt = d.iso;
      else errors.due = { message: d.message, target: `task-due-${d.parts[0] ?? 'day'}`, parts: d.parts };
    }
    if (Object.keys(errors).length > 0) return form.show(errors);
    setBusy(true);
    const result = await call('tasks.create', {
      personId,
      kind: def.kind,
      title: title.trim(),
      detail: detail.trim(),
      dueOn,
      dueAt,
      team: chosenTeam ? teamSchema.parse(chosenTeam) : null,
      assigneeId: assignee || null,
    });
    setBusy(false);
    if (result.ok) onDone(`Task added: ${title.trim()}.`);
    else form.showServer(result.error, { kind: `task-kind-${creatableKinds[0]?.kind ?? ''}`, title: 'task-title', detail: 'task-detail', due: 'task-due-day', assigneeId: 'task-assignee' });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="create-task-form">
      <h3>Add a task</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="task-" />
      <div ref={first}>
        <RadioField
          id="task-kind"
          legend="What kind of task"
          value={kind}
          options={creatableKinds.map((k) => ({ value: k.kind, label: k.label }))}
          onValueChange={(v) => {
            setKind(v);
            form.clearField('kind');
          }}
          error={form.errors.kind?.message}
        />
      </div>
      <TextField id="task-title" label="What the task is" hint="For example: Cardiology clinic letter" value={title} onValueChange={setTitle} error={form.errors.title?.message} width="30" autoComplete="off" />
      <TextAreaField id="task-detail" label={def?.detailLabel ?? 'Details'} value={detail} onValueChange={setDetail} error={form.errors.detail?.message} maxLength={2000} rows={2} />
      <DateTimeField
        id="task-due"
        legend={def?.due === 'dateTime' ? 'Date and time of the appointment' : 'Expected by (due date)'}
        value={due}
        onChange={setDue}
        error={form.errors.due}
        dateOnly={def?.due !== 'dateTime'}
      />
      <SelectField
        id="task-team"
        label="Team"
        value={chosenTeam}
        options={[{ value: '', label: 'Anyone at this site' }, ...teamSchema.options.map((t) => ({ value: t, label: teamLabels[t] }))]}
        onValueChange={(v) => {
          setTeam(v);
          setAssignee('');
        }}
      />
      <SelectField
        id="task-assignee"
        label="Give it to (optional)"
        value={assignee}
        options={[{ value: '', label: 'The team (no one person)' }, ...people.map((w) => ({ value: w.id, label: w.name }))]}
        onValueChange={setAssignee}
        error={form.errors.assigneeId?.message}
      />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Adding…' : 'Add task'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
