// Reception: the person arrives at this site. The stay's kind follows the site (a custody suite
// detains, a prison receives); the arrival time starts at the clock and can be corrected.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { checkDateTime, draftFromDate } from '../../format/date-time-input';

type Field = 'arrivedAt' | 'arrivalReason';
const fields: readonly Field[] = ['arrivedAt', 'arrivalReason'];

export function StartStayForm({ personId, onDone, onCancel }: { personId: string; onDone(message: string): void; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const siteType = useApp((s) => s.site?.siteType ?? 'custody');
  const [arrived, setArrived] = useState(() => draftFromDate(new Date()));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(fields);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const prison = siteType === 'prison';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const at = checkDateTime(arrived, { label: 'Date of arrival', now: new Date() });
    if (!at.ok) {
      form.show({ arrivedAt: { message: at.message, target: `arrivedAt-${at.parts[0] ?? 'day'}`, parts: at.parts } });
      return;
    }
    setBusy(true);
    const result = await call('stays.start', { personId, arrivedAt: at.iso, arrivalReason: reason.trim() === '' ? null : reason.trim() });
    setBusy(false);
    if (result.ok) onDone(prison ? 'Prison stay started.' : 'Custody detention started.');
    else form.showServer(result.error, { arrivedAt: 'arrivedAt-day', arrivalReason: 'arrivalReason' });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="start-stay-form">
      <h3>{prison ? 'Reception into prison' : 'Booked into custody'}</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="stay-start-" />
      <TextField
        id="arrivalReason"
        label="Reason for arrival (optional)"
        hint={prison ? 'For example: remanded from court, recall, transfer from another prison' : 'For example: arrested on suspicion of theft, breach of bail'}
        value={reason}
        onValueChange={setReason}
        error={form.errors.arrivalReason?.message}
        width="30"
        autoComplete="off"
        inputRef={first}
      />
      <DateTimeField id="arrivedAt" legend="Date and time of arrival" value={arrived} onChange={setArrived} error={form.errors.arrivedAt} />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button" aria-disabled={busy}>
          {busy ? 'Starting…' : prison ? 'Start prison stay' : 'Start custody detention'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
