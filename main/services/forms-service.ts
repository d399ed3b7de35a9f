// Recording clinical forms. The server evaluates the answers again with the same domain code the
// screen used, saves the response with its scores, bands, flags and codes, and in the same
// transaction raises the derived flags and creates the tasks and referrals the template names.
// Responses are never edited in place: amendments and entered-in-error are new versions.
import { addDays } from 'date-fns';
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { SavedResponse } from '../../contract/channels/forms';
import { displayResponse } from '../../domain/templates/display';
import { evaluateResponse } from '../../domain/templates/evaluate';
import { amendResponse, finaliseResponse, formResponseSchema, markEnteredInError, type FormResponse, type SaveResult } from '../../domain/templates/response';
import type { TemplateRegistry } from '../../domain/templates/registry';
import type { Template } from '../../domain/templates/template-schema';
import type { FormResponseRow } from '../../db/forms-repo';
import type { StoreWrites } from '../../db/store';
import { roleSchema } from '../../domain/access/roles';
import type { Call } from './call';
import { derivedFlagChanges } from './derived-flags';
import { raiseFlagIn, updateFlagIn } from './flags-service';
import { requireRelationship } from './relationship';
import { ServiceError } from './service-error';
import { createTaskIn } from './tasks-service';
import { sensitivityOf } from '../../domain/templates/sensitivity';
import { offeredAt } from '../../domain/templates/offered';
import { ALCOHOL_QUESTIONS, wordingSettings } from '../../domain/templates/library/wordings';
import { completionNote, responseCompleting, taskCompletedBy } from '../../domain/templates/tasks';
import { formatClinicalDateTime } from '../../domain/person/clinical-time';
import { HANDOVER_TASK_KIND } from './task-alerts';
import { taskSensitivity } from '../../domain/tasks/task-kinds';
import { checkObservationTime, isLateEntry, MAX_OBSERVATION_AGE_HOURS, observedAtOf } from '../../domain/templates/observation-time';
import { substanceUseScope, templateNeedsDetail } from '../../domain/access/substance-use-scope';
import { referralSourceOfTemplate } from '../../domain/sms/referral-services';

/** Whether the caller may record and read this form (the TOP is substance-use detail). */
function inScope(templateId: string, call: Call): boolean {
  return !templateNeedsDetail(templateId) || substanceUseScope(call.requireSession().roles) === 'detail';
}

function requireScope(templateId: string, title: string, call: Call): void {
  if (!inScope(templateId, call)) throw new ServiceError('forbidden', `${title} is substance misuse detail: it is recorded and read by the substance misuse team.`);
}

/** Where the template is used, and (for a template in one of several wordings) the wording this site chose. */
function offeredHere(template: Template, call: Call): boolean {
  return offeredAt(template, { siteType: call.site.siteType, wordings: { [ALCOHOL_QUESTIONS.id]: call.site.alcoholQuestions } }, wordingSettings);
}

export function listTemplates(_input: ParsedInput<'forms.templates'>, call: Call): ChannelOutput<'forms.templates'> {
  const registry = call.env.templates;
  const latest = [...new Set(registry.all().map((t) => t.id))].flatMap((id) => registry.latest(id) ?? []);
  return {
    templates: latest
      .filter((t) => offeredHere(t, call) && inScope(t.id, call))
      .map((t) => ({
        id: t.id,
        version: t.version,
        title: t.title,
        category: t.use?.category ?? 'assessment',
        charted: t.use?.charted ?? false,
        handover: t.use?.handover ?? false,
      })),
  };
}

export function getTemplate(input: ParsedInput<'forms.template'>, call: Call): ChannelOutput<'forms.template'> {
  const registry = call.env.templates;
  const template = input.version === null ? registry.latest(input.id) : registry.get(input.id, input.version);
  if (!template) throw new ServiceError('not_found', 'There is no such form at this site.');
  call.note = { detail: { template: `${template.id}@${template.version}` } };
  return { template };
}

function refused(result: Extract<SaveResult, { ok: false }>): ServiceError {
  const issues = result.error.issues.map((i) => ({ path: `answers.${i.itemId}`, message: i.message }));
  if (result.error.code === 'REASON_REQUIRED') return new ServiceError('invalid_input', result.error.message, 'reason');
  if (result.error.code === 'INCOMPLETE') return new ServiceError('invalid_input', result.error.message, issues[0]?.path, issues);
  return new ServiceError('conflict', result.error.message);
}

