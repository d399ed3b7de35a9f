// Sync as the screens use it: the status area, "sync now", the reception lookup of the shared
// record, conflicts between two sites' edits and their resolution, and refused changes.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import { clinicalEventSchema, type ClinicalEvent } from '../../contract/sync/events';
import { checkIdentifier, identifierTypeLabels } from '../../domain/identifiers/identifier-types';
import { recordVersion } from '../../db/projector/record-version';
import type { EventDraft } from '../../db/store';
import { describeSyncError } from '../sync/sync-words';
import type { Call } from './call';
import { describeEventValue, RESTATABLE } from './event-description';
import { ServiceError } from './service-error';

export function syncStatus(_input: ParsedInput<'sync.status'>, call: Call): ChannelOutput<'sync.status'> {
  const { sync } = call.env;
  const state = call.env.store.sync.state();
  const log = call.env.store.projector.log;
  return {
    mode: sync.mode,
    message: sync.message,
    lastPushAt: state.lastPushAt,
    lastPullAt: state.lastPullAt,
    waitingToSend: log.countPushState('pending'),
    refused: log.countPushState('rejected'),
    openConflicts: call.env.store.sync.openConflictCount(),
    activity: sync.engine?.activity ?? { state: 'idle' },
    problem: state.lastErrorKind && state.lastErrorMessage && state.lastErrorAt ? { kind: state.lastErrorKind, message: state.lastErrorMessage, at: state.lastErrorAt } : null,
  };
}

function requireEngine(call: Call) {
  const engine = call.env.sync.engine;
  if (!engine) throw new ServiceError('unavailable', call.env.sync.message ?? 'Sync is not running at this site.');
  return engine;
}

export async function syncNow(_input: ParsedInput<'sync.now'>, call: Call): Promise<ChannelOutput<'sync.now'>> {
  const report = await requireEngine(call).syncNow();
  call.note = { detail: { pushed: report.pushed, pulled: report.pulled, problem: report.error?.kind ?? null } };
  return {
    pushed: report.pushed.accepted + report.pushed.duplicate,
    refused: report.pushed.rejected,
    conflicts: report.pushed.conflict,
    received: report.pulled.applied,
    problem: report.error?.message ?? null,
  };
}

export async function syncLookup(input: ParsedInput<'sync.lookup'>, call: Call): Promise<ChannelOutput<'sync.lookup'>> {
  const engine = requireEngine(call);
  const check = checkIdentifier(input.identifierType, input.value, { allowTestNumbers: call.site.demo, currentYear: call.env.now().getUTCFullYear() });
  if (!check.ok) throw new ServiceError('invalid_input', `${identifierTypeLabels[input.identifierType]}: ${check.reason}`, 'value');
  const author = call.author();
  let answer;
  try {
    answer = await engine.lookup({
      identifier: { type: input.identifierType, value: check.value },
      purpose: input.purpose,
      user: { id: author.id, name: author.name, role: author.role === 'system' ? 'custody_hcp' : author.role },
      ...(input.vitalInterests ? { override: { basis: 'vital_interests' as const, justification: input.vitalInterests } } : {}),
    });
  } catch (err) {
    throw new ServiceError('unavailable', describeSyncError(err).message);
  }
  const people = answer.people.map((p) => {
    const person = call.reads.persons.get(p.personId);
    return {
      personId: p.personId,
      person: person ? { familyName: person.familyName, givenNames: person.givenNames, birthDate: person.birthDate } : null,
      decisions: p.decisions.map(({ originSite, outcome, permitted, withheld, rule }) => ({ originSite, outcome, permitted, withheld, rule })),
      received: p.events.length,
      more: p.more,
      subscribedUntil: p.subscribedUntil,
    };
  });
  call.note = {
    personId: people[0]?.personId ?? null,
    detail: { purpose: input.purpose, identifierType: input.identifierType, disclosureId: answer.disclosureId, people: people.length, outcomes: people.flatMap((p) => p.decisions.map((d) => `${d.originSite}:${d.outcome}`)) },
  };
  return { people };
}

