// The recall list: people due or overdue for a review or a recall at this site, filterable by team,
// worker, due window and type, escalated and overdue first. Printed with each person's identifiers
// on every row (and the list's heading repeated on every page).
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { RecallType } from '../../contract/channels/sms-plans';
import type { TaskRow } from '../../db/tasks-repo';
import { TASK_LIST_LIMIT } from '../../db/tasks-repo';
import { teamSchema } from '../../domain/access/teams';
import { endOfSiteDay, reviewLabel, addCalendarDays, siteDateOf } from '../../domain/sms/review-schedule';
import { CARE_PLAN_REVIEW_KIND, RELEASE_FOLLOW_UP_KIND, SMS_REVIEW_KIND } from '../../domain/tasks/task-kinds';
import { byUrgency, taskUrgency } from '../../domain/tasks/task-urgency';
import type { Call } from './call';
import { siteTimers } from './treatment-service';

const RECALL_KINDS = [SMS_REVIEW_KIND, CARE_PLAN_REVIEW_KIND, 'recall', RELEASE_FOLLOW_UP_KIND];

function typeOf(row: TaskRow): RecallType {
  if (row.kind === SMS_REVIEW_KIND) return row.aboutStep === 0 ? 'first-review' : row.aboutStep === 1 ? 'second-review' : 'interval-review';
  if (row.kind === CARE_PLAN_REVIEW_KIND) return 'care-plan-review';
  if (row.kind === RELEASE_FOLLOW_UP_KIND) return 'release-follow-up';
  return 'recall';
}

function typeLabels(call: Call): Record<RecallType, string> {
  const timers = siteTimers(call);
  return {
    'first-review': reviewLabel(0, timers),
    'second-review': reviewLabel(1, timers),
    'interval-review': `${timers.intervalWeeks}-weekly review`,
    'care-plan-review': 'Care plan review',
    recall: 'Recall',
    'release-follow-up': 'Release follow-up',
  };
}

export function listRecalls(input: ParsedInput<'recalls.list'>, call: Call): ChannelOutput<'recalls.list'> {
  const now = call.env.now();
  const days = input.window === '7-days' ? 7 : input.window === '28-days' ? 28 : null;
  const dueBefore = input.window === 'overdue' ? now.toISOString() : days !== null ? endOfSiteDay(addCalendarDays(siteDateOf(now), days)) : null;
  const rows = call.reads.tasks.list(
    { siteCode: call.site.siteCode, personId: null, status: 'open', kinds: RECALL_KINDS, teams: input.team ? [input.team] : null, assigneeId: input.workerId, dueBefore },
    TASK_LIST_LIMIT + 1,
  );
  const truncated = rows.length > TASK_LIST_LIMIT;
  const chosen = byUrgency(rows.slice(0, TASK_LIST_LIMIT), now).filter((r) => input.type === null || typeOf(r) === input.type);
  const ids = [...new Set(chosen.map((r) => r.personId))];
  const people = new Map(call.reads.identity.summaries(ids).map((p) => [p.id, p]));
  const prisonNumbers = call.reads.sms.prisonNumbers(ids);
  const labels = typeLabels(call);
  // A printed list names its people in the audit row (who was printed, as for any other print).
  const printed = call.channel === 'recalls.print' ? { printedPeople: ids } : {};
  call.note = { detail: { window: input.window, type: input.type, team: input.team, worker: input.workerId, rows: chosen.length, ...printed } };
  return {
    rows: chosen.flatMap((r) => {
      const person = people.get(r.personId);
      if (!person) return [];
      const team = teamSchema.safeParse(r.team);
      return [
        {
          taskId: r.id,
          person,
          prisonNumber: prisonNumbers.get(r.personId) ?? null,
          type: typeOf(r),
          typeLabel: labels[typeOf(r)],
          title: r.title,
          dueAt: r.dueAt,
          dueOn: r.dueOn,
          ...taskUrgency(r, now),
          assignee: r.assigneeName,
          team: team.success ? team.data : null,
        },
      ];
    }),
    truncated,
    typeLabels: labels,
  };
}
