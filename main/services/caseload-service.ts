// Keyworkers and caseloads: a clinical and/or a psychosocial keyworker per person at a site.
// Reassignment keeps history (the earlier assignment is ended, not overwritten) and moves the
// person's open team work to the new keyworker, so nothing is left with someone no longer
// responsible. Being on a worker's caseload is a legitimate relationship (relationship.ts).
import { v5 as uuidv5 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { StoreWrites } from '../../db/store';
import type { TaskRow } from '../../db/tasks-repo';
import { keyworkerKindLabels, keyworkerRoles, type KeyworkerKind } from '../../domain/access/teams';
import { taskSensitivity } from '../../domain/tasks/task-kinds';
import { taskUrgency } from '../../domain/tasks/task-urgency';
import type { Call } from './call';
import { assignableWorker } from './tasks-service';
import { ServiceError } from './service-error';

/** Fixed namespace: a keyworker slot's id is the same wherever and whenever it is worked out. */
const SLOT_NAMESPACE = '6f0d6a3e-4b9a-5c61-9d0e-2c1b7a8e4f10';

export function slotId(siteCode: string, kind: KeyworkerKind, personId: string): string {
  return uuidv5(`caseload:${siteCode}:${kind}:${personId}`, SLOT_NAMESPACE);
}

/** Moves a person's open substance misuse team tasks from one holder to another (null: back to the team list). */
function moveTeamWork(w: StoreWrites, call: Call, personId: string, from: string | null, to: { id: string; name: string } | null, note: string): void {
  const open = w.tasks.list({ siteCode: call.site.siteCode, personId, status: 'open', teams: ['sms'] });
  for (const task of open.filter((t) => (t.assigneeId ?? null) === from)) {
    w.emit({ type: 'task.assigned', recordType: 'task', recordId: task.id, personId, baseVersion: task.version, sensitivity: taskSensitivity(task.kind), payload: { assignee: to, team: 'sms', note } });
  }
}

export function assignKeyworker(input: ParsedInput<'caseload.assign'>, call: Call): ChannelOutput<'caseload.assign'> {
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const worker = assignableWorker(call, input.workerId, 'workerId');
  if (!worker.roles.some((r) => keyworkerRoles[input.kind].includes(r))) {
    throw new ServiceError('invalid_input', `${worker.name} cannot be a ${keyworkerKindLabels[input.kind].toLowerCase()}: choose someone in the substance misuse team with that role.`, 'workerId');
  }
  if (input.referralId) {
    const referral = call.reads.sms.referral(input.referralId);
    if (!referral || referral.personId !== input.personId) throw new ServiceError('invalid_input', 'That referral is not this person’s.', 'referralId');
  }
  const site = call.site.siteCode;
  const id = slotId(site, input.kind, input.personId);
  const slot = call.reads.sms.slot(id);
  const current = call.reads.sms.currentKeyworkers(input.personId, site).find((a) => a.kind === input.kind) ?? null;
  if (current?.workerId === worker.id) throw new ServiceError('conflict', `${worker.name} is already the ${keyworkerKindLabels[input.kind].toLowerCase()}.`);
  const reason = input.reason.trim();
  if (current && reason === '') throw new ServiceError('invalid_input', `Enter why the ${keyworkerKindLabels[input.kind].toLowerCase()} is changing from ${current.workerName}.`, 'reason');
  const hasClinical = call.reads.sms.currentKeyworkers(input.personId, site).some((a) => a.kind === 'clinical');
  call.write(
    (w) => {
      w.emit({
        type: 'caseload.assigned',
        recordType: 'caseload',
        recordId: id,
        personId: input.personId,
        baseVersion: slot?.version ?? null,
        sensitivity: 'substance_use',
        payload: { siteCode: site, kind: input.kind, worker: { id: worker.id, name: worker.name }, referralId: input.referralId, reason: reason || null },
      });
      const to = { id: worker.id, name: worker.name };
      if (current) moveTeamWork(w, call, input.personId, current.workerId, to, `Keyworker changed from ${current.workerName}: ${reason}`);
      // Unallocated team work goes to the clinical keyworker (or the psychosocial one while there is no clinical keyworker).
      if (input.kind === 'clinical' || !hasClinical) moveTeamWork(w, call, input.personId, null, to, `${keyworkerKindLabels[input.kind]} assigned`);
    },
    () => ({ personId: input.personId, detail: { kind: input.kind, worker: worker.id, reassigned: current !== null } }),
  );
  return { assigned: true };
}

export function endKeyworker(input: ParsedInput<'caseload.end'>, call: Call): ChannelOutput<'caseload.end'> {
  const site = call.site.siteCode;
  const id = slotId(site, input.kind, input.personId);
  const slot = call.reads.sms.slot(id);
  const current = call.reads.sms.currentKeyworkers(input.personId, site).find((a) => a.kind === input.kind) ?? null;
  if (!slot || !current) throw new ServiceError('not_found', `This person has no ${keyworkerKindLabels[input.kind].toLowerCase()} at this site.`);
  call.write(
    (w) => {
      w.emit({ type: 'caseload.ended', recordType: 'caseload', recordId: id, personId: input.personId, baseVersion: slot.version, sensitivity: 'substance_use', payload: { reason: input.reason } });
      moveTeamWork(w, call, input.personId, current.workerId, null, `${current.workerName} is no longer the ${keyworkerKindLabels[input.kind].toLowerCase()}: ${input.reason}`);
    },
    () => ({ personId: input.personId, detail: { kind: input.kind, worker: current.workerId } }),
  );
  return { ended: true };
}

function counts(tasks: readonly TaskRow[], now: Date) {
  const urgencies = tasks.map((t) => taskUrgency(t, now).urgency);
  return { openTasks: tasks.length, overdueTasks: urgencies.filter((u) => u !== 'not_due').length, escalatedTasks: urgencies.filter((u) => u === 'escalated').length };
}

export function listCaseloads(input: ParsedInput<'caseload.list'>, call: Call): ChannelOutput<'caseload.list'> {
  const site = call.site.siteCode;
  const now = call.env.now();
  const eligible = call.reads.users.list().filter((u) => !u.disabled && u.roles.some((r) => keyworkerRoles.clinical.includes(r) || keyworkerRoles.psychosocial.includes(r)));
  const caseloadCounts = new Map(call.reads.sms.workerCounts(site).map((c) => [c.workerId, c]));
  const ids = [...new Set([...eligible.map((u) => u.id), ...caseloadCounts.keys()])];
  const tasks = call.reads.tasks.openForWorkersOrTeams(site, ids, []);
  const workers = ids
    .map((id) => {
      const user = eligible.find((u) => u.id === id);
      const c = caseloadCounts.get(id);
      return { id, name: user?.fullName ?? c?.workerName ?? 'Not known', clinical: c?.clinical ?? 0, psychosocial: c?.psychosocial ?? 0, ...counts(tasks.filter((t) => t.assigneeId === id), now) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  let people: ChannelOutput<'caseload.list'>['people'] = [];
  if (input.workerId) {
    const assignments = call.reads.sms.caseloadOf(input.workerId, site);
    const byPerson = new Map<string, { kinds: KeyworkerKind[]; since: string }>();
    for (const a of assignments) {
      const entry = byPerson.get(a.personId) ?? { kinds: [], since: a.assignedAt };
      entry.kinds.push(a.kind);
      if (a.assignedAt < entry.since) entry.since = a.assignedAt;
      byPerson.set(a.personId, entry);
    }
    const summaries = new Map(call.reads.identity.summaries([...byPerson.keys()]).map((p) => [p.id, p]));
    people = [...byPerson.entries()].flatMap(([personId, entry]) => {
      const person = summaries.get(personId);
      if (!person) return [];
      const open = call.reads.tasks.list({ siteCode: site, personId, status: 'open' });
      const next = open[0];
      const c = counts(open, now);
      return [
        {
          person,
          kinds: entry.kinds,
          since: entry.since,
          nextDue: next ? { title: next.title, dueAt: next.dueAt, dueOn: next.dueOn, ...taskUrgency(next, now) } : null,
          openTasks: c.openTasks,
          overdueTasks: c.overdueTasks,
        },
      ];
    });
    people.sort((a, b) => (a.nextDue?.dueAt ?? '9999').localeCompare(b.nextDue?.dueAt ?? '9999'));
  }
  call.note = { detail: { worker: input.workerId, people: people.length } };
  return { workers, people };
}
