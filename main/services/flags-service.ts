// Risk flags: raised by a clinician or derived from an assessment, always shown with who set them
// and the criteria behind them; ended only by a recorded decision with a reason.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Flag } from '../../contract/channels/flags';
import { severitySchema } from '../../domain/templates/template-schema';
import type { FlagRow } from '../../db/flags-repo';
import type { StoreWrites } from '../../db/store';
import type { Call } from '../rpc/call';
import { requireRelationship } from './relationship';
import { ServiceError } from './service-error';

export function flagView(row: FlagRow): Flag {
  return {
    id: row.id,
    personId: row.personId,
    code: row.code,
    label: row.label,
    severity: severitySchema.catch('moderate').parse(row.severity),
    reason: row.reason,
    partnerAdvice: row.partnerAdvice,
    sourceResponseId: row.sourceResponseId,
    setAt: row.setAt,
    setByName: row.setByName,
    endedAt: row.endedAt,
    endedByName: row.endedByName,
    endReason: row.endReason,
  };
}

export interface NewFlag {
  personId: string;
  code: string;
  label: string;
  severity: string;
  reason: string;
  partnerAdvice: string | null;
  sourceResponseId: string | null;
}

/** Raises a flag inside a write, unless the same flag is already active (then its id is returned). */
export function raiseFlagIn(w: StoreWrites, call: Call, flag: NewFlag): string {
  const session = call.requireSession();
  const active = w.flags.activeWithCode(flag.personId, flag.code);
  if (active) return active.id;
  const id = call.env.newId();
  const row = { id, ...flag, setAt: call.env.now().toISOString(), setBy: session.userId, setByName: session.fullName };
  w.flags.insert(row);
  w.event({ entityType: 'flag', entityId: id, personId: flag.personId, op: 'create', baseVersion: null, authorId: session.userId, payload: row });
  return id;
}

export function raiseFlag(input: ParsedInput<'flags.raise'>, call: Call): ChannelOutput<'flags.raise'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  if (call.reads.flags.activeWithCode(input.personId, input.code)) {
    throw new ServiceError('conflict', 'This flag is already active for this person.');
  }
  const partnerAdvice = input.partnerAdvice && input.partnerAdvice.length > 0 ? input.partnerAdvice : null;
  const flagId = call.write((w) => raiseFlagIn(w, call, { ...input, partnerAdvice, sourceResponseId: null }), () => ({ personId: input.personId }));
  return { flagId };
}

export function endFlag(input: ParsedInput<'flags.end'>, call: Call): ChannelOutput<'flags.end'> {
  const session = call.requireSession();
  const flag = call.reads.flags.get(input.flagId);
  if (!flag) throw new ServiceError('not_found', 'No flag with this id.');
  requireRelationship(call, flag.personId);
  if (flag.endedAt) throw new ServiceError('conflict', 'This flag has already been ended.');
  call.write(
    (w) => {
      const end = { endedAt: call.env.now().toISOString(), endedBy: session.userId, endedByName: session.fullName, endReason: input.reason };
      if (!w.flags.end(flag.id, end, flag.version)) throw new ServiceError('conflict', 'This flag was changed by someone else. Reload and try again.');
      w.event({ entityType: 'flag', entityId: flag.id, personId: flag.personId, op: 'update', baseVersion: flag.version, authorId: session.userId, payload: end });
    },
    () => ({ personId: flag.personId, detail: { code: flag.code } }),
  );
  return { ended: true };
}

export function listFlags(input: ParsedInput<'flags.list'>, call: Call): ChannelOutput<'flags.list'> {
  call.note = { personId: input.personId };
  return { flags: call.reads.flags.forPerson(input.personId, input.includeEnded).map(flagView) };
}
