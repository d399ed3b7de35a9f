// The custody HCP's findings reach the custody officer verbally and in writing: the app records
// who received them and when they acknowledged, against the assessment handed over.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Call } from './call';
import { ServiceError } from './service-error';
import { formatClinicalDateTime } from '../../domain/person/clinical-time';
import { HANDOVER_TASK_KIND } from './task-alerts';
import { taskSensitivity } from '../../domain/tasks/task-kinds';
import { scopeOf } from './referrals-service';

export function recordHandover(input: ParsedInput<'handover.record'>, call: Call): ChannelOutput<'handover.record'> {
  const response = call.reads.forms.get(input.responseId);
  if (!response || response.personId !== input.personId) throw new ServiceError('not_found', 'No such assessment for this person.', 'responseId');
  if (!response.current || response.status === 'entered_in_error') {
    throw new ServiceError('conflict', 'Hand over the latest version of the assessment, not a superseded or entered-in-error one.');
  }
  if (!call.env.templates.get(response.templateId, response.templateVersion)?.use?.handover) {
    throw new ServiceError('invalid_input', 'This form is not handed over to the custody officer.', 'responseId');
  }
  // Times are entered to the minute: an acknowledgement in the same minute as the save is fine.
  if (Date.parse(input.acknowledgedAt) < Date.parse(response.recordedAt) - 60_000) {
    throw new ServiceError('invalid_input', 'The acknowledgement cannot be before the assessment was recorded.', 'acknowledgedAt');
  }
  const now = call.env.now();
  if (new Date(input.acknowledgedAt).getTime() > now.getTime() + 5 * 60_000) {
    throw new ServiceError('invalid_input', 'The acknowledgement time is in the future.', 'acknowledgedAt');
  }
  const id = call.env.newId();
  call.write(
    (w) => {
      w.emit({
        type: 'handover.recorded',
        recordType: 'handover',
        recordId: id,
        personId: input.personId,
        baseVersion: null,
        sensitivity: 'physical_health',
        payload: {
          stayId: response.stayId,
          responseId: response.id,
          officerName: input.officerName,
          officerId: input.officerId && input.officerId.length > 0 ? input.officerId : null,
          acknowledgedAt: input.acknowledgedAt,
        },
      });
      // The findings have reached the officer: the handover task (and its banner tag) is done.
      for (const task of w.tasks.list({ siteCode: call.site.siteCode, personId: input.personId, status: 'open' }).filter((t) => t.kind === HANDOVER_TASK_KIND)) {
        w.emit({
          type: 'task.closed',
          recordType: 'task',
          recordId: task.id,
          personId: input.personId,
          baseVersion: task.version,
          sensitivity: taskSensitivity(task.kind),
          payload: { outcome: 'done', note: `Handed over to ${input.officerName}, acknowledged ${formatClinicalDateTime(input.acknowledgedAt)}` },
        });
      }
    },
    () => ({ personId: input.personId, detail: { officer: input.officerName } }),
  );
  return { handoverId: id };
}

export function listHandovers(input: ParsedInput<'handover.list'>, call: Call): ChannelOutput<'handover.list'> {
  call.note = { personId: input.personId };
  return {
    handovers: call.reads.forms.handoversFor(input.personId).map(({ id, personId, responseId, officerName, officerId, acknowledgedAt, recordedAt, recordedByName }) => ({
      id,
      personId,
      responseId,
      officerName,
      officerId,
      acknowledgedAt,
      recordedAt,
      recordedByName,
    })),
  };
}

export function listReferrals(input: ParsedInput<'referrals.list'>, call: Call): ChannelOutput<'referrals.list'> {
  call.note = { personId: input.personId };
  return {
    referrals: call.reads.forms.referralsFor(input.personId).map(({ id, personId, toService, reason, status, createdAt, sourceResponseId, urgency, decidedOn, decidedBy, siteCode }) => ({
      id,
      personId,
      toService,
      // A substance misuse referral's reason is substance-use detail (domain/access/substance-use-scope.ts).
      reason: toService === 'substance_misuse' && scopeOf(call) === 'summary' ? 'Withheld: substance misuse detail' : reason,
      status,
      createdAt,
      sourceResponseId,
      urgency,
      decidedOn,
      decidedBy,
      siteCode,
    })),
  };
}
