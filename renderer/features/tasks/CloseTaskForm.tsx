// Closing a task: always with one of its kind's outcomes (a letter received and what it said; an
// appointment attended, missed or rebooked), and a note where the outcome must say more. A missed
// appointment creates its follow-up; a rebooked one asks for the new date and time.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Task } from '../../../contract/channels/tasks';
import { taskKind } from '../../../domain/tasks/task-kinds';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField } from '../../components/RadioField';
import { TextAreaField } from '../../components/TextAreaField';
import { checkDateTime, emptyDateTime } from '../../format/date-time-input';

type Field = 'outcome' | 'note' | 'rebookAt';
const fields: readonly Field[] = ['outcome', 'note', 'rebookAt'];

export function CloseTaskForm({ task, onDone, onCancel }: { task: Task; onDone(message: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const kind = taskKind(task.kind);
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [rebook, setRebook] = useState(emptyDateTime);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const id = `close-${task.id}`;
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector('input')?.focus(), []);
  const chosen = kind.outcomes.find((o) => o.value === outcome) ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!chosen) {
      form.show({ outcome: { message: 'Choose the outcome', target: `${id}-outcome-${kind.outcomes[0]?.value ?? ''}` } });
      return;
    }
    if (chosen.note.required && note.trim() === '') {
      form.show({ note: { message: `Enter ${chosen.note.label.toLowerCase()}`, target: `${id}-note` } });
      return;
    }
    let rebookAt: string | null = null;
    if (chosen.rebook) {
      const at = checkDateTime(rebook, { label: 'New appointment', now: new Date(), notFuture: false });
      if (!at.ok) {
        form.show({ rebookAt: { message: at.message, target: `${id}-rebook-${at.parts[0] ?? 'day'}`, parts: at.parts } });
        return;
      }
      rebookAt = at.iso;
    }
    setBusy(true);
    const result = await call('tasks.close', { taskId: task.id, outcome: chosen.value, note: note.trim(), rebookAt });
    setBusy(false);
    if (!result.ok) {
      form.showServer(result.error, { note: `${id}-note`, outcome: `${id}-outcome-${kind.outcomes[0]?.value ?? ''}`, rebookAt: `${id}-rebook-day` });
      return;
    }
    const next = chosen.followUp ? ` Follow-up task made: ${chosen.followUp.title}.` : chosen.rebook ? ' The new appointment is on the task list.' : '';
    const how = chosen.value === 'done' ? 'Task done' : chosen.value === 'cancelled' ? 'Task cancelled' : `Task closed (${chosen.label.toLowerCase()})`;
    onDone(`${how}: ${task.title}.${next}`);
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="close-task-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`${id}-`} />
      <div ref={first}>
        <RadioField
          id={`${id}-outcome`}
          legend={`Outcome of "${task.title}"`}
          value={outcome}
          options={kind.outcomes.map((o) => ({ value: o.value, label: o.label }))}
          onValueChange={(v) => {
            setOutcome(v);
            form.clearField('outcome');
          }}
          error={form.errors.outcome?.message}
        />
      </div>
      <TextAreaField
        id={`${id}-note`}
        label={chosen ? `${chosen.note.label}${chosen.note.required ? '' : ' (optional)'}` : 'Note'}
        value={note}
        onValueChange={setNote}
        error={form.errors.note?.message}
        maxLength={1000}
        rows={2}
      />
      {chosen?.rebook ? <DateTimeField id={`${id}-rebook`} legend="New appointment date and time" value={rebook} onChange={setRebook} error={form.errors.rebookAt} /> : null}
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Closing…' : 'Close task'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
