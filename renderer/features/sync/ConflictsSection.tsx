// Conflicting changes to this person's record made at two sites from the same version: never merged
// silently. Both values are shown with who, where and when; the clinician chooses which stands and
// says why, and that decision reaches every site.
import { useState, type FormEvent } from 'react';
import { useChannelQuery } from '../../app/server-state';
import type { ChannelOutput } from '../../../contract/channels';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/TextAreaField';
import { formatClinicalDateTime } from '../../format/person-format';

type Conflict = ChannelOutput<'sync.conflicts'>['conflicts'][number];

function ResolveForm({ personId, conflict, onDone }: { personId: string; conflict: Conflict; onDone(): void }) {
  const call = useApp((s) => s.call);
  const [kept, setKept] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(['kept', 'note'] as const);
  const prefix = `conflict-${conflict.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const errors: Parameters<typeof form.show>[0] = {};
    if (!kept) errors.kept = { message: 'Choose which value stands', target: `${prefix}-side-0` };
    if (note.trim() === '') errors.note = { message: 'Say why this value stands', target: `${prefix}-note` };
    if (!kept || Object.keys(errors).length > 0) return form.show(errors);
    setBusy(true);
    const r = await call('sync.resolveConflict', { personId, conflictId: conflict.id, keptEventId: kept, note: note.trim() });
    setBusy(false);
    if (r.ok) onDone();
    else form.showServer(r.error, { note: `${prefix}-note`, kept: `${prefix}-side-0` });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} data-testid="conflict">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`${prefix}-`} />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          Conflicting changes to a {conflict.recordType.replace(/_/g, ' ')}, found {formatClinicalDateTime(conflict.detectedAt)}: which stands?
        </legend>
        {form.errors.kept ? <p className="nhsuk-error-message">{form.errors.kept.message}</p> : null}
        <div className="nhsuk-radios">
          {conflict.sides.map((s, i) => (
            <div className="nhsuk-radios__item" key={s.eventId}>
              <input className="nhsuk-radios__input" id={`${prefix}-side-${i}`} name={prefix} type="radio" value={s.eventId} checked={kept === s.eventId} onChange={() => setKept(s.eventId)} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${prefix}-side-${i}`} data-testid="conflict-side">
                <strong>{s.value}</strong>
                <span className="sonar-block nhsuk-body-s">
                  {s.authorName} at {s.originSite}, {formatClinicalDateTime(s.recordedAt)}
                  {s.current ? ' (shown now)' : ''}
                </span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextAreaField id={`${prefix}-note`} label="Why this value stands" value={note} onValueChange={setNote} error={form.errors.note?.message} maxLength={1000} />
      <button type="submit" className="nhsuk-button" aria-disabled={busy}>
        {busy ? 'Resolving…' : 'Resolve the conflict'}
      </button>
    </form>
  );
}

export function ConflictsSection({ personId, onChanged }: { personId: string; onChanged(): void }) {
  const query = useChannelQuery('sync.conflicts', { personId });
  const conflicts: Conflict[] = query.data?.conflicts ?? [];
  const [done, setDone] = useState<string | null>(null);

  if (conflicts.length === 0 && !done) return null;
  return (
    <section aria-labelledby="conflicts-title" className="sonar-section sonar-conflicts" data-testid="conflicts-section">
      <h2 id="conflicts-title" className="nhsuk-heading-m">
        Conflicting changes
      </h2>
      {done ? <p className="nhsuk-body" data-testid="conflict-done">{done}</p> : null}
      {conflicts.map((c) => (
        <ResolveForm
          key={c.id}
          personId={personId}
          conflict={c}
          onDone={() => {
            setDone('Conflict resolved: the value you chose now stands at every site.');
            onChanged(); // reads the person's record again, the conflicts with it
          }}
        />
      ))}
    </section>
  );
}
