// What the clinician has typed into a template form, item by item, and the answers it means.
// Boxes keep exactly what was typed (a half-typed number, a date missing its year) so nothing is
// lost; `toAnswers` turns them into the domain's answers, leaving anything unreadable as text so
// the domain evaluator names the problem at the item ("Enter a number", "Enter a real date").
import { NOT_DISCLOSED, type AnswerValue, type Answers } from '../../../domain/templates/answers';
import { templateItems, type Item, type Template } from '../../../domain/templates/template-schema';
import { checkDateTime, draftFromDate, emptyDateTime, type DateTimeDraft } from '../../format/date-time-input';

export type DraftValue = string | string[] | DateTimeDraft;
export type FormDraft = Record<string, DraftValue>;

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/;

function asText(v: DraftValue | undefined): string {
  return typeof v === 'string' ? v : '';
}

function asList(v: DraftValue | undefined): string[] {
  return Array.isArray(v) ? v : [];
}

export function asDateTime(v: DraftValue | undefined): DateTimeDraft {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : emptyDateTime;
}

function dateAnswer(d: DateTimeDraft): AnswerValue {
  const { day, month, year } = d;
  if (!day.trim() && !month.trim() && !year.trim()) return null;
  const iso = `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : `${day}/${month}/${year}`;
}

function dateTimeAnswer(d: DateTimeDraft): AnswerValue {
  if (!d.day.trim() && !d.month.trim() && !d.year.trim() && !d.time.trim()) return null;
  const check = checkDateTime(d, { label: 'Date', now: new Date(), notFuture: false });
  return check.ok ? check.iso : `${d.day}/${d.month}/${d.year} ${d.time}`;
}

/** The answer an item's box holds, as the domain reads answers. */
export function answerOf(item: Item, value: DraftValue | undefined): AnswerValue {
  if (item.kind !== 'info' && item.notDisclosed && value === NOT_DISCLOSED) return NOT_DISCLOSED;
  switch (item.kind) {
    case 'info':
      return null;
    case 'text':
    case 'choice':
    case 'scored':
      return asText(value) === '' ? null : asText(value);
    case 'number': {
      const t = asText(value).trim();
      if (t === '') return null;
      return NUMBER.test(t) ? Number(t) : t;
    }
    case 'yesNo':
      return value === 'yes' ? true : value === 'no' ? false : null;
    case 'multiChoice':
    case 'bodyMap':
      return asList(value).length > 0 ? asList(value) : null;
    case 'date':
      return dateAnswer(asDateTime(value));
    case 'dateTime':
      return dateTimeAnswer(asDateTime(value));
  }
}

export function toAnswers(template: Template, draft: FormDraft): Answers {
  const answers: Answers = {};
  for (const item of templateItems(template)) {
    const a = answerOf(item, draft[item.id]);
    if (a !== null) answers[item.id] = a;
  }
  return answers;
}

/** Saved answers back in the boxes (to amend an entry). */
export function draftFromAnswers(template: Template, answers: Answers): FormDraft {
  const draft: FormDraft = {};
  for (const item of templateItems(template)) {
    const a = answers[item.id];
    if (a === undefined || a === null) continue;
    if (item.kind !== 'info' && item.notDisclosed && a === NOT_DISCLOSED) draft[item.id] = NOT_DISCLOSED;
    else if (item.kind === 'yesNo') draft[item.id] = a === true ? 'yes' : 'no';
    else if ((item.kind === 'multiChoice' || item.kind === 'bodyMap') && Array.isArray(a)) draft[item.id] = a;
    else if (item.kind === 'date' && typeof a === 'string') {
      const [y = '', m = '', d = ''] = a.split('-');
      draft[item.id] = { day: String(Number(d)), month: String(Number(m)), year: y, time: '' };
    } else if (item.kind === 'dateTime' && typeof a === 'string') draft[item.id] = draftFromDate(new Date(a));
    else draft[item.id] = String(a);
  }
  return draft;
}

/** Whether the clinician has put anything in the box (for progress), valid or not. */
export function hasInput(item: Item, value: DraftValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return [value.day, value.month, value.year, item.kind === 'dateTime' ? value.time : ''].some((p) => p.trim() !== '');
}

/** The control the error summary moves to for an item. */
export function itemTarget(item: Item): string {
  switch (item.kind) {
    case 'choice':
    case 'scored':
    case 'multiChoice':
    case 'bodyMap':
      return `item-${item.id}-opt-0`;
    case 'yesNo':
      return `item-${item.id}-yes`;
    case 'date':
    case 'dateTime':
      return `item-${item.id}-day`;
    default:
      return `item-${item.id}`;
  }
}
