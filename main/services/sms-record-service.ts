// A person's substance misuse record at this site, as the caller's scope allows: referrals,
// keyworkers with their history, treatment with its review plan and next review, completed
// reviews, the care plan with every version, and the release plan with its follow-up. Detail
// (TOP, care plan content, review notes, referral substances) only for roles with `sms.view`.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { TreatmentRow } from '../../db/sms-repo';
import { keyService } from '../../domain/sms/referral-services';
import { reviewPlan } from '../../domain/sms/review-schedule';
import { summariseTop, TOP_TEMPLATE_IDS } from '../../domain/sms/top-summary';
import { formResponseSchema } from '../../domain/templates/response';
import { taskUrgency } from '../../domain/tasks/task-urgency';
import { treatmentEndReasonSchema, reviewDecisionSchema, interventionSchema } from '../../contract/sync/events-sms';
import type { Call } from './call';
import { referralView, scopeOf } from './referrals-service';
import { timersOf } from './treatment-service';

function treatmentView(call: Call, row: TreatmentRow, detail: boolean) {
  const now = call.env.now();
  const next = call.reads.tasks.openAbout('treatment', row.id).find((t) => t.aboutStep !== null);
  const reason = treatmentEndReasonSchema.safeParse(row.endReason);
  return {
    id: row.id,
    startedOn: row.startedOn,
    interventions: row.interventions.flatMap((i) => (interventionSchema.safeParse(i).success ? [i as 'pharmacological' | 'psychosocial'] : [])),
    substances: detail ? row.substances : null,
    referralId: row.referralId,
    plan: reviewPlan(row.startedOn, timersOf(row)).map(({ step, label, dueOn }) => ({ step, label, dueOn })),
    nextReview: next
      ? { taskId: next.id, step: next.aboutStep ?? 0, label: next.title.replace(/ \(substance misuse\)$/, ''), dueOn: next.dueOn, dueAt: next.dueAt, urgency: taskUrgency(next, now).urgency }
      : null,
    startedByName: row.startedByName,
    endedOn: row.endedOn,
    endReason: reason.success ? reason.data : null,
    endNote: detail ? row.endNote : null,
    version: row.version,
  };
}

type SmsRecordOutput = ChannelOutput<'sms.record'>;
type Scope = SmsRecordOutput['scope'];

/** One site's part of a person's substance misuse record, as the caller's scope allows. */
function sitePart(call: Call, personId: string, site: string, scope: Scope): Omit<SmsRecordOutput['elsewhere'][number], 'siteCode'> {
  const detail = scope === 'detail';
  const plan = call.reads.sms.carePlanFor(personId, site);
  const release = call.reads.sms.releasePlanFor(personId, site);
  const followUp = release ? (call.reads.tasks.list({ siteCode: site, personId, status: 'all', kinds: ['release-follow-up'] }).find((t) => t.aboutType === 'release_plan' && t.aboutId === release.id) ?? null) : null;
  const goals = (g: { goal: string; actions: { action: string; owner: string; by: string | null }[] }[]) => (detail ? g : null);
  const referral = release?.communityReferral ?? null;
  return {
    referrals: call.reads.forms
      .referralsFor(personId)
      .filter((r) => r.toService === 'substance_misuse' && r.siteCode === site)
      .reverse()
      .map((r) => referralView(r, scope)),
    keyworkers: call.reads.sms.currentKeyworkers(personId, site).map((a) => ({ kind: a.kind, workerId: a.workerId, workerName: a.workerName, since: a.assignedAt, reason: a.reason, version: 1 })),
    history: call.reads.sms.assignmentHistory(personId, site).map((a) => ({
      kind: a.kind,
      workerName: a.workerName,
      assignedAt: a.assignedAt,
      assignedByName: a.assignedByName,
      reason: a.reason,
      endedAt: a.endedAt,
      endReason: a.endReason,
    })),
    treatments: call.reads.sms
      .treatmentsFor(personId)
      .filter((t) => t.siteCode === site)
      .map((t) => treatmentView(call, t, detail)),
    reviews: call.reads.sms
      .reviewsFor(personId)
      .filter((r) => r.siteCode === site)
      .map((r) => {
        const decision = reviewDecisionSchema.safeParse(r.decision);
        return {
          id: r.id,
          treatmentId: r.treatmentId,
          step: r.step,
          label: r.label,
          dueOn: r.dueOn,
          reviewedOn: r.reviewedOn,
          summary: detail ? r.summary : null,
          decision: detail && decision.success ? decision.data : null,
          carePlan: r.carePlan as 'unchanged' | 'updated' | 'none-yet',
          carePlanVersion: r.carePlanVersion,
          recordedByName: r.recordedByName,
        };
      }),
    carePlan: plan
      ? (() => {
          const versions = call.reads.sms.carePlanVersions(plan.id);
          return {
            id: plan.id,
            version: plan.version,
            reviewOn: plan.reviewOn,
            updatedAt: plan.updatedAt,
            updatedByName: plan.updatedByName,
            goals: versions[0] ? goals(versions[0].goals) : null,
            versions: versions.map((v) => ({ version: v.version, recordedAt: v.recordedAt, recordedByName: v.recordedByName, reviewOn: v.reviewOn, goals: goals(v.goals), note: detail ? v.note : null })),
          };
        })()
      : null,
    releasePlan: release
      ? {
          id: release.id,
          version: release.version,
          releaseOn: release.releaseOn,
          destination: detail ? release.destination : null,
          // The medicines facts are every clinician's business: continuity and overdose prevention.
          ost: release.ost ?? null,
          naloxone: release.naloxone as 'issued' | 'offered-declined' | 'not-offered',
          naloxoneNote: release.naloxoneNote,
          communityReferral:
            referral && detail
              ? {
                  service: referral.service,
                  serviceLabel: keyService(referral.service)?.label ?? referral.service,
                  provider: referral.provider,
                  referredOn: referral.referredOn,
                  firstAppointmentAt: referral.firstAppointmentAt,
                  code: referral.code?.code ?? null,
                }
              : null,
          notes: detail ? release.notes : null,
          recordedAt: release.recordedAt,
          recordedByName: release.recordedByName,
          followUp: followUp ? { taskId: followUp.id, dueOn: followUp.dueOn, dueAt: followUp.dueAt, status: followUp.status, result: followUp.result } : null,
        }
      : null,
  };
}

