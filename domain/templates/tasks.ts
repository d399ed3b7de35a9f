// Which open task a saved response completes. A template declares the task kind it completes
// (use.completesTask: the second-stage health assessment completes 'second-stage-assessment');
// the saving service passes the person's open tasks and closes the one chosen here, as done, in
// the same transaction as the response, with the note below. A pure function, so the rule is the
// same on screen (the form can say "Saving completes the task due ...") and on save.
import type { Template } from './template-schema';

export type OpenTask = { id: string; kind: string; status: string; dueAt: string; stayId: string | null };

/**
 * The open task of the kind the template completes: the one for the current stay when there is
 * one, otherwise any; the earliest due first (the oldest obligation is met first). Null when the
 * template completes no task or none is open.
 */
export function taskCompletedBy(template: Template, tasks: readonly OpenTask[], currentStayId: string | null): OpenTask | null {
  const kind = template.use?.completesTask;
  if (!kind) return null;
  const open = tasks.filter((t) => t.kind === kind && t.status === 'open');
  const sameStay = currentStayId === null ? [] : open.filter((t) => t.stayId === currentStayId);
  const pool = sameStay.length > 0 ? sameStay : open;
  return [...pool].sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1))[0] ?? null;
}

/** The note the task is closed with, so the task list says how it was met (the response id finds the form). */
export function completionNote(template: Template, responseId: string): string {
  return `Completed by ${template.title} (version ${template.version}), response ${responseId}`;
}

const COMPLETION_NOTE = /^Completed by .+ \(version \d+\), response (\S+)$/;

/** The response that completed a task, read back from its close note (null when it was closed by hand). */
export function responseCompleting(closeNote: string | null): string | null {
  return closeNote === null ? null : (COMPLETION_NOTE.exec(closeNote)?.[1] ?? null);
}
