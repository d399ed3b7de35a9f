// The release plan: date, destination, OST dose and the time of the last dose, naloxone, and the
// community treatment referral. Saving creates (or moves) the follow-up to confirm engagement with
// community treatment within 3 weeks of release.
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import type { PersonRecord } from '../../../contract/channels/patients';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { keyServiceSchema } from '../../../domain/sms/referral-services';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { RadioField } from '../../components/RadioField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { checkDateTime, draftFromDate, emptyDateTime } from '../../format/date-time-input';
import { checkDate } from '../consent/date-only';
import { LoadFailed } from '../forms/LoadFailed';
import { PersonFrame } from '../person/PersonFrame';
import { keyServiceOptions, naloxoneLabels } from './sms-labels';
import { useChannel } from './use-channel';

type Plan = ChannelOutput<'sms.record'>['releasePlan'];
const fields = ['releaseOn', 'destination', 'ost', 'ostDose', 'lastDoseAt', 'naloxone', 'naloxoneNote', 'service', 'provider', 'referredOn'] as const;

function dateDraft(iso: string | null | undefined) {
  if (!iso) return emptyDateTime;
  const [y, m, d] = iso.split('-');
  return { day: String(Number(d)), month: String(Number(m)), year: y ?? '', time: '' };
}

