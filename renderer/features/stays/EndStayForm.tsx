// Exit: when, why and where to. A prison leaver's destination matters for continuity of care.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Stay } from '../../../contract/channels/stays';
import type { FieldErrors } from '../../app/form-errors';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { checkDateTime, draftFromDate } from '../../format/date-time-input';

type Field = 'exitReason' | 'exitDestination' | 'exitedAt';
const fields: readonly Field[] = ['exitReason', 'exitDestination', 'exitedAt'];

const reasons: Record<Stay['kind'], string[]> = {
  custody: ['Released without charge', 'Released on bail', 'Charged and remanded to court', 'Transferred to hospital', 'Transferred to another custody suite'],
  prison: ['Released at end of sentence', 'Released on licence', 'Released on bail', 'Transferred to another prison', 'Transferred to hospital'],
};

export function EndStayForm({ stay, onDone, onCancel }: { stay: Stay; onDone(message: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [exited, setExited] = useState(() => draftFromDate(new Date()));
  const [reason, setReason] = useState('');
  const [destination, setDestination] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors: FieldErrors<Field> = {};
    if (reason.trim() === '') errors.exitReason = { message: 'Enter the reason for leaving' };
    if (destination.trim() === '') errors.exitDestination = { message: 'Enter where the person is going' };
    const at = checkDateTime(exited, { label: 'Date of leaving', now: new Date() });
    if (!at.ok) errors.exitedAt = { message: at.message, target: `exitedAt-${at.parts[0] ?? 'day'}`, parts: at.parts };
    else if (at.iso < stay.arrivedAt) errors.exitedAt = { message: 'Date of leaving must be after the arrival', target: 'exitedAt-day' };
    if (Object.keys(errors).length > 0 || !at.ok) {
      form.show(errors);
      return;
    }
    setBusy(true);
    const result = await call('stays.end', { stayId: stay.id, exitedAt: at.iso, exitReason: reason.trim(), exitDestination: destination.trim() });
    setBusy(false);
    if (result.ok) onDone(stay.kind === 'prison' ? 'Prison stay ended.' : 'Custody detention ended.');
    else form.showServer(result.error, { exitedAt: 'exitedAt-day' });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="end-stay-form">
      <h3>{stay.kind === 'prison' ? 'Leaving prison' : 'Leaving custody'}</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="stay-end-" />
      <TextField
        id="exitReason"
        label="Reason for leaving"
        hint="Type, or choose a usual reason from the list"
        list="exit-reasons"
        value={reason}
        onValueChange={setReason}
        error={form.errors.exitReason?.message}
        width="30"
        autoComplete="off"
        inputRef={first}
      />
      <datalist id="exit-reasons">
        {reasons[stay.kind].map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
      <TextField
        id="exitDestination"
        label="Destination"
        hint="For example: home address, Magistrates' court, HMP Leeds, Leeds General Infirmary"
        value={destination}
        onValueChange={setDestination}
        error={form.errors.exitDestination?.message}
        width="30"
        autoComplete="off"
      />
      <DateTimeField id="exitedAt" legend="Date and time of leaving" value={exited} onChange={setExited} error={form.errors.exitedAt} />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Ending…' : 'End stay'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
