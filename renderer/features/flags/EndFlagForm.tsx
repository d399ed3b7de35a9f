// Ending a flag is a recorded decision: who, when and why. There is no other way to remove one.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Flag } from '../../../contract/channels/flags';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/TextAreaField';

type Field = 'reason';
const fields: readonly Field[] = ['reason'];

export function EndFlagForm({ flag, onDone, onCancel }: { flag: Flag; onDone(message: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const id = `end-flag-reason-${flag.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (reason.trim() === '') {
      form.show({ reason: { message: 'Enter the reason for ending the flag', target: id } });
      return;
    }
    setBusy(true);
    const result = await call('flags.end', { flagId: flag.id, reason: reason.trim() });
    setBusy(false);
    if (result.ok) onDone(`Flag ended: ${flag.label}.`);
    else form.showServer(result.error, { reason: id });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="end-flag-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`end-${flag.id}-`} />
      <TextAreaField
        id={id}
        label={`Reason for ending "${flag.label}"`}
        hint="The decision and what it is based on, for example: reviewed with the detainee, no current thoughts of self-harm."
        value={reason}
        onValueChange={setReason}
        error={form.errors.reason?.message}
        textareaRef={box}
        maxLength={1000}
      />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button nhsuk-button--warning" aria-disabled={busy}>
          {busy ? 'Ending flag…' : 'End flag'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
