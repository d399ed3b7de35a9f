// The audit trail for auditors: who looked at a person's record, when and why; and a check of the
// hash chain that names the first tampered row.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import { verifyAuditChain } from '../../db/audit-log';
import type { Call } from './call';

export function personAccess(input: ParsedInput<'audit.personAccess'>, call: Call): ChannelOutput<'audit.personAccess'> {
  call.note = { personId: input.personId };
  // Staff are named as people, not user names: one account lookup per person in the history.
  const names = new Map<string, string | null>();
  const fullName = (userId: string | null) => {
    if (userId === null) return null;
    if (!names.has(userId)) names.set(userId, call.reads.users.findById(userId)?.fullName ?? null);
    return names.get(userId) ?? null;
  };
  return {
    events: call.reads.access.auditForPerson(input.personId).map((e) => ({
      seq: e.seq,
      at: e.at,
      username: e.username,
      fullName: fullName(e.userId),
      roles: e.roles,
      action: e.action,
      channel: e.channel,
      outcome: e.outcome,
      reason: e.reason,
    })),
  };
}

export function verifyAudit(_input: ParsedInput<'audit.verify'>, call: Call): ChannelOutput<'audit.verify'> {
  const verdict = verifyAuditChain(call.env.store.raw);
  return verdict.ok
    ? { ok: true, rows: verdict.rows, firstBadSeq: null, problem: null }
    : { ok: false, rows: 0, firstBadSeq: verdict.firstBadSeq, problem: verdict.problem };
}

export function recordPrint(input: ParsedInput<'audit.recordPrint'>, call: Call): ChannelOutput<'audit.recordPrint'> {
  call.note = { personId: input.personId, detail: { document: input.document } };
  return { recorded: true };
}
