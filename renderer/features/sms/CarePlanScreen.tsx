// Recording or updating a person's care plan: the current version's goals to start from, and every
// earlier version below. Saving closes the open care plan review and schedules one for the new date.
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import type { PersonRecord } from '../../../contract/channels/patients';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { useApp } from '../../app/store-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { formatClinicalDateTime } from '../../format/person-format';
import { emptyDateTime } from '../../format/date-time-input';
import { LoadFailed } from '../forms/LoadFailed';
import { PersonFrame } from '../person/PersonFrame';
import { CarePlanEditor, checkCarePlan, emptyGoal, type CarePlanDraft } from './CarePlanEditor';
import { useChannel } from './use-channel';

type Plan = NonNullable<ChannelOutput<'sms.record'>['carePlan']>;

function Body({ person, plan }: { person: PersonRecord; plan: Plan | null }) {
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const [draft, setDraft] = useState<CarePlanDraft>(() => ({
    goals: plan?.goals?.map((g) => ({ goal: g.goal, actions: g.actions.map((a) => ({ action: a.action, owner: a.owner })) })) ?? [emptyGoal()],
    reviewOn: emptyDateTime,
  }));
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field: string; message: string; target: string | null } | null>(null);
  const [focusKey, setFocusKey] = useState(0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFocusKey((k) => k + 1);
    const check = checkCarePlan(draft, 'plan');
    if (!check.ok) return setError({ field: check.field, message: check.message, target: check.target });
    const result = await call('sms.recordCarePlan', { personId: person.id, baseVersion: plan?.version ?? null, goals: check.goals, reviewOn: check.reviewOn, note: note.trim() });
    if (!result.ok) return setError({ field: result.error.path?.split('.')[0] ?? '', message: result.error.message, target: null });
    navigate({ name: 'record', personId: person.id }, { kind: 'success', text: `Care plan version ${result.value.version} saved. Review by ${formatClinicalDate(result.value.reviewOn)}.` });
  }

  return (
    <>
      <PageHeading>{plan ? 'Update the care plan' : 'Record a care plan'}</PageHeading>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="care-plan-form">
        <ErrorSummary items={error ? [{ message: error.message, target: error.target }] : []} focusKey={focusKey} idPrefix="plan-" />
        <CarePlanEditor draft={draft} onChange={setDraft} idPrefix="plan" error={error} />
        <TextAreaField id="plan-note" label="What changed (optional)" value={note} onValueChange={setNote} maxLength={2000} rows={2} />
        <button type="submit" className="nhsuk-button">
          Save the care plan
        </button>
      </form>
      {plan && plan.versions.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-m">Versions</h2>
          <ul className="nhsuk-list" data-testid="care-plan-versions">
            {plan.versions.map((v) => (
              <li key={v.version}>
                Version {v.version}, {formatClinicalDateTime(v.recordedAt)} by {v.recordedByName}; review by {formatClinicalDate(v.reviewOn)}
                {v.note ? `. ${v.note}` : ''}
                {v.goals ? <span className="sonar-block nhsuk-body-s">{v.goals.map((g) => g.goal).join('; ')}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function CarePlanScreen({ personId }: { personId: string }) {
  const { load } = useChannel('sms.record', { personId });
  return (
    <PersonFrame personId={personId} title="Care plan" back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {(person) =>
        load.state === 'loading' ? <p role="status">Loading…</p> : load.state === 'failed' ? <LoadFailed title="The care plan could not be opened" message={load.error.message} /> : <Body person={person} plan={load.value.carePlan} />
      }
    </PersonFrame>
  );
}
