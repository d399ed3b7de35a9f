// Referrals to the substance misuse team on the record: where each came from, how urgent, its
// outcome with the date and who decided. Any clinician refers; the team decides (accept, decline,
// or refer on to a key service).
import { useState, type FormEvent } from 'react';
import type { SmsReferral } from '../../../contract/channels/sms';
import { referralSourceSchema, referralSubstanceValues } from '../../../domain/sms/referral-services';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField } from '../../components/RadioField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { formatClinicalDateTime } from '../../format/person-format';
import { CheckboxesField } from '../consent/CheckboxesField';
import { checkDate, draftFromLocalDate } from '../consent/date-only';
import { keyServiceLabel, keyServiceOptions, referralSourceLabels, referralStatusLabels, substanceLabel, WITHHELD } from './sms-labels';

type Done = (message: string) => void;

export function ReferralForm({ personId, onDone, onCancel }: { personId: string; onDone: Done; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [source, setSource] = useState('');
  const [urgency, setUrgency] = useState('routine');
  const [reason, setReason] = useState('');
  const [substances, setSubstances] = useState<string[]>([]);
  const form = useFormErrors(['source', 'reason'] as const);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const src = referralSourceSchema.safeParse(source);
    if (!src.success) return form.show({ source: { message: 'Choose where the referral comes from', target: 'referral-source' } });
    if (reason.trim() === '') return form.show({ reason: { message: 'Enter the reason for the referral', target: 'referral-reason' } });
    const result = await call('referrals.make', { personId, toService: 'substance_misuse', source: src.data, urgency: urgency === 'urgent' ? 'urgent' : 'routine', reason: reason.trim(), substances });
    if (result.ok) onDone('Referral sent to the substance misuse team.');
    else form.showServer(result.error, { source: 'referral-source', reason: 'referral-reason' });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="referral-form">
      <h3>Refer to the substance misuse team</h3>
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="referral-" />
      <SelectField
        id="referral-source"
        label="Where the referral comes from"
        value={source}
        options={[{ value: '', label: 'Choose' }, ...referralSourceSchema.options.map((s) => ({ value: s, label: referralSourceLabels[s] }))]}
        onValueChange={setSource}
        error={form.errors.source?.message}
      />
      <RadioField id="referral-urgency" legend="Urgency" inline value={urgency} options={[{ value: 'routine', label: 'Routine' }, { value: 'urgent', label: 'Urgent (today)' }]} onValueChange={setUrgency} />
      <TextAreaField id="referral-reason" label="Reason for the referral" value={reason} onValueChange={setReason} error={form.errors.reason?.message} maxLength={2000} />
      <CheckboxesField
        id="referral-substances"
        legend="Substances (optional)"
        options={referralSubstanceValues}
        labels={Object.fromEntries(referralSubstanceValues.map((v) => [v, substanceLabel(v)]))}
        value={substances}
        onToggle={(v) => setSubstances((list) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]))}
      />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button">
          Send referral
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function DecideReferralForm({ referral, defaultDecider, onDone, onCancel }: { referral: SmsReferral; defaultDecider: string; onDone: Done; onCancel(): void }) {
  const call = useApp((s) => s.call);
  const [outcome, setOutcome] = useState('');
  const [decidedOn, setDecidedOn] = useState(() => ({ ...draftFromLocalDate(new Date()), time: '' }));
  const [decidedBy, setDecidedBy] = useState(defaultDecider);
  const [note, setNote] = useState('');
  const [service, setService] = useState('');
  const form = useFormErrors(['outcome', 'decidedOn', 'decidedBy', 'referredOnTo', 'note'] as const);
  const id = `decide-${referral.id}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (outcome !== 'accepted' && outcome !== 'declined' && outcome !== 'referred_on') return form.show({ outcome: { message: 'Choose the outcome', target: `${id}-outcome-accepted` } });
    const day = checkDate(decidedOn, 'Date decided');
    if (!day.ok) return form.show({ decidedOn: { message: day.message, target: `${id}-on-${day.parts[0] ?? 'day'}`, parts: day.parts } });
    const result = await call('referrals.decide', { referralId: referral.id, outcome, decidedOn: day.iso, decidedBy: decidedBy.trim(), note: note.trim(), referredOnTo: outcome === 'referred_on' ? service || null : null });
    if (result.ok) onDone(`Referral ${outcome === 'referred_on' ? 'referred on' : outcome}.`);
    else form.showServer(result.error, { outcome: `${id}-outcome-accepted`, decidedOn: `${id}-on-day`, decidedBy: `${id}-by`, referredOnTo: `${id}-service`, note: `${id}-note` });
  }

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="decide-referral-form">
      <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix={`${id}-`} />
      <RadioField
        id={`${id}-outcome`}
        legend="Outcome of the referral"
        value={outcome}
        options={[
          { value: 'accepted', label: 'Accepted' },
          { value: 'declined', label: 'Declined' },
          { value: 'referred_on', label: 'Referred on to another service' },
        ]}
        onValueChange={setOutcome}
        error={form.errors.outcome?.message}
      />
      {outcome === 'referred_on' ? (
        <SelectField id={`${id}-service`} label="Service referred on to" value={service} options={[{ value: '', label: 'Choose' }, ...keyServiceOptions]} onValueChange={setService} error={form.errors.referredOnTo?.message} />
      ) : null}
      <DateTimeField id={`${id}-on`} legend="Date decided" value={decidedOn} onChange={setDecidedOn} error={form.errors.decidedOn} dateOnly />
      <TextField id={`${id}-by`} label="Who decided" value={decidedBy} onValueChange={setDecidedBy} error={form.errors.decidedBy?.message} width="30" autoComplete="off" />
      <TextAreaField id={`${id}-note`} label={outcome === 'declined' ? 'Why it is declined' : 'Note (optional)'} value={note} onValueChange={setNote} error={form.errors.note?.message} maxLength={2000} rows={2} />
      <div className="sonar-button-row">
        <button type="submit" className="nhsuk-button">
          Record the outcome
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ReferralLine({ referral }: { referral: SmsReferral }) {
  return (
    <>
      <p className="nhsuk-u-margin-bottom-1">
        <strong className={`nhsuk-tag ${referral.status === 'open' ? 'nhsuk-tag--blue' : referral.status === 'accepted' ? 'nhsuk-tag--green' : 'nhsuk-tag--grey'}`}>{referralStatusLabels[referral.status]}</strong>{' '}
        {referral.urgency === 'urgent' ? <strong className="nhsuk-tag nhsuk-tag--red">Urgent</strong> : null} {referral.source ? (referralSourceLabels as Record<string, string>)[referral.source] ?? referral.source : 'Referral'},{' '}
        {formatClinicalDateTime(referral.createdAt)}
        {referral.createdByName ? ` by ${referral.createdByName}` : ''}
      </p>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{referral.reason ?? WITHHELD}</p>
      {referral.substances && referral.substances.length > 0 ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Substances: {referral.substances.map(substanceLabel).join('; ')}</p> : null}
      {referral.decidedOn ? (
        <p className="nhsuk-body-s nhsuk-u-margin-bottom-1" data-testid="referral-decision">
          {referralStatusLabels[referral.status]} {formatClinicalDate(referral.decidedOn)} by {referral.decidedBy}
          {referral.referredOnTo ? ` to ${keyServiceLabel(referral.referredOnTo)}${referral.referredOnCode ? ` (SNOMED CT ${referral.referredOnCode})` : ''}` : ''}
          {referral.outcomeNote ? `. ${referral.outcomeNote}` : ''}
        </p>
      ) : null}
    </>
  );
}
