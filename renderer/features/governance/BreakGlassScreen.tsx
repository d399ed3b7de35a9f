// Break-glass: a clinician opening the record of someone outside their care at this site (no
// current or recent stay, not registered here lately). Nothing about the person is shown until the
// reason is given: the page says what will happen, takes the reason and a time limit, and then
// carries on to where the user was going.
import { useState, type FormEvent } from 'react';
import type { Route } from '../../app/navigation-slice';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NoticeBanner } from '../../components/NoticeBanner';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { BREAK_GLASS_MINUTES } from './break-glass-slice';
import { breakGlassFields, checkBreakGlass, MAX_REASON_LENGTH, MIN_REASON_LENGTH } from './break-glass-form';

const durations = [
  { value: '', label: 'Choose a time limit' },
  ...BREAK_GLASS_MINUTES.map((m) => ({ value: String(m), label: m === 60 ? '1 hour' : `${m} minutes` })),
];

export function BreakGlassScreen({ personId, then }: { personId: string; then: Route }) {
  usePageTitle('Emergency access (break-glass)');
  const start = useApp((s) => s.startBreakGlass);
  const navigate = useApp((s) => s.navigate);
  const notice = useApp((s) => s.notice);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useFormErrors(breakGlassFields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const checked = checkBreakGlass(reason, minutes);
    if (Object.keys(checked.errors).length > 0 || checked.minutes === null) {
      form.show(checked.errors);
      return;
    }
    setBusy(true);
    const result = await start(personId, reason.trim(), checked.minutes, then);
    if (result.ok) return; // the store has moved on to where the user was going
    setBusy(false);
    form.showServer(result.error);
  }

  return (
    <>
      <BackLink route={{ name: 'search' }} label="Back to search" />
      {notice ? <NoticeBanner notice={notice} /> : null}
      <PageHeading>This person is not in your care at this site</PageHeading>
      <div className="nhsuk-warning-callout" data-testid="break-glass-explainer">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Emergency access is recorded and reviewed
          </span>
        </h2>
        <p>
          The record of someone with no current or recent stay here can be opened only in an emergency (break-glass). Your name, your reason, the time and everything you open
          are recorded in the audit trail, and a team manager or auditor reviews every emergency access.
        </p>
        <p>Access ends at the time limit you choose, when you end it, or when you sign out.</p>
      </div>
      <ErrorSummary items={form.items} focusKey={form.focusKey} />
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="break-glass-form">
        <TextAreaField
          id="reason"
          label="Why do you need this record now?"
          hint={`The clinical reason, at least ${MIN_REASON_LENGTH} characters. For example: collapsed in reception, needs medication history for treatment.`}
          value={reason}
          onValueChange={(v) => {
            setReason(v);
            form.clearField('reason');
          }}
          error={form.errors.reason?.message}
          maxLength={MAX_REASON_LENGTH}
          rows={4}
        />
        <SelectField
          id="minutes"
          label="How long do you need access for?"
          value={minutes}
          options={durations}
          onValueChange={(v) => {
            setMinutes(v);
            form.clearField('minutes');
          }}
          error={form.errors.minutes?.message}
        />
        <div className="sonar-button-row">
          <button type="submit" className="nhsuk-button nhsuk-button--warning" aria-disabled={busy}>
            {busy ? 'Opening the record…' : 'Open the record in an emergency'}
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => navigate({ name: 'search' })}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