function bodyOf(row: FormResponseRow): FormResponse {
  return formResponseSchema.parse(row.body);
}

/** `firstRecordedAt`: when the entry's first version was recorded (lateness is judged on that). */
export function responseView(row: FormResponseRow, registry: TemplateRegistry, firstRecordedAt: string = row.recordedAt): SavedResponse {
  const body = bodyOf(row);
  const view = displayResponse(body, registry);
  const observedAt = observedAtOf(body);
  return {
    id: row.id,
    entryId: row.chainId,
    version: row.version,
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    title: view.title,
    status: row.status,
    current: row.current,
    recordedAt: row.recordedAt,
    observedAt,
    lateEntry: isLateEntry(observedAt, firstRecordedAt),
    originSite: row.originSite,
    recordedByName: row.recordedByName,
    reason: row.reason,
    answers: body.answers,
    advice: body.advice ?? [],
    sections: view.sections,
    scores: body.scores,
    flags: body.flags,
    codes: body.codes,
  };
}

interface Outcome {
  flagsRaised: string[];
  tasksCreated: string[];
  referralsCreated: string[];
}

/**
 * A custody assessment's findings must reach the custody officer verbally and in writing: until the
 * handover is recorded it is a task (and a banner tag). An amendment changes the findings, so it
 * needs handing over again.
 */
function handoverTaskIn(w: StoreWrites, call: Call, template: Template, response: FormResponse, personId: string, stayId: string | null): string | null {
  if (!template.use?.handover) return null;
  const open = w.tasks.list({ siteCode: call.site.siteCode, personId, status: 'open' }).some((t) => t.kind === HANDOVER_TASK_KIND);
  if (open) return null;
  const title = 'Hand over the findings to the custody officer, verbally and in writing';
  createTaskIn(w, call, {
    personId,
    stayId,
    kind: HANDOVER_TASK_KIND,
    title,
    detail: `${template.title}${response.version > 1 ? ` (amended, version ${response.version})` : ''} recorded ${formatClinicalDateTime(response.recordedAt)}`,
    forRole: null,
    dueAt: response.recordedAt,
    sourceResponseId: response.id,
  });
  return title;
}

/** The open task this form completes (the second-stage assessment completes the 7-day task), closed as done with the response. */
function completeTaskIn(w: StoreWrites, call: Call, template: Template, response: FormResponse, personId: string, stayId: string | null): string | null {
  const open = w.tasks.list({ siteCode: call.site.siteCode, personId, status: 'open' });
  const task = taskCompletedBy(template, open, stayId);
  if (!task) return null;
  const row = open.find((t) => t.id === task.id)!;
  w.emit({
    type: 'task.closed',
    recordType: 'task',
    recordId: row.id,
    personId,
    baseVersion: row.version,
    sensitivity: taskSensitivity(row.kind),
    payload: { outcome: 'done', note: completionNote(template, response.id) },
  });
  return row.title;
}

/**
 * An entry entered in error no longer meets the task it completed (the second-stage assessment's
 * 7-day task): the obligation is open again, or the requirement would look met. A closed task is
 * never reopened in place (tasks close once, as every site sees them), so an open task like it is
 * made: same kind, title, stay, role and due date (the deadline from reception still stands), and
 * saying why. Saving the assessment again then completes that task.
 *
 * The task may be another site's (the prison that received the person, the entry marked at the site
 * they moved to): the new task is that site's, on its list, and reaches it by sync like any task.
 */
function reopenTasksMetByIn(w: StoreWrites, call: Call, row: FormResponseRow, reason: string): string[] {
  const here = call.site.siteCode;
  const done = w.tasks.doneForPerson(row.personId).filter((t) => {
    const by = responseCompleting(t.closeNote);
    return by !== null && w.forms.get(by)?.chainId === row.chainId;
  });
  for (const task of done) {
    createTaskIn(w, call, {
      personId: task.personId,
      stayId: task.stayId,
      kind: task.kind,
      title: task.title,
      detail: `Open again: the form that completed it (recorded ${formatClinicalDateTime(row.recordedAt)}) was entered in error${task.siteCode === here ? '' : ` at ${here}`}: ${reason}`,
      forRole: roleSchema.safeParse(task.forRole).data ?? null,
      dueAt: task.dueAt,
      sourceResponseId: task.sourceResponseId,
      siteCode: task.siteCode,
    });
  }
  return done.map((t) => (t.siteCode === here ? t.title : `${t.title} (at ${t.siteCode})`));
}