/** The newest date a site's part carries (ISO dates and times compare as text). */
function lastActive(part: ReturnType<typeof sitePart>): string {
  const dates = [
    ...part.treatments.flatMap((t) => [t.startedOn, t.endedOn ?? '']),
    ...part.history.flatMap((h) => [h.assignedAt, h.endedAt ?? '']),
    ...part.referrals.map((r) => r.createdAt),
    part.carePlan?.updatedAt ?? '',
    part.releasePlan?.recordedAt ?? '',
  ];
  return dates.reduce((max, d) => (d > max ? d : max), '');
}

export function smsRecord(input: ParsedInput<'sms.record'>, call: Call): ChannelOutput<'sms.record'> {
  const scope = scopeOf(call);
  const site = call.site.siteCode;
  const personId = input.personId;
  call.note = { personId, detail: { scope } };
  const { treatments, ...here } = sitePart(call, personId, site, scope);
  const open = treatments.find((t) => t.endedOn === null) ?? null;
  // A person arriving from another prison brings that prison's treatment, plans and keyworkers
  // (received by sync where substance use may be shared): shown beside this site's, never mixed in.
  const elsewhere = call.reads.sms
    .sitesFor(personId)
    .filter((code) => code !== site)
    .map((siteCode) => ({ siteCode, ...sitePart(call, personId, siteCode, scope) }))
    .map((part) => ({ part, last: lastActive(part) }))
    .sort((a, b) => b.last.localeCompare(a.last) || a.part.siteCode.localeCompare(b.part.siteCode))
    .map(({ part }) => part);
  return { scope, ...here, treatment: open, pastTreatments: treatments.filter((t) => t !== open), elsewhere };
}

export function topHistory(input: ParsedInput<'sms.topHistory'>, call: Call): ChannelOutput<'sms.topHistory'> {
  call.note = { personId: input.personId };
  const rows = TOP_TEMPLATE_IDS.flatMap((id) => call.reads.forms.forPerson(input.personId, id, false)).filter((r) => r.status !== 'entered_in_error');
  const points = rows.map((row) => {
    const body = formResponseSchema.parse(row.body);
    return { responseId: row.id, templateId: row.templateId, recordedAt: row.recordedAt, ...summariseTop(body.answers) };
  });
  // Oldest first, by the interview date (then when recorded): the chart's time axis.
  points.sort((a, b) => (a.interviewDate ?? a.recordedAt).localeCompare(b.interviewDate ?? b.recordedAt) || a.recordedAt.localeCompare(b.recordedAt));
  return { points };
}
