// Risk flags: raised by a clinician or derived from an assessment, always shown with who set them
// and the criteria behind them; ended only by a recorded decision with a reason.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Flag } from '../../contract/channels/flags';
import { severitySchema, type Severity } from '../../domain/templates/template-schema';
import type { FlagRow } from '../../db/flags-repo';
import type { StoreWrites } from '../../db/store';
import type { Call } from './call';
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
  severity: Severity;
  reason: string;
  partnerAdvice: string | null;
  sourceResponseId: string | null;
}

/** Raises a flag inside a write, unless the same flag is already active (then its id is returned). */
export function raiseFlagIn(w: StoreWrites, call: Call, flag: NewFlag): string {
  const active = w.flags.activeWithCode(flag.personId, flag.code);
  if (active) return active.id;
  const id = call.env.newId();
  const { personId, ...payload } = flag;
  w.emit({ type: 'flag.raised', recordType: 'flag', recordId: id, personId, baseVersion: null, sensitivity: 'risk_flags', payload });
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
  const flag = call.reads.flags.get(input.flagId);
  if (!flag) throw new ServiceError('not_found', 'No flag with this id.');
  requireRelationship(call, flag.personId);
  if (flag.endedAt) throw new ServiceError('conflict', 'This flag has already been ended.');
  call.write(
    (w) => {
      w.emit({ type: 'flag.ended', recordType: 'flag', recordId: flag.id, personId: flag.personId, baseVersion: flag.version, sensitivity: 'risk_flags', payload: { reason: input.reason } });
    },
    () => ({ personId: flag.personId, detail: { code: flag.code } }),
  );
  return { ended: true };
}

export function listFlags(input: ParsedInput<'flags.list'>, call: Call): ChannelOutput<'flags.list'> {
  call.note = { personId: input.personId };
  return { flags: call.reads.flags.forPerson(input.personId, input.includeEnded).map(flagView) };
}
