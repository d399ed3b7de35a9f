// Reception starts a stay at this site; exit ends it with date, reason and destination.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Stay } from '../../contract/channels/stays';
import type { StayRow } from '../../db/stays-repo';
import type { StoreWrites } from '../../db/store';
import type { Call } from './call';
import { requireRelationship } from './relationship';
import { closeSmsWorkOnExit } from './release-service';
import { ServiceError } from './service-error';

export function stayView(row: StayRow): Stay {
  const { id, personId, siteCode, kind, arrivedAt, arrivalReason, exitedAt, exitReason, exitDestination } = row;
  return { id, personId, siteCode, kind, arrivedAt, arrivalReason, exitedAt, exitReason, exitDestination };
}

/** The stay kind follows the site: a custody suite detains, a prison receives. */
function stayKind(call: Call): 'custody' | 'prison' {
  if (call.site.siteType === 'community') throw new ServiceError('forbidden', 'A community site does not receive people into custody or prison.');
  return call.site.siteType;
}

/** Starts a stay inside an existing write (reception does it together with its screen). */
export function startStayIn(w: StoreWrites, call: Call, personId: string, arrivedAt: string, arrivalReason: string | null): string {
  if (w.stays.openAt(personId, call.site.siteCode)) {
    throw new ServiceError('conflict', 'This person already has an open stay at this site. End it before starting another.');
  }
  const id = call.env.newId();
  w.emit({
    type: 'stay.started',
    recordType: 'stay',
    recordId: id,
    personId,
    baseVersion: null,
    sensitivity: 'demographics',
    payload: { siteCode: call.site.siteCode, kind: stayKind(call), arrivedAt, arrivalReason },
  });
  return id;
}

export function startStay(input: ParsedInput<'stays.start'>, call: Call): ChannelOutput<'stays.start'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  stayKind(call);
  const stayId = call.write(
    (w) => startStayIn(w, call, input.personId, input.arrivedAt, input.arrivalReason),
    () => ({ personId: input.personId }),
  );
  return { stayId };
}

export function endStay(input: ParsedInput<'stays.end'>, call: Call): ChannelOutput<'stays.end'> {
  const stay = call.reads.stays.get(input.stayId);
  if (!stay || stay.siteCode !== call.site.siteCode) throw new ServiceError('not_found', 'No stay with this id at this site.');
  requireRelationship(call, stay.personId);
  if (stay.exitedAt) throw new ServiceError('conflict', 'This stay has already ended.');
  if (input.exitedAt < stay.arrivedAt) throw new ServiceError('invalid_input', 'The exit cannot be before the arrival.', 'exitedAt');
  call.write(
    (w) => {
      const exit = { exitedAt: input.exitedAt, exitReason: input.exitReason, exitDestination: input.exitDestination };
      w.emit({ type: 'stay.ended', recordType: 'stay', recordId: stay.id, personId: stay.personId, baseVersion: stay.version, sensitivity: 'demographics', payload: exit });
      // Reviews due here are closed or handed over, with what was due, in the same transaction.
      closeSmsWorkOnExit(w, call, stay.personId, exit);
    },
    () => ({ personId: stay.personId }),
  );
  return { ended: true };
}

export function listStays(input: ParsedInput<'stays.list'>, call: Call): ChannelOutput<'stays.list'> {
  call.note = { personId: input.personId };
  return { stays: call.reads.stays.forPerson(input.personId).map(stayView) };
}
