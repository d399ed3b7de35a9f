// The event catalogue: every clinical change the site app makes, as one zod discriminated union on
// `type`. Both ends import this file: the site's projector applies these events to SQLite, the
// central validates pushes against it and projects them into PostgreSQL. Payloads carry the new
// facts only; who, when, where and which record are in the envelope (envelope.ts).
import { z } from 'zod';
import { identifierTypeSchema } from '../../domain/identifiers/identifier-types';
import { consentDecisionSchema } from '../../domain/access/disclosure';
import { roleSchema } from '../../domain/access/roles';
import { formResponseSchema } from '../../domain/templates/response';
import { referralServiceSchema, severitySchema } from '../../domain/templates/template-schema';
import { siteCodeSchema } from './envelope';
import { event } from './event-shape';
import { teamSchema } from '../../domain/access/teams';
import {
  caseloadAssigned,
  caseloadEnded,
  carePlanRecorded,
  releasePlanRecorded,
  reviewCompleted,
  taskAssignee,
  taskAssigned,
  taskRescheduled,
  treatmentEnded,
  treatmentStarted,
} from './events-sms';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();
const shortText = z.string().min(1).max(200);
const longText = z.string().min(1).max(4000);
const recordRef = z.string().min(1).max(64);

const demographics = z
  .object({
    familyName: shortText,
    givenNames: shortText,
    title: z.string().max(40).nullable(),
    birthDate: isoDate,
    sex: z.enum(['female', 'male', 'other', 'unknown']),
  })
  .strict();

const retirement = z.object({ reason: longText }).strict();


export const personRegistered = event('person.registered', 'person', demographics);
export const personDemographicsChanged = event('person.demographics_changed', 'person', demographics);

export const identifierAdded = event('identifier.added', 'identifier', z.object({ type: identifierTypeSchema, value: z.string().min(1).max(40) }).strict());
export const identifierRetired = event('identifier.retired', 'identifier', retirement);

export const aliasAdded = event('alias.added', 'alias', z.object({ familyName: shortText, givenNames: shortText }).strict());
export const aliasRetired = event('alias.retired', 'alias', retirement);

export const stayStarted = event(
  'stay.started',
  'stay',
  z.object({ siteCode: siteCodeSchema, kind: z.enum(['custody', 'prison']), arrivedAt: isoDateTime, arrivalReason: z.string().max(200).nullable() }).strict(),
);
export const stayEnded = event(
  'stay.ended',
  'stay',
  z.object({ exitedAt: isoDateTime, exitReason: shortText, exitDestination: shortText }).strict(),
);

const flagContent = {
  label: shortText,
  severity: severitySchema,
  /** The objective criteria behind the flag, shown wherever the flag is. */
  reason: longText,
  partnerAdvice: z.string().min(1).max(500).nullable(),
  sourceResponseId: recordRef.nullable(),
};
export const flagRaised = event('flag.raised', 'flag', z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/), ...flagContent }).strict());
/** New evidence for an active flag (a later score): its severity and reason change, history kept. */
export const flagUpdated = event('flag.updated', 'flag', z.object(flagContent).strict());
export const flagEnded = event('flag.ended', 'flag', z.object({ reason: longText }).strict());

export const taskCreated = event(
  'task.created',
  'task',
  z
    .object({
      siteCode: siteCodeSchema,
      stayId: recordRef.nullable(),
      kind: z.string().min(1).max(60),
      title: shortText,
      detail: z.string().min(1).max(2000).nullable(),
      forRole: roleSchema.nullable(),
      dueAt: isoDateTime,
      sourceResponseId: recordRef.nullable(),
      /** The worker the task is assigned to (absent on tasks made before assignment existed). */
      assignee: taskAssignee.nullable().optional(),
      /** The team whose list it is on. */
      team: teamSchema.nullable().optional(),
      /** Due on a day (a letter expected by, a review): `dueAt` is then the end of that day at the site. */
      dueOn: isoDate.nullable().optional(),
      /** The record the task is about: a treatment's review (with its step), a care plan, a release plan, the task it follows up. */
      about: z
        .object({ type: z.enum(['treatment', 'care_plan', 'release_plan', 'task', 'referral']), id: recordRef, step: z.number().int().min(0).max(1000).nullable() })
        .strict()
        .nullable()
        .optional(),
    })
    .strict(),
);
export const taskClosed = event(
  'task.closed',
  'task',
  z
    .object({
      outcome: z.enum(['done', 'cancelled']),
      note: z.string().max(2000).nullable(),
      /** The kind's outcome the task was closed with ("received", "missed"): domain/tasks/task-kinds.ts. */
      result: z.string().min(1).max(60).optional(),
    })
    .strict(),
);