function Body({ person, plan }: { person: PersonRecord; plan: Plan }) {
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const [releaseOn, setReleaseOn] = useState(() => dateDraft(plan?.releaseOn));
  const [destination, setDestination] = useState(plan?.destination ?? '');
  const [onOst, setOnOst] = useState(plan ? (plan.ost ? 'yes' : 'no') : '');
  const [medicine, setMedicine] = useState(plan?.ost?.medicine ?? '');
  const [dose, setDose] = useState(plan?.ost ? String(plan.ost.doseMg) : '');
  const [lastDose, setLastDose] = useState(() => (plan?.ost ? draftFromDate(new Date(plan.ost.lastDoseAt)) : emptyDateTime));
  const [naloxone, setNaloxone] = useState<string>(plan?.naloxone ?? '');
  const [naloxoneNote, setNaloxoneNote] = useState(plan?.naloxoneNote ?? '');
  const [referred, setReferred] = useState(plan ? (plan.communityReferral ? 'yes' : 'no') : '');
  const [service, setService] = useState(plan?.communityReferral?.service ?? 'community-drug-alcohol-team');
  const [provider, setProvider] = useState(plan?.communityReferral?.provider ?? '');
  const [referredOn, setReferredOn] = useState(() => dateDraft(plan?.communityReferral?.referredOn));
  const [firstAppointment, setFirstAppointment] = useState(() => (plan?.communityReferral?.firstAppointmentAt ? draftFromDate(new Date(plan.communityReferral.firstAppointmentAt)) : emptyDateTime));
  const [notes, setNotes] = useState(plan?.notes ?? '');
  const form = useFormErrors(fields);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const day = checkDate(releaseOn, 'Release date');
    if (!day.ok) return form.show({ releaseOn: { message: day.message, target: `release-on-${day.parts[0] ?? 'day'}`, parts: day.parts } });
    if (destination.trim() === '') return form.show({ destination: { message: 'Enter where the person is going', target: 'release-destination' } });
    if (onOst === '') return form.show({ ost: { message: 'Say whether the person is on OST', target: 'release-ost-yes' } });
    let ost = null;
    if (onOst === 'yes') {
      const mg = Number(dose.trim());
      if (medicine.trim() === '') return form.show({ ost: { message: 'Enter the OST medicine', target: 'release-medicine' } });
      if (!/^\d+(\.\d+)?$/.test(dose.trim()) || mg <= 0) return form.show({ ostDose: { message: 'Enter the dose in mg, for example 60', target: 'release-dose' } });
      const at = checkDateTime(lastDose, { label: 'Time of the last dose', now: new Date(), notFuture: false });
      if (!at.ok) return form.show({ lastDoseAt: { message: at.message, target: `release-last-dose-${at.parts[0] ?? 'day'}`, parts: at.parts } });
      ost = { medicine: medicine.trim(), doseMg: mg, lastDoseAt: at.iso };
    }
    if (naloxone !== 'issued' && naloxone !== 'offered-declined' && naloxone !== 'not-offered') return form.show({ naloxone: { message: 'Say whether naloxone was issued or offered', target: 'release-naloxone-issued' } });
    if (referred === '') return form.show({ service: { message: 'Say whether the person is referred to community treatment', target: 'release-referred-yes' } });
    let communityReferral = null;
    if (referred === 'yes') {
      if (provider.trim() === '') return form.show({ provider: { message: 'Enter the community service name', target: 'release-provider' } });
      const on = checkDate(referredOn, 'Date referred');
      if (!on.ok) return form.show({ referredOn: { message: on.message, target: `release-referred-on-${on.parts[0] ?? 'day'}`, parts: on.parts } });
      const blank = !firstAppointment.day && !firstAppointment.month && !firstAppointment.year && !firstAppointment.time;
      const first = blank ? null : checkDateTime(firstAppointment, { label: 'First appointment', now: new Date(), notFuture: false });
      if (first && !first.ok) return form.show({ referredOn: { message: first.message, target: `release-first-${first.parts[0] ?? 'day'}` } });
      communityReferral = { service: keyServiceSchema.parse(service), provider: provider.trim(), referredOn: on.iso, firstAppointmentAt: first && first.ok ? first.iso : null };
    }
    const result = await call('sms.recordReleasePlan', {
      personId: person.id,
      baseVersion: plan?.version ?? null,
      releaseOn: day.iso,
      destination: destination.trim(),
      ost,
      naloxone,
      naloxoneNote: naloxoneNote.trim(),
      communityReferral,
      notes: notes.trim(),
    });
    if (!result.ok) {
      return form.showServer(result.error, { releaseOn: 'release-on-day', destination: 'release-destination', naloxoneNote: 'release-naloxone-note', lastDoseAt: 'release-last-dose-day' });
    }
    navigate(
      { name: 'releasePack', personId: person.id },
      { kind: 'success', text: `Release plan saved. Follow-up to confirm community treatment by ${formatClinicalDate(result.value.followUp.dueOn)}. Print the release pack below.` },
    );
  }

  return (
    <>
      <PageHeading>{plan ? 'Update the release plan' : 'Release plan'}</PageHeading>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="release-plan-form">
        <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="release-" />
        <DateTimeField id="release-on" legend="Release date" value={releaseOn} onChange={setReleaseOn} error={form.errors.releaseOn} dateOnly />
        <TextField id="release-destination" label="Where the person is going" hint="Address or area, approved premises, hospital" value={destination} onValueChange={setDestination} error={form.errors.destination?.message} width="30" autoComplete="off" />
        <RadioField id="release-ost" legend="On opioid substitution treatment (OST)?" inline value={onOst} options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} onValueChange={setOnOst} error={form.errors.ost?.message} />
        {onOst === 'yes' ? (
          <>
            <TextField id="release-medicine" label="OST medicine" hint="For example: methadone oral solution 1 mg/ml" value={medicine} onValueChange={setMedicine} width="30" autoComplete="off" />
            <TextField id="release-dose" label="Daily dose (mg)" value={dose} onValueChange={setDose} error={form.errors.ostDose?.message} width="5" inputMode="decimal" autoComplete="off" />
            <DateTimeField id="release-last-dose" legend="Date and time of the last dose (given or planned on the day of release)" value={lastDose} onChange={setLastDose} error={form.errors.lastDoseAt} />
          </>
        ) : null}
        <RadioField id="release-naloxone" legend="Naloxone" value={naloxone} options={Object.entries(naloxoneLabels).map(([value, label]) => ({ value, label }))} onValueChange={setNaloxone} error={form.errors.naloxone?.message} />
        <TextField id="release-naloxone-note" label={naloxone === 'not-offered' ? 'Why naloxone was not offered' : 'Naloxone note (optional)'} value={naloxoneNote} onValueChange={setNaloxoneNote} error={form.errors.naloxoneNote?.message} width="30" autoComplete="off" />
        <RadioField id="release-referred" legend="Referred to community treatment?" inline value={referred} options={[{ value: 'yes', label: 'Yes' }, { value: 'no', label: 'No' }]} onValueChange={setReferred} error={form.errors.service?.message} />
        {referred === 'yes' ? (
          <>
            <SelectField id="release-service" label="Service" value={service} options={keyServiceOptions} onValueChange={setService} />
            <TextField id="release-provider" label="Community service name" hint="For example: Forward Leeds" value={provider} onValueChange={setProvider} error={form.errors.provider?.message} width="30" autoComplete="off" />
            <DateTimeField id="release-referred-on" legend="Date referred" value={referredOn} onChange={setReferredOn} error={form.errors.referredOn} dateOnly />
            <DateTimeField id="release-first" legend="First community appointment (if booked)" value={firstAppointment} onChange={setFirstAppointment} />
          </>
        ) : null}
        <TextAreaField id="release-notes" label="Notes (optional)" value={notes} onValueChange={setNotes} maxLength={2000} rows={2} />
        <button type="submit" className="nhsuk-button">
          Save the release plan
        </button>
      </form>
    </>
  );
}

export function ReleasePlanScreen({ personId }: { personId: string }) {
  const { load } = useChannel('sms.record', { personId });
  return (
    <PersonFrame personId={personId} title="Release plan" back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {(person) =>
        load.state === 'loading' ? <p role="status">Loading…</p> : load.state === 'failed' ? <LoadFailed title="The release plan could not be opened" message={load.error.message} /> : <Body person={person} plan={load.value.releasePlan} />
      }
    </PersonFrame>
  );
}
