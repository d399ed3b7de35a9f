// What the form shows beside the boxes while the clinician types, from the domain evaluator (the
// same code the server runs before saving): points per scored item, progress per section, and the
// problems to show at each item.
import type { Answers, ItemIssue } from '../../../domain/templates/answers';
import type { Evaluation } from '../../../domain/templates/evaluate';
import { itemPoints } from '../../../domain/templates/scoring';
import type { Item, Template } from '../../../domain/templates/template-schema';
import { hasInput, type FormDraft } from './form-draft';

/** Points each answered, valid, enabled item adds to the first score that counts it. */
export function pointsByItem(template: Template, answers: Answers, evaluation: Evaluation): Map<string, number> {
  const enabled = new Set(evaluation.enabledItems);
  const invalid = new Set(evaluation.issues.map((i) => i.itemId));
  const items = new Map(template.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
  const points = new Map<string, number>();
  for (const rule of template.scores) {
    for (const id of rule.items) {
      const item = items.get(id);
      const answer = answers[id];
      if (!item || points.has(id) || !enabled.has(id) || invalid.has(id) || answer === undefined || answer === null) continue;
      points.set(id, itemPoints(item, answer, rule.numberBands?.[id]));
    }
  }
  return points;
}

export interface SectionProgress {
  id: string;
  title: string;
  answered: number;
  total: number;
}

const answerable = (item: Item) => item.kind !== 'info';

/** Questions answered of those that apply now, per section. */
export function sectionProgress(template: Template, draft: FormDraft, evaluation: Evaluation): SectionProgress[] {
  const enabled = new Set(evaluation.enabledItems);
  return template.sections.map((s) => {
    const items = s.items.filter((i) => answerable(i) && enabled.has(i.id));
    return { id: s.id, title: s.title, answered: items.filter((i) => hasInput(i, draft[i.id])).length, total: items.length };
  });
}

/**
 * Problems to show at the items. Before the first save attempt only answers that no longer apply
 * are shown (so an untouched form is not covered in red); after it, every problem, live, so each
 * disappears as it is put right.
 */
export function visibleIssues(evaluation: Evaluation, attempted: boolean): ItemIssue[] {
  return attempted ? evaluation.issues : evaluation.issues.filter((i) => i.kind === 'notApplicable');
}
