// The kinds of task SONAR keeps, as data: what closing each one needs (an outcome, always; a note
// where the outcome must say more), what an outcome sets in motion (a missed appointment creates
// its follow-up; a rebooked one is booked again), when an overdue task escalates, and which kinds
// can only be closed by a step of the pathway (a review is completed, never just ticked off, so the
// next one is always scheduled). Inquiries into deaths in custody keep finding lost hospital
// letters, missed appointments and tests never done: each of those is a kind here.
import { z } from 'zod';
import type { DataCategory } from '../access/disclosure';
import { SMS_SENSITIVITY } from '../access/substance-use-scope';
import type { Team } from '../access/teams';

export interface TaskOutcome {
  value: string;
  label: string;
  /** The task's status once closed with this outcome. */
  status: 'done' | 'cancelled';
  /** Whether a note is required, and what it should say. */
  note: { required: boolean; label: string };
  /** Closing with this outcome creates a follow-up task of `kind`, due `dueInDays` later. */
  followUp?: { kind: string; title: string; dueInDays: number };
  /** Closing with this outcome needs a new date: a task of `kind` is made for it (a rebooked appointment). */
  rebook?: { kind: string };
}

export const taskCategorySchema = z.enum(['review', 'recall', 'letter', 'result', 'appointment', 'follow-up', 'assessment', 'handover', 'other']);
export type TaskCategory = z.infer<typeof taskCategorySchema>;

export interface TaskKind {
  kind: string;
  label: string;
  category: TaskCategory;
  /** The team the task goes to unless the person creating it chooses another. */
  team: Team | null;
  /** Whether staff create it by hand from a record (others come from the pathway or a form). */
  creatable: boolean;
  /** Due on a day (a letter expected by), or at a time (an appointment). */
  due: 'date' | 'dateTime';
  /** Overdue for this many days or more, the task escalates (0: as soon as it is overdue). */
  escalateAfterDays: number;
  /** `outcome`: closed by choosing one of `outcomes`. Otherwise only by that step of the pathway. */
  closedBy: 'outcome' | 'review' | 'care-plan';
  /** A new due date may be set, with a reason (a letter chased, a review moved). */
  reschedulable: boolean;
  outcomes: readonly TaskOutcome[];
  /** What the detail box asks for when the task is made by hand. */
  detailLabel?: string;
}

const note = (label: string, required = true) => ({ required, label });

const GENERIC_OUTCOMES: readonly TaskOutcome[] = [
  { value: 'done', label: 'Done', status: 'done', note: note('Note', false) },
  { value: 'cancelled', label: 'Cancelled, no longer needed', status: 'cancelled', note: note('Why it is cancelled') },
];

/** Kinds made by forms and older versions (second-stage assessment, handover...): done or cancelled. */
export const GENERIC_KIND: Omit<TaskKind, 'kind' | 'label'> = {
  category: 'other',
  team: null,
  creatable: false,
  due: 'dateTime',
  escalateAfterDays: 1,
  closedBy: 'outcome',
  reschedulable: false,
  outcomes: GENERIC_OUTCOMES,
};

export const SMS_REVIEW_KIND = 'sms-review';
export const CARE_PLAN_REVIEW_KIND = 'care-plan-review';
export const RELEASE_FOLLOW_UP_KIND = 'release-follow-up';
export const APPOINTMENT_KIND = 'external-appointment';
export const MISSED_APPOINTMENT_KIND = 'missed-appointment';

/** Outcomes the pathway itself closes review-type tasks with (never offered to a person closing by hand). */
export const PATHWAY_OUTCOMES = {
  reviewCompleted: { value: 'review-completed', label: 'Review completed', status: 'done', note: note('Note', false) },
  treatmentEnded: { value: 'treatment-ended', label: 'Treatment ended', status: 'cancelled', note: note('Note', false) },
  handedOver: { value: 'handed-over', label: 'Handed over on transfer', status: 'cancelled', note: note('Note', false) },
  released: { value: 'released', label: 'Released before it was due', status: 'cancelled', note: note('Note', false) },
  carePlanReviewed: { value: 'care-plan-reviewed', label: 'Care plan reviewed', status: 'done', note: note('Note', false) },
} as const satisfies Record<string, TaskOutcome>;