/** Flags, tasks and referrals from a saved version; rules that already fired for the entry's earlier version are not repeated. */
function applyConsequences(w: StoreWrites, call: Call, template: Template, response: FormResponse, personId: string, stayId: string | null, before: FormResponse | null): Outcome {
  const outcome: Outcome = { flagsRaised: [], tasksCreated: [], referralsCreated: [] };
  const updates = derivedFlagChanges(w, template, response, personId);
  for (const flag of updates.raise) {
    raiseFlagIn(w, call, flag);
    outcome.flagsRaised.push(flag.label);
  }
  for (const { flag, change } of updates.update) updateFlagIn(w, flag, change);
  const firedBefore = new Set(before ? evaluateResponse(template, before.answers).effects.map((e) => e.ruleId) : []);
  const now = call.env.now();
  for (const effect of evaluateResponse(template, response.answers).effects) {
    if (firedBefore.has(effect.ruleId)) continue;
    if (effect.kind === 'task') {
      const dueAt = addDays(now, effect.dueInDays).toISOString();
      createTaskIn(w, call, { personId, stayId, kind: effect.taskKind, title: effect.title, detail: effect.because, forRole: effect.forRole ?? null, dueAt, sourceResponseId: response.id });
      outcome.tasksCreated.push(effect.title);
    } else {
      w.emit({
        type: 'referral.made',
        recordType: 'referral',
        recordId: call.env.newId(),
        personId,
        baseVersion: null,
        sensitivity: effect.toService === 'substance_misuse' ? 'substance_use' : 'mental_health',
        payload: {
          siteCode: call.site.siteCode,
          toService: effect.toService,
          reason: effect.reason,
          sourceResponseId: response.id,
          source: referralSourceOfTemplate[template.id] ?? 'healthcare',
          urgency: 'routine',
        },
      });
      outcome.referralsCreated.push(effect.reason);
    }
  }
  return outcome;
}

/** Emits one version of an entry: recorded, amended or entered in error, based on the version before it. */
function emitVersion(w: StoreWrites, response: FormResponse, personId: string, stayId: string | null): void {
  const common = { recordType: 'form_response', recordId: response.entryId, personId, sensitivity: sensitivityOf({ id: response.templateId }), payload: { stayId, response } } as const;
  if (response.version === 1) w.emit({ ...common, type: 'form.recorded', baseVersion: null });
  else if (response.status === 'entered_in_error') w.emit({ ...common, type: 'form.entered_in_error', baseVersion: response.version - 1 });
  else w.emit({ ...common, type: 'form.amended', baseVersion: response.version - 1 });
}