/** A form response version; `recordId` is the entry (the first version's id), `response.id` this version. */
const formVersion = z.object({ stayId: recordRef.nullable(), response: formResponseSchema }).strict();
export const formRecorded = event('form.recorded', 'form_response', formVersion);
export const formAmended = event('form.amended', 'form_response', formVersion);
export const formEnteredInError = event('form.entered_in_error', 'form_response', formVersion);

export const handoverRecorded = event(
  'handover.recorded',
  'handover',
  z
    .object({
      stayId: recordRef.nullable(),
      responseId: recordRef,
      officerName: shortText,
      officerId: z.string().min(1).max(40).nullable(),
      acknowledgedAt: isoDateTime,
    })
    .strict(),
);

export const referralMade = event(
  'referral.made',
  'referral',
  z
    .object({
      siteCode: siteCodeSchema,
      toService: referralServiceSchema,
      reason: longText,
      sourceResponseId: recordRef.nullable(),
      /** Where the referral came from (domain/sms/referral-services.ts); absent on older referrals. */
      source: z.string().min(1).max(40).optional(),
      urgency: z.enum(['routine', 'urgent']).optional(),
      /** The substances it is about, as the screens name them. */
      substances: z.array(z.string().min(1).max(40)).max(20).optional(),
    })
    .strict(),
);
export const referralOutcomeRecorded = event(
  'referral.outcome_recorded',
  'referral',
  z
    .object({
      outcome: z.enum(['accepted', 'declined', 'closed', 'referred_on']),
      note: z.string().max(2000).nullable(),
      /** The day the decision was made, and who made it (a team's decision may be recorded by another). */
      decidedOn: isoDate.optional(),
      decidedBy: shortText.optional(),
      /** Referred on: the key service, and its SNOMED CT code from the code list where it has one. */
      referredOnTo: z.string().min(1).max(60).nullable().optional(),
      code: z.object({ system: z.string().min(1).max(100), code: z.string().regex(/^\d{6,18}$/), display: shortText }).strict().nullable().optional(),
    })
    .strict(),
);

export const consentRecorded = event(
  'consent.recorded',
  'consent',
  consentDecisionSchema.extend({ notes: z.string().max(2000).nullable() }).strict(),
);

/**
 * Raised by the central record when two events change the same single-valued record from the same
 * base version (or one from an older version than the head). Both events stay in the log; sites show
 * both values and a task until a clinician resolves it.
 */
export const conflictDetected = event(
  'conflict.detected',
  'conflict',
  z
    .object({
      recordType: z.string().min(1).max(40),
      recordId: recordRef,
      /** The competing events, oldest first by HLC. */
      eventIds: z.array(z.uuid()).min(2).max(20),
    })
    .strict(),
);
/** A clinician's resolution: which event's value stands (the record is then set by a normal event). */
export const conflictResolved = event(
  'conflict.resolved',
  'conflict',
  z.object({ keptEventId: z.uuid(), note: z.string().max(2000).nullable() }).strict(),
);

export const clinicalEventSchema = z.discriminatedUnion('type', [
  personRegistered,
  personDemographicsChanged,
  identifierAdded,
  identifierRetired,
  aliasAdded,
  aliasRetired,
  stayStarted,
  stayEnded,
  flagRaised,
  flagUpdated,
  flagEnded,
  taskCreated,
  taskClosed,
  formRecorded,
  formAmended,
  formEnteredInError,
  handoverRecorded,
  referralMade,
  referralOutcomeRecorded,
  consentRecorded,
  conflictDetected,
  conflictResolved,
  caseloadAssigned,
  caseloadEnded,
  treatmentStarted,
  treatmentEnded,
  reviewCompleted,
  carePlanRecorded,
  releasePlanRecorded,
  taskAssigned,
  taskRescheduled,
]);
export type ClinicalEvent = z.infer<typeof clinicalEventSchema>;
export type EventType = ClinicalEvent['type'];
export type EventOf<T extends EventType> = Extract<ClinicalEvent, { type: T }>;
export const eventTypes = clinicalEventSchema.options.map((o) => o.shape.type.value) as EventType[];
