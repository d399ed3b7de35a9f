// Updating an active flag: new severity and reason (a new version; the earlier one stays in the
// flag's history). Refused by the server if someone changed the flag since it was opened.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Flag } from '../../../contract/channels/flags';
import type { Severity } from '../../../domain/templates/template-schema';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField } from '../../components/RadioField';
import { TextAreaField } from '../../components/TextAreaField';
import { flagSeverityText } from '../../format/severity-format';
import { severityChoices } from './flag-types';

type Field = 'severity' | 'reason';
const fields: readonly Field[] = ['severity', 'reason'];

export function UpdateFlagForm({ flag, onDone, onCancel }: { flag: Flag; onDone(message: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [severity, setSeverity] = useState<Severity>(flag.severity === 'none' ? 'low' : flag.severity);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const reasonId = `update-flag-reason-${flag.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (reason.trim() === '') {
      form.show({ reason: { message: 'Enter the reason: what was seen, said or found now', target: reasonId } });
      return;
    }
    setBusy(true);
    const result = await call('flags.update', { flagId: flag.id, baseVersion: flag.version, severity, reason: reason.trim(), partnerAdvice: flag.partnerAdvice });
    setBusy(false);
    if (result.ok) onDone(`Flag updated: ${flag.label}.`);
    else form.showServer(result.error, { reason: reasonId, severity: `update-flag-severity-${flag.id}-${severity}` });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="update-flag-form">
      <h3>Update &ldquo;{flag.label}&rdquo;</h3>
      <p className="nhsuk-body-s">
        Now: {flagSeverityText(flag.severity)}, because {flag.reason}
      </p>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`update-${flag.id}-`} />
      <RadioField
        id={`update-flag-severity-${flag.id}`}
        legend="Severity"
        inline
        value={severity}
        options={severityChoices.map((s) => ({ value: s, label: flagSeverityText(s) }))}
        onValueChange={(v) => setSeverity(v as Severity)}
        error={form.errors.severity?.message}
      />
      <TextAreaField
        id={reasonId}
        label="Reason now"
        hint="What was seen, said or found. The earlier reason stays in the flag's history."
        value={reason}
        onValueChange={setReason}
        error={form.errors.reason?.message}
        textareaRef={box}
        maxLength={1000}
      />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Updating flag…' : 'Update flag'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
