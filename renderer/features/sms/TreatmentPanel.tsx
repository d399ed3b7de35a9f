// Treatment on the record: started when and for what, the reviews as planned at the start (5-day,
// 28-day, 13-week by default), the next review due (completing it schedules the one after), the
// reviews done, and how an ended treatment ended.
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { referralSubstanceValues } from '../../../domain/sms/referral-services';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { CheckboxesField } from '../consent/CheckboxesField';
import { checkDate, draftFromLocalDate } from '../consent/date-only';
import { TaskDue } from '../tasks/TaskDue';
import { decisionLabels, endReasonLabels, interventionLabels, substanceLabel, WITHHELD } from './sms-labels';

type SmsRecordView = ChannelOutput<'sms.record'>;
type Done = (message: string) => void;
const INTERVENTIONS = ['pharmacological', 'psychosocial'] as const;

function StartForm({ personId, referralId, onDone, onCancel }: { personId: string; referralId: string | null; onDone: Done; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [startedOn, setStartedOn] = useState(() => ({ ...draftFromLocalDate(new Date()), time: '' }));
  const [interventions, setInterventions] = useState<('pharmacological' | 'psychosocial')[]>([]);
  const [substances, setSubstances] = useState<string[]>([]);
  const form = useFormErrors(['startedOn', 'interventions', 'substances'] as const);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const day = checkDate(startedOn, 'Date treatment started');
    if (!day.ok) return form.show({ startedOn: { message: day.message, target: `treatment-start-${day.parts[0] ?? 'day'}`, parts: day.parts } });
    if (interventions.length === 0) return form.show({ interventions: { message: 'Choose at least one kind of intervention', target: 'treatment-interventions-pharmacological' } });
    if (substances.length === 0) return form.show({ substances: { message: 'Choose the substances treated', target: `treatment-substances-${referralSubstanceValues[0]}` } });
    const result = await call('sms.startTreatment', { personId, startedOn: day.iso, interventions, substances, referralId });
    if (result.ok) onDone(`Treatment started. ${result.value.review.label} due ${formatClinicalDate(result.value.review.dueOn)}.`);
    else form.showServer(result.error, { startedOn: 'treatment-start-day', interventions: 'treatment-interventions-pharmacological', substances: `treatment-substances-${referralSubstanceValues[0]}` });
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="start-treatment-form">
      <h3>Start treatment</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="treatment-" />
      <DateTimeField id="treatment-start" legend="Date treatment started" value={startedOn} onChange={setStartedOn} error={form.errors.startedOn} dateOnly />
      <CheckboxesField
        id="treatment-interventions"
        legend="Interventions"
        options={INTERVENTIONS}
        labels={interventionLabels as Record<(typeof INTERVENTIONS)[number], string>}
        value={interventions}
        onToggle={(v) => setInterventions((l) => (l.includes(v) ? l.filter((x) => x !== v) : [...l, v]))}
        error={form.errors.interventions?.message}
      />
      <CheckboxesField
        id="treatment-substances"
        legend="Substances treated"
        options={referralSubstanceValues}
        labels={Object.fromEntries(referralSubstanceValues.map((v) => [v, substanceLabel(v)]))}
        value={substances}
        onToggle={(v) => setSubstances((l) => (l.includes(v) ? l.filter((x) => x !== v) : [...l, v]))}
        error={form.errors.substances?.message}
      />
      <p className="nhsuk-body-s">Starting treatment schedules the first review; each review completed schedules the next.</p>
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button">
          Start treatment
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function EndForm({ personId, treatmentId, onDone, onCancel }: { personId: string; treatmentId: string; onDone: Done; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [endedOn, setEndedOn] = useState(() => ({ ...draftFromLocalDate(new Date()), time: '' }));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const form = useFormErrors(['endedOn', 'reason', 'note'] as const);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const day = checkDate(endedOn, 'Date treatment ended');
    if (!day.ok) return form.show({ endedOn: { message: day.message, target: `treatment-end-${day.parts[0] ?? 'day'}`, parts: day.parts } });
    if (!reason) return form.show({ reason: { message: 'Choose why treatment ended', target: 'treatment-end-reason' } });
    const result = await call('sms.endTreatment', { personId, treatmentId, endedOn: day.iso, reason: reason as 'completed', note: note.trim() });
    if (result.ok) onDone(`Treatment ended. ${result.value.tasksClosed} due review${result.value.tasksClosed === 1 ? '' : 's'} closed.`);
    else form.showServer(result.error, { endedOn: 'treatment-end-day', reason: 'treatment-end-reason', note: 'treatment-end-note' });
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="end-treatment-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="treatment-end-" />
      <DateTimeField id="treatment-end" legend="Date treatment ended" value={endedOn} onChange={setEndedOn} error={form.errors.endedOn} dateOnly />
      <SelectField id="treatment-end-reason" label="Why treatment ended" value={reason} options={[{ value: '', label: 'Choose' }, ...['completed', 'declined', 'other'].map((v) => ({ value: v, label: endReasonLabels[v] ?? v }))]} onValueChange={setReason} error={form.errors.reason?.message} />
      <TextAreaField id="treatment-end-note" label="Note (optional)" value={note} onValueChange={setNote} maxLength={2000} rows={2} />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button">
          End treatment
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function TreatmentPanel({ personId, record, onDone }: { personId: string; record: SmsRecordView; onDone: Done }) {
  const canRecord = useApp((s) => s.session?.user.permissions.includes('sms.record') ?? false);
  const navigate = useApp((s) => s.navigate);
  const [open, setOpen] = useState<'start' | 'end' | null>(null);
  const t = record.treatment;
  const finish = (m: string) => {
    setOpen(null);
    onDone(m);
  };
  const accepted = record.referrals.find((r) => r.status === 'accepted')?.id ?? null;
  return (
    <div className="sonar-subsection" data-testid="sms-treatment">
      <h3 className="nhsuk-heading-s">Treatment and reviews</h3>
      {t ? (
        <>
          <p>
            In treatment since <strong>{formatClinicalDate(t.startedOn)}</strong>: {t.interventions.map((i) => interventionLabels[i]).join(' and ')}.{' '}
            {t.substances ? `Substances: ${t.substances.map(substanceLabel).join('; ')}.` : WITHHELD}
          </p>
          {t.nextReview ? (
            <div className="sonar-next-review" data-testid="next-review">
              <p className="nhsuk-u-margin-bottom-1">
                <strong>Next: {t.nextReview.label}</strong>{' '}
                <TaskDue task={{ dueAt: t.nextReview.dueAt, dueOn: t.nextReview.dueOn, urgency: t.nextReview.urgency, overdueDays: 0 }} now={new Date()} />
              </p>
              {canRecord ? (
                <button type="button" className="nhsuk-button nhsuk-button--small" onClick={() => navigate({ name: 'smsReview', personId, taskId: t.nextReview!.taskId })}>
                  Complete the {t.nextReview.label}
                </button>
              ) : null}
            </div>
          ) : null}
          <table className="nhsuk-table" data-testid="review-plan">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Reviews as planned from the start</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">Review</th>
                <th className="nhsuk-table__header" scope="col">Due</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {t.plan.map((p) => (
                <tr className="nhsuk-table__row" key={p.step}>
                  <td className="nhsuk-table__cell">{p.label}</td>
                  <td className="nhsuk-table__cell">{formatClinicalDate(p.dueOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canRecord ? (
            open === 'end' ? (
              <EndForm personId={personId} treatmentId={t.id} onDone={finish} onCancel={() => setOpen(null)} />
            ) : (
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen('end')}>
                End treatment
              </button>
            )
          ) : null}
        </>
      ) : (
        <>
          <p>Not in treatment at this site.</p>
          {canRecord ? (
            open === 'start' ? (
              <StartForm personId={personId} referralId={accepted} onDone={finish} onCancel={() => setOpen(null)} />
            ) : (
              <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => setOpen('start')}>
                Start treatment
              </button>
            )
          ) : null}
        </>
      )}
      {record.reviews.length > 0 ? (
        <>
          <h4 className="nhsuk-heading-xs">Reviews done</h4>
          <ul className="nhsuk-list" data-testid="reviews-done">
            {record.reviews.map((r) => (
              <li key={r.id}>
                <strong>{r.label}</strong> (due {formatClinicalDate(r.dueOn)}) done {formatClinicalDate(r.reviewedOn)} by {r.recordedByName}
                {r.decision ? `: ${decisionLabels[r.decision] ?? r.decision}` : ''}. Care plan {r.carePlan === 'updated' ? `updated (version ${r.carePlanVersion ?? ''})` : r.carePlan === 'unchanged' ? 'confirmed unchanged' : 'not yet made'}.
                {r.summary ? <span className="sonar-block nhsuk-body-s">{r.summary}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {record.pastTreatments.length > 0 ? (
        <p className="nhsuk-body-s">
          Earlier treatment:{' '}
          {record.pastTreatments.map((p) => `${formatClinicalDate(p.startedOn)} to ${p.endedOn ? formatClinicalDate(p.endedOn) : 'Not known'} (${p.endReason ? endReasonLabels[p.endReason] : 'ended'})`).join('; ')}
        </p>
      ) : null}
    </div>
  );
}
