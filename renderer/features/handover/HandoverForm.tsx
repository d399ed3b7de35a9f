// Recording the handover: who received the findings (name, and collar or staff number if given)
// and when they acknowledged them. The time starts at the clock.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FieldErrors } from '../../app/form-errors';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { checkDateTime, draftFromDate } from '../../format/date-time-input';
import { formatClinicalDateTime } from '../../format/person-format';
import { acknowledgedInstant } from './handover-time';

type Field = 'officerName' | 'officerId' | 'acknowledgedAt';
const fields: readonly Field[] = ['officerName', 'officerId', 'acknowledgedAt'];

interface Props {
  personId: string;
  responseId: string;
  /** When the assessment was saved: the acknowledgement cannot be before it. */
  recordedAt: string;
  onDone(officer: string): void;
}

export function HandoverForm({ personId, responseId, recordedAt, onDone }: Props) {
  const call = useApp((s) => s.call);
  const [name, setName] = useState('');
  const [officerId, setOfficerId] = useState('');
  const [at, setAt] = useState(() => draftFromDate(new Date()));
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors: FieldErrors<Field> = {};
    if (name.trim() === '') errors.officerName = { message: 'Enter the name of the custody officer who received the handover' };
    const when = checkDateTime(at, { label: 'Time of acknowledgement', now: new Date() });
    const sent = when.ok ? acknowledgedInstant(when.iso, touched, recordedAt, new Date()) : null;
    if (!when.ok) errors.acknowledgedAt = { message: when.message, target: `acknowledgedAt-${when.parts[0] ?? 'day'}`, parts: when.parts };
    else if (sent !== null && sent < recordedAt) {
      errors.acknowledgedAt = { message: `Time of acknowledgement must be after the assessment was saved (${formatClinicalDateTime(recordedAt)})`, target: 'acknowledgedAt-day' };
    }
    if (Object.keys(errors).length > 0 || sent === null) {
      form.show(errors);
      return;
    }
    setBusy(true);
    const r = await call('handover.record', { personId, responseId, officerName: name.trim(), officerId: officerId.trim() === '' ? null : officerId.trim(), acknowledgedAt: sent });
    setBusy(false);
    if (r.ok) onDone(name.trim());
    else form.showServer(r.error, { acknowledgedAt: 'acknowledgedAt-day' });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="handover-form">
      <h2 className="nhsuk-heading-m">Record the handover</h2>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="handover-" />
      <div className="sonar-inline-fields">
        <TextField id="officerName" label="Custody officer's name" value={name} onValueChange={setName} error={form.errors.officerName?.message} width="20" autoComplete="off" spellCheck={false} inputRef={first} />
        <TextField id="officerId" label="Collar or staff number (optional)" value={officerId} onValueChange={setOfficerId} error={form.errors.officerId?.message} width="10" autoComplete="off" spellCheck={false} />
      </div>
      <DateTimeField id="acknowledgedAt" legend="When the officer acknowledged the findings" value={at}
        onChange={(v) => {
          setAt(v);
          setTouched(true);
        }} error={form.errors.acknowledgedAt} />
      <button type="submit" className="nhsuk-button" aria-disabled={busy}>
        {busy ? 'Recording…' : 'Record handover'}
      </button>
    </form>
  );
}
