// Risk flags: raised by a clinician or derived from an assessment, always shown with who set them
// and the criteria behind them; updated (never duplicated) when new evidence arrives, with every
// earlier version kept in the event log; ended only by a recorded decision with a reason.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Flag, FlagVersion } from '../../contract/channels/flags';
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
    updatedAt: row.updatedAt,
    updatedByName: row.updatedByName,
    originSite: row.originSite,
    version: row.version,
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

/** New evidence or a clinician's judgement for an active flag: a new version, the old one kept in history. */
export function updateFlagIn(
  w: StoreWrites,
  flag: FlagRow,
  change: { label?: string; severity: Severity; reason: string; partnerAdvice: string | null; sourceResponseId: string | null },
): void {
  w.emit({
    type: 'flag.updated',
    recordType: 'flag',
    recordId: flag.id,
    personId: flag.personId,
    baseVersion: flag.version,
    sensitivity: 'risk_flags',
    payload: { label: change.label ?? flag.label, severity: change.severity, reason: change.reason, partnerAdvice: change.partnerAdvice, sourceResponseId: change.sourceResponseId },
  });
}

export function raiseFlag(input: ParsedInput<'flags.raise'>, call: Call): ChannelOutput<'flags.raise'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const active = call.reads.flags.activeWithCode(input.personId, input.code);
  if (active) {
    throw new ServiceError(
      'conflict',
      `A "${active.label}" flag is already active for this person (set by ${active.setByName}). Update that flag instead: its earlier reason is kept in its history.`,
      'code',
    );
  }
  const partnerAdvice = input.partnerAdvice && input.partnerAdvice.length > 0 ? input.partnerAdvice : null;
  const flagId = call.write((w) => raiseFlagIn(w, call, { ...input, partnerAdvice, sourceResponseId: null }), () => ({ personId: input.personId }));
  return { flagId };
}

export function updateFlag(input: ParsedInput<'flags.update'>, call: Call): ChannelOutput<'flags.update'> {
  const flag = call.reads.flags.get(input.flagId);
  if (!flag) throw new ServiceError('not_found', 'No flag with this id.');
  requireRelationship(call, flag.personId);
  if (flag.endedAt) throw new ServiceError('conflict', 'This flag has ended; raise a new one if the risk is present again.');
  if (flag.version !== input.baseVersion) {
    throw new ServiceError('conflict', 'This flag was changed by someone else while you were working. Reload it, read the latest reason, and try again.');
  }
  const partnerAdvice = input.partnerAdvice && input.partnerAdvice.length > 0 ? input.partnerAdvice : null;
  call.write(
    (w) => updateFlagIn(w, flag, { severity: input.severity, reason: input.reason, partnerAdvice, sourceResponseId: null }),
    () => ({ personId: flag.personId, detail: { code: flag.code, severity: input.severity } }),
  );
  return { updated: true };
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

/** Every version of one flag, oldest first, from the event log. */
export function flagHistory(input: ParsedInput<'flags.history'>, call: Call): ChannelOutput<'flags.history'> {
  const flag = call.reads.flags.get(input.flagId);
  if (!flag || flag.personId !== input.personId) throw new ServiceError('not_found', 'No such flag for this person.', 'flagId');
  call.note = { personId: input.personId, detail: { flagId: flag.id } };
  const versions: FlagVersion[] = call.reads.events.forRecord('flag', flag.id).flatMap(({ event: e }): FlagVersion[] => {
    const base = { at: e.recordedAt, byName: e.author.name, originSite: e.originSite };
    if (e.type === 'flag.raised') return [{ ...base, kind: 'raised', severity: e.payload.severity, reason: e.payload.reason }];
    if (e.type === 'flag.updated') return [{ ...base, kind: 'updated', severity: e.payload.severity, reason: e.payload.reason }];
    if (e.type === 'flag.ended') return [{ ...base, kind: 'ended', severity: null, reason: e.payload.reason }];
    return [];
  });
  return { versions };
}