export function saveForm(input: ParsedInput<'forms.save'>, call: Call): ChannelOutput<'forms.save'> {
  const session = call.requireSession();
  if (!call.reads.persons.get(input.personId)) throw new ServiceError('not_found', 'No person with this record id is held at this site.');
  const registry = call.env.templates;
  const template = registry.get(input.templateId, input.templateVersion);
  if (!template) throw new ServiceError('not_found', 'There is no such form at this site.');
  if (registry.latest(input.templateId)?.version !== template.version) {
    throw new ServiceError('conflict', 'This form has been updated since it was opened. Your answers were not saved; reopen the form.');
  }
  if (!offeredHere(template, call)) throw new ServiceError('forbidden', `${template.title} is not used at this kind of site.`);
  requireScope(template.id, template.title, call);
  const now = call.env.now();
  if (input.observedAt !== null) {
    const problem = checkObservationTime(input.observedAt, now);
    if (problem === 'future') throw new ServiceError('invalid_input', 'The time of the observation cannot be in the future.', 'observedAt');
    if (problem === 'too_old') throw new ServiceError('invalid_input', `The observation must have been made in the last ${MAX_OBSERVATION_AGE_HOURS} hours; record older findings in a note.`, 'observedAt');
  }
  const result = finaliseResponse(template, input.answers, { id: call.env.newId(), at: now.toISOString(), by: session.userId, ...(input.observedAt ? { observedAt: new Date(input.observedAt).toISOString() } : {}) });
  if (!result.ok) throw refused(result);
  const response = result.response;
  const stayId = call.reads.stays.openAt(input.personId, call.site.siteCode)?.id ?? null;
  const outcome = call.write(
    (w) => {
      emitVersion(w, response, input.personId, stayId);
      const done = completeTaskIn(w, call, template, response, input.personId, stayId);
      const consequences = applyConsequences(w, call, template, response, input.personId, stayId, null);
      const handover = handoverTaskIn(w, call, template, response, input.personId, stayId);
      return { ...consequences, tasksCreated: [...consequences.tasksCreated, ...(handover ? [handover] : [])], tasksCompleted: done ? [done] : [] };
    },
    (o) => ({ personId: input.personId, detail: { template: `${template.id}@${template.version}`, flags: o.flagsRaised.length, tasks: o.tasksCreated.length } }),
  );
  return { responseId: response.id, ...outcome };
}

function currentVersion(call: Call, responseId: string): FormResponseRow {
  const row = call.reads.forms.get(responseId);
  if (!row) throw new ServiceError('not_found', 'No such form response.');
  if (!row.current) throw new ServiceError('conflict', 'A newer version of this entry exists. Open the latest version.');
  requireRelationship(call, row.personId);
  requireScope(row.templateId, row.templateId, call);
  return row;
}

export function amendForm(input: ParsedInput<'forms.amend'>, call: Call): ChannelOutput<'forms.amend'> {
  const session = call.requireSession();
  const row = currentVersion(call, input.responseId);
  const previous = bodyOf(row);
  const template = call.env.templates.forResponse(previous);
  if (!template) throw new ServiceError('conflict', `The form ${previous.templateId} version ${previous.templateVersion} is not available here to amend with.`);
  const result = amendResponse(previous, template, input.answers, input.reason, { id: call.env.newId(), at: call.env.now().toISOString(), by: session.userId });
  if (!result.ok) throw refused(result);
  const outcome = call.write(
    (w) => {
      emitVersion(w, result.response, row.personId, row.stayId);
      const consequences = applyConsequences(w, call, template, result.response, row.personId, row.stayId, previous);
      const handover = handoverTaskIn(w, call, template, result.response, row.personId, row.stayId);
      return { ...consequences, tasksCreated: [...consequences.tasksCreated, ...(handover ? [handover] : [])] };
    },
    () => ({ personId: row.personId, detail: { entry: row.chainId, version: result.response.version } }),
  );
  return { responseId: result.response.id, ...outcome, tasksCompleted: [] };
}

export function markFormEnteredInError(input: ParsedInput<'forms.markEnteredInError'>, call: Call): ChannelOutput<'forms.markEnteredInError'> {
  const session = call.requireSession();
  const row = currentVersion(call, input.responseId);
  const previous = bodyOf(row);
  const result = markEnteredInError(previous, input.reason, { id: call.env.newId(), at: call.env.now().toISOString(), by: session.userId });
  if (!result.ok) throw refused(result);
  const tasksReopened = call.write(
    (w) => {
      emitVersion(w, result.response, row.personId, row.stayId);
      return reopenTasksMetByIn(w, call, row, input.reason);
    },
    (reopened) => ({ personId: row.personId, detail: { entry: row.chainId, ...(reopened.length > 0 ? { tasksReopened: reopened.length } : {}) } }),
  );
  return { responseId: result.response.id, tasksReopened };
}

export function listForms(input: ParsedInput<'forms.list'>, call: Call): ChannelOutput<'forms.list'> {
  call.note = { personId: input.personId };
  const rows = call.reads.forms.forPerson(input.personId, input.templateId, input.includeHistory).filter((row) => inScope(row.templateId, call));
  return { responses: rows.map((row) => responseView(row, call.env.templates, call.reads.forms.firstRecordedAt(row.chainId) ?? row.recordedAt)) };
}