function sideOf(e: ClinicalEvent, current: string | null) {
  return {
    eventId: e.eventId,
    type: e.type,
    originSite: e.originSite,
    authorName: e.author.name,
    authorRole: e.author.role,
    recordedAt: e.recordedAt,
    value: describeEventValue(e),
    current: e.eventId === current,
  };
}

/** The event whose value the record shows now: of the competing events, the one applied last here. */
function standingEvent(call: Call, recordType: string, recordId: string, eventIds: readonly string[]): string | null {
  const applied = call.reads.events.forRecord(recordType, recordId).filter((l) => eventIds.includes(l.event.eventId));
  return applied[applied.length - 1]?.event.eventId ?? null;
}

export function syncConflicts(input: ParsedInput<'sync.conflicts'>, call: Call): ChannelOutput<'sync.conflicts'> {
  call.note = { personId: input.personId };
  const log = call.env.store.projector.log;
  return {
    conflicts: call.env.store.sync.openConflicts(input.personId).map((c) => {
      const current = standingEvent(call, c.recordType, c.recordId, c.eventIds);
      const sides = c.eventIds.flatMap((id) => {
        const logged = log.byId(id);
        return logged ? [sideOf(logged.event, current)] : [];
      });
      return { id: c.id, recordType: c.recordType, recordId: c.recordId, detectedAt: c.detectedAt, sides };
    }),
  };
}

export function resolveConflict(input: ParsedInput<'sync.resolveConflict'>, call: Call): ChannelOutput<'sync.resolveConflict'> {
  const conflict = call.env.store.sync.openConflicts(input.personId).find((c) => c.id === input.conflictId);
  if (!conflict) throw new ServiceError('not_found', 'No open conflict with this id for this person (it may have been resolved at another site).', 'conflictId');
  if (!conflict.eventIds.includes(input.keptEventId)) throw new ServiceError('invalid_input', 'Choose one of the two values in conflict.', 'keptEventId');
  const kept = call.env.store.projector.log.byId(input.keptEventId);
  if (!kept) throw new ServiceError('conflict', 'This site does not hold that value yet: sync, then try again.');
  call.write(
    (w) => {
      // The kept value is stated again: sites applied the two events in different orders, and this
      // event comes after both everywhere, so every site ends with the value the clinician chose.
      if (RESTATABLE.has(kept.event.type)) {
        const base = recordVersion(call.env.store.raw, kept.event.recordType, kept.event.recordId);
        const { type, recordType, recordId, personId, sensitivity, payload } = clinicalEventSchema.parse(kept.event);
        w.emit({ type, recordType, recordId, personId, sensitivity, payload, baseVersion: base } as EventDraft);
      }
      w.emit({
        type: 'conflict.resolved',
        recordType: 'conflict',
        recordId: conflict.id,
        personId: conflict.personId,
        baseVersion: conflict.version,
        sensitivity: kept.event.sensitivity,
        payload: { keptEventId: input.keptEventId, note: input.note },
      });
    },
    () => ({ personId: conflict.personId, detail: { conflictId: conflict.id, keptEventId: input.keptEventId } }),
  );
  return { resolved: true };
}

export async function waitForNotices(input: ParsedInput<'notices.wait'>, call: Call): Promise<ChannelOutput<'notices.wait'>> {
  return call.env.notices.wait(input.after, input.waitMs);
}

export function syncRefused(_input: ParsedInput<'sync.refused'>, call: Call): ChannelOutput<'sync.refused'> {
  return {
    events: call.env.store.projector.log.refused(200).map((l) => ({
      eventId: l.event.eventId,
      type: l.event.type,
      personId: l.event.personId,
      recordedAt: l.event.recordedAt,
      reason: l.pushReason ?? 'refused',
    })),
  };
}