export const taskKinds: readonly TaskKind[] = [
  {
    kind: SMS_REVIEW_KIND,
    label: 'Substance misuse review',
    category: 'review',
    team: 'sms',
    creatable: false,
    due: 'date',
    escalateAfterDays: 2,
    closedBy: 'review',
    reschedulable: true,
    outcomes: [PATHWAY_OUTCOMES.reviewCompleted, PATHWAY_OUTCOMES.treatmentEnded, PATHWAY_OUTCOMES.handedOver, PATHWAY_OUTCOMES.released],
  },
  {
    kind: CARE_PLAN_REVIEW_KIND,
    label: 'Care plan review',
    category: 'review',
    team: 'sms',
    creatable: false,
    due: 'date',
    escalateAfterDays: 7,
    closedBy: 'care-plan',
    reschedulable: true,
    outcomes: [PATHWAY_OUTCOMES.carePlanReviewed, PATHWAY_OUTCOMES.treatmentEnded, PATHWAY_OUTCOMES.handedOver, PATHWAY_OUTCOMES.released],
  },
  {
    kind: 'recall',
    label: 'Recall',
    category: 'recall',
    team: null,
    creatable: true,
    due: 'date',
    escalateAfterDays: 7,
    closedBy: 'outcome',
    reschedulable: true,
    detailLabel: 'What the person is recalled for (a vaccine dose, a blood test, a review)',
    outcomes: [
      { value: 'seen', label: 'Seen', status: 'done', note: note('What was done', false) },
      { value: 'declined', label: 'The person declined', status: 'done', note: note('What the person was told') },
      { value: 'no-longer-needed', label: 'No longer needed', status: 'cancelled', note: note('Why it is no longer needed') },
    ],
  },
  {
    kind: 'hospital-letter',
    label: 'Hospital letter awaited',
    category: 'letter',
    team: 'healthcare',
    creatable: true,
    due: 'date',
    escalateAfterDays: 7,
    closedBy: 'outcome',
    reschedulable: true,
    detailLabel: 'Which letter, from whom (hospital, clinic, department)',
    outcomes: [
      { value: 'received', label: 'Letter received and acted on', status: 'done', note: note('What the letter says and what was done') },
      { value: 'not-expected', label: 'No letter will come', status: 'cancelled', note: note('How this was confirmed, and with whom') },
    ],
  },
  {
    kind: 'test-result',
    label: 'Test result awaited',
    category: 'result',
    team: 'healthcare',
    creatable: true,
    due: 'date',
    escalateAfterDays: 3,
    closedBy: 'outcome',
    reschedulable: true,
    detailLabel: 'Which test, when it was taken, and by whom',
    outcomes: [
      { value: 'result-actioned', label: 'Result received and acted on', status: 'done', note: note('The result and what was done') },
      {
        value: 'test-not-done',
        label: 'The test was not done',
        status: 'done',
        note: note('Why it was not done'),
        followUp: { kind: 'recall', title: 'Arrange the test that was not done', dueInDays: 2 },
      },
    ],
  },
  {
    kind: APPOINTMENT_KIND,
    label: 'External appointment',
    category: 'appointment',
    team: 'healthcare',
    creatable: true,
    due: 'dateTime',
    escalateAfterDays: 1,
    closedBy: 'outcome',
    reschedulable: false,
    detailLabel: 'Where, with whom, and why (hospital, clinic, escort needed)',
    outcomes: [
      { value: 'attended', label: 'Attended', status: 'done', note: note('Outcome of the appointment', false) },
      {
        value: 'missed',
        label: 'Missed',
        status: 'done',
        note: note('Why it was missed'),
        followUp: { kind: MISSED_APPOINTMENT_KIND, title: 'Follow up the missed appointment: rebook it or record why not', dueInDays: 1 },
      },
      { value: 'rebooked', label: 'Rebooked for another date', status: 'done', note: note('Why it was rebooked', false), rebook: { kind: APPOINTMENT_KIND } },
      { value: 'cancelled', label: 'Cancelled, not needed', status: 'cancelled', note: note('Who cancelled it and why') },
    ],
  },
  {
    kind: MISSED_APPOINTMENT_KIND,
    label: 'Missed appointment follow-up',
    category: 'follow-up',
    team: 'healthcare',
    creatable: false,
    due: 'date',
    escalateAfterDays: 2,
    closedBy: 'outcome',
    reschedulable: false,
    outcomes: [
      { value: 'rebooked', label: 'Appointment rebooked', status: 'done', note: note('Note', false), rebook: { kind: APPOINTMENT_KIND } },
      { value: 'not-rebooked', label: 'Not rebooked', status: 'done', note: note('Why not, and who agreed') },
    ],
  },
  {
    kind: RELEASE_FOLLOW_UP_KIND,
    label: 'Release follow-up: community treatment',
    category: 'follow-up',
    team: 'sms',
    creatable: false,
    due: 'date',
    escalateAfterDays: 3,
    closedBy: 'outcome',
    reschedulable: false,
    outcomes: [
      { value: 'engaged', label: 'Engaged with community treatment', status: 'done', note: note('Service, and date of the first appointment attended') },
      { value: 'not-engaged', label: 'Did not engage', status: 'done', note: note('What is known, and who was told') },
      { value: 'unable-to-confirm', label: 'Could not be confirmed', status: 'done', note: note('Who was contacted, and when') },
    ],
  },
];

const byKind = new Map(taskKinds.map((k) => [k.kind, k]));

/** The kind's definition; a kind not listed (made by a form) is closed done or cancelled. */
export function taskKind(kind: string): TaskKind {
  return byKind.get(kind) ?? { kind, label: kind, ...GENERIC_KIND };
}

/** Kinds staff create by hand from a record. */
export const creatableKinds = taskKinds.filter((k) => k.creatable);

/** The outcome a person may close a task with by hand, or null when it is not one of the kind's. */
export function closingOutcome(kind: string, value: string): TaskOutcome | null {
  const k = taskKind(kind);
  if (k.closedBy !== 'outcome') return null;
  return k.outcomes.find((o) => o.value === value) ?? null;
}

/** The label of the outcome a closed task carries (pathway outcomes included), or the value itself. */
export function outcomeLabel(kind: string, value: string): string {
  return taskKind(kind).outcomes.find((o) => o.value === value)?.label ?? Object.values(PATHWAY_OUTCOMES).find((o) => o.value === value)?.label ?? value;
}

/**
 * The sensitivity category every event of a task carries (fixed by its kind, so a task's events are
 * shared or withheld together): the substance misuse team's own work (reviews, care plan reviews,
 * release follow-ups) says the person is in treatment, so it is substance use; other tasks are care
 * planning.
 */
export function taskSensitivity(kind: string): DataCategory {
  return taskKind(kind).team === 'sms' ? SMS_SENSITIVITY : 'care_plan';
}
