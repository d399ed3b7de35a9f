// Marking an entry entered in error (wrong person, wrong time): a new version with the reason; the
// content is kept for audit and no longer counts.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/TextAreaField';

type Field = 'reason';
const fields: readonly Field[] = ['reason'];

/** `onDone` gets the tasks the entry had completed that are open again (titles; another site's say which). */
export function EnteredInErrorForm({ responseId, onDone, onCancel }: { responseId: string; onDone(tasksReopened: readonly string[]): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (reason.trim() === '') {
      form.show({ reason: { message: 'Enter why this entry was entered in error', target: 'eie-reason' } });
      return;
    }
    setBusy(true);
    const r = await call('forms.markEnteredInError', { responseId, reason: reason.trim() });
    setBusy(false);
    if (r.ok) onDone(r.value.tasksReopened);
    else form.showServer(r.error, { reason: 'eie-reason' });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="entered-in-error-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="eie-" />
      <TextAreaField
        id="eie-reason"
        label="Why was this entered in error?"
        hint="For example: recorded against the wrong person. The entry stays in the record, marked, and no longer counts."
        value={reason}
        onValueChange={setReason}
        error={form.errors.reason?.message}
        textareaRef={box}
      />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button nhsuk-button--warning" aria-disabled={busy}>
          {busy ? 'Marking…' : 'Mark as entered in error'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
