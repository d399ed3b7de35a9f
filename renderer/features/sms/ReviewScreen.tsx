// Completing a scheduled review: what was found and decided, and the care plan confirmed unchanged
// or updated (it is reviewed at each review). Saving records the review and schedules the next one
// in the same step, or ends treatment when that is the decision.
import { useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import type { PersonRecord } from '../../../contract/channels/patients';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { reviewDecisionSchema } from '../../../contract/sync/events-sms';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { DateTimeField } from '../../components/DateTimeField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { RadioField } from '../../components/RadioField';
import { TextAreaField } from '../../components/TextAreaField';
import { emptyDateTime } from '../../format/date-time-input';
import { checkDate, draftFromLocalDate } from '../consent/date-only';
import { LoadFailed } from '../forms/LoadFailed';
import { PersonFrame } from '../person/PersonFrame';
import { CarePlanEditor, checkCarePlan, emptyGoal, type CarePlanDraft } from './CarePlanEditor';
import { decisionLabels } from './sms-labels';
import { useChannel } from './use-channel';

type SmsRecordView = ChannelOutput<'sms.record'>;

function Body({ person, record, taskId }: { person: PersonRecord; record: SmsRecordView; taskId: string }) {
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const review = record.treatment?.nextReview?.taskId === taskId ? record.treatment.nextReview : null;
  const plan = record.carePlan;
  const [reviewedOn, setReviewedOn] = useState(() => ({ ...draftFromLocalDate(new Date()), time: '' }));
  const [summary, setSummary] = useState('');
  const [decision, setDecision] = useState('');
  const [planChoice, setPlanChoice] = useState('');
  const [draft, setDraft] = useState<CarePlanDraft>(() => ({
    goals: plan?.goals?.map((g) => ({ goal: g.goal, actions: g.actions.map((a) => ({ action: a.action, owner: a.owner })) })) ?? [emptyGoal()],
    reviewOn: emptyDateTime,
  }));
  const form = useFormErrors(['reviewedOn', 'summary', 'decision', 'carePlan'] as const);
  if (!review) return <LoadFailed title="This review is not due" message="It has been completed or closed already. Go back to the record to see the next review." />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const day = checkDate(reviewedOn, 'Date of the review');
    if (!day.ok) return form.show({ reviewedOn: { message: day.message, target: `review-on-${day.parts[0] ?? 'day'}`, parts: day.parts } });
    if (summary.trim() === '') return form.show({ summary: { message: 'Enter the review summary', target: 'review-summary' } });
    const chosen = reviewDecisionSchema.safeParse(decision);
    if (!chosen.success) return form.show({ decision: { message: 'Choose the decision', target: 'review-decision-continue' } });
    let carePlan: { kind: 'unchanged' } | { kind: 'none-yet' } | { kind: 'updated'; goals: { goal: string; actions: { action: string; owner: string; by: null }[] }[]; reviewOn: string };
    if (planChoice === 'updated') {
      const check = checkCarePlan(draft, 'review-plan');
      if (!check.ok) return form.show({ carePlan: { message: check.message, target: check.target } });
      carePlan = { kind: 'updated', goals: check.goals, reviewOn: check.reviewOn };
    } else if (planChoice === 'unchanged' || planChoice === 'none-yet') carePlan = { kind: planChoice };
    else return form.show({ carePlan: { message: 'Say what happened to the care plan at this review', target: `review-plan-choice-${plan ? 'unchanged' : 'none-yet'}` } });
    const result = await call('sms.completeReview', { personId: person.id, taskId, reviewedOn: day.iso, summary: summary.trim(), decision: chosen.data, carePlan });
    if (!result.ok) return form.showServer(result.error, { reviewedOn: 'review-on-day', summary: 'review-summary', decision: 'review-decision-continue', carePlan: 'review-plan-choice-unchanged' });
    const next = result.value.next ? ` ${result.value.next.label} due ${formatClinicalDate(result.value.next.dueOn)}.` : ' Treatment ended.';
    navigate({ name: 'record', personId: person.id }, { kind: 'success', text: `${review?.label ?? 'Review'} completed.${next}` });
  }

  return (
    <>
      <PageHeading>Complete the {review.label}</PageHeading>
      <p>Due {review.dueOn ? formatClinicalDate(review.dueOn) : ''}. Saving records the review and schedules the next one.</p>
      <form noValidate onSubmit={(e) => void submit(e)} data-testid="review-form">
        <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="review-" />
        <DateTimeField id="review-on" legend="Date of the review" value={reviewedOn} onChange={setReviewedOn} error={form.errors.reviewedOn} dateOnly />
        <TextAreaField id="review-summary" label="Review summary" hint="How the person is, what was discussed, any risks" value={summary} onValueChange={setSummary} error={form.errors.summary?.message} maxLength={4000} rows={4} />
        <RadioField id="review-decision" legend="Decision" value={decision} options={reviewDecisionSchema.options.map((d) => ({ value: d, label: decisionLabels[d] ?? d }))} onValueChange={setDecision} error={form.errors.decision?.message} />
        <RadioField
          id="review-plan-choice"
          legend="Care plan at this review"
          value={planChoice}
          options={[...(plan ? [{ value: 'unchanged', label: `Reviewed: no change (version ${plan.version})` }] : [{ value: 'none-yet', label: 'There is no care plan yet' }]), { value: 'updated', label: plan ? 'Updated' : 'Record the care plan now' }]}
          onValueChange={setPlanChoice}
          error={form.errors.carePlan?.message}
        />
        {planChoice === 'updated' ? <CarePlanEditor draft={draft} onChange={setDraft} idPrefix="review-plan" /> : null}
        <button type="submit" className="nhsuk-button">
          Complete the review
        </button>
      </form>
    </>
  );
}

export function ReviewScreen({ personId, taskId }: { personId: string; taskId: string }) {
  const { load } = useChannel('sms.record', { personId });
  return (
    <PersonFrame personId={personId} title="Review" back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {(person) =>
        load.state === 'loading' ? <p role="status">Loading…</p> : load.state === 'failed' ? <LoadFailed title="The review could not be opened" message={load.error.message} /> : <Body person={person} record={load.value} taskId={taskId} />
      }
    </PersonFrame>
  );
}
