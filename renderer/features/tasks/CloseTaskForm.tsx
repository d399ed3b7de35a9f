// Closing a task: done or cancelled, with a note (what was done, or why it is no longer needed).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Task } from '../../../contract/channels/tasks';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField } from '../../components/RadioField';
import { TextAreaField } from '../../components/TextAreaField';

type Field = 'outcome' | 'note';
const fields: readonly Field[] = ['outcome', 'note'];

export function CloseTaskForm({ task, onDone, onCancel }: { task: Task; onDone(message: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [outcome, setOutcome] = useState<'done' | 'cancelled' | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const id = `close-${task.id}`;
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector('input')?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (outcome === '') {
      form.show({ outcome: { message: 'Select whether the task was done or is cancelled', target: `${id}-outcome-done` } });
      return;
    }
    if (outcome === 'cancelled' && note.trim() === '') {
      form.show({ note: { message: 'Enter why the task is cancelled', target: `${id}-note` } });
      return;
    }
    setBusy(true);
    const result = await call('tasks.close', { taskId: task.id, outcome, note: note.trim() });
    setBusy(false);
    if (result.ok) onDone(`Task ${outcome === 'done' ? 'done' : 'cancelled'}: ${task.title}.`);
    else form.showServer(result.error, { note: `${id}-note`, outcome: `${id}-outcome-done` });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="close-task-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`${id}-`} />
      <div ref={first}>
        <RadioField
          id={`${id}-outcome`}
          legend={`Close "${task.title}"`}
          inline
          value={outcome}
          options={[
            { value: 'done', label: 'Done' },
            { value: 'cancelled', label: 'Cancelled, no longer needed' },
          ]}
          onValueChange={(v) => {
            setOutcome(v as 'done' | 'cancelled');
            form.clearField('outcome');
          }}
          error={form.errors.outcome?.message}
        />
      </div>
      <TextAreaField
        id={`${id}-note`}
        label={outcome === 'cancelled' ? 'Why it is cancelled' : 'Note (optional)'}
        value={note}
        onValueChange={setNote}
        error={form.errors.note?.message}
        maxLength={1000}
        rows={2}
      />
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
