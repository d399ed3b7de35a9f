// Answers to a template, keyed by item id, and the check of one answer against its item. The
// messages are written to be shown at the item itself, so they do not repeat the question.
import { z } from 'zod';
import { formatClinicalDate } from '../person/clinical-date';
import { bodyRegion } from './body-map';
import type { Item } from './template-schema';

/** What a renderer or a wire message may hold for one item. null (or '' or []) means "not answered". */
export const answerValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

export const answersSchema = z.record(z.string(), answerValueSchema);
export type Answers = z.infer<typeof answersSchema>;

export const issueKindSchema = z.enum(['required', 'invalid', 'outOfRange', 'unknownOption', 'tooLong', 'notApplicable', 'unknownItem', 'inconsistent']);

/**
 * The answer "Not disclosed": the person was asked and declined (FHIR's data-absent reason
 * "asked-declined"). Valid only for an item that allows it (`notDisclosed: true`).
 */
export const NOT_DISCLOSED = 'not-disclosed';

/** Whether an answer is "Not disclosed" for an item that allows it. */
export function isDeclined(item: Pick<Item, 'notDisclosed'>, value: AnswerValue | undefined): boolean {
  return item.notDisclosed === true && value === NOT_DISCLOSED;
}
export type IssueKind = z.infer<typeof issueKindSchema>;

/** A problem with one answer, to be shown at that item. */
export const itemIssueSchema = z.object({ itemId: z.string(), kind: issueKindSchema, message: z.string() });
export type ItemIssue = z.infer<typeof itemIssueSchema>;

const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });

/** Blank text, an empty selection and null all mean the clinician has not answered (yet). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The message asking for a missing required answer, worded for the kind of control. */
export function requiredMessage(item: Item): string {
  switch (item.kind) {
    case 'choice':
    case 'scored':
      return 'Select an answer';
    case 'multiChoice':
      return 'Select at least one option';
    case 'bodyMap':
      return 'Mark at least one area of the body';
    case 'yesNo':
      return 'Select yes or no';
    case 'number':
      return 'Enter a number';
    case 'date':
      return 'Enter a date';
    case 'dateTime':
      return 'Enter a date and time';
    default:
      return 'Enter an answer';
  }
}

function rangeText(item: { min?: number; max?: number; unit?: string }): string {
  const unit = item.unit ? ` ${item.unit}` : '';
  if (item.min !== undefined && item.max !== undefined) return `between ${item.min} and ${item.max}${unit}`;
  if (item.min !== undefined) return `of ${item.min}${unit} or more`;
  return `of ${item.max}${unit} or less`;
}

type Problem = { kind: IssueKind; message: string } | null;

/** What is wrong with an answer that has been given (see isAnswered), or null when it is valid. */
export function answerProblem(item: Item, value: AnswerValue): Problem {
  if (item.kind !== 'info' && isDeclined(item, value)) return null;
  switch (item.kind) {
    case 'info':
      return { kind: 'invalid', message: 'This is information only and takes no answer' };
    case 'text':
      if (typeof value !== 'string') return { kind: 'invalid', message: 'Enter text' };
      if (item.maxLength !== undefined && value.length > item.maxLength) {
        return { kind: 'tooLong', message: `Enter no more than ${item.maxLength} characters (you entered ${value.length})` };
      }
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return { kind: 'invalid', message: 'Enter a number' };
      if (item.integer && !Number.isInteger(value)) return { kind: 'invalid', message: 'Enter a whole number' };
      if ((item.min !== undefined && value < item.min) || (item.max !== undefined && value > item.max)) {
        return { kind: 'outOfRange', message: `Enter a value ${rangeText(item)}` };
      }
      return null;
    case 'choice':
    case 'scored':
      if (typeof value !== 'string') return { kind: 'invalid', message: 'Select one of the options' };
      if (!item.options.some((o) => o.value === value)) {
        return { kind: 'unknownOption', message: `"${value}" is not one of the options for this question` };
      }
      return null;
    case 'multiChoice': {
      if (!Array.isArray(value)) return { kind: 'invalid', message: 'Select from the options' };
      const unknown = value.find((v) => !item.options.some((o) => o.value === v));
      if (unknown !== undefined) return { kind: 'unknownOption', message: `"${unknown}" is not one of the options for this question` };
      if (new Set(value).size !== value.length) return { kind: 'invalid', message: 'Each option can be chosen only once' };
      return null;
    }
    case 'bodyMap': {
      if (!Array.isArray(value)) return { kind: 'invalid', message: 'Mark areas of the body' };
      const unknown = value.find((v) => !bodyRegion(v));
      if (unknown !== undefined) return { kind: 'unknownOption', message: `"${unknown}" is not an area of the body map` };
      if (new Set(value).size !== value.length) return { kind: 'invalid', message: 'Each area can be marked only once' };
      return null;
    }
    case 'yesNo':
      return typeof value === 'boolean' ? null : { kind: 'invalid', message: 'Select yes or no' };
    case 'date':
      return typeof value === 'string' && isoDate.safeParse(value).success ? null : { kind: 'invalid', message: 'Enter a real date' };
    case 'dateTime':
      return typeof value === 'string' && isoDateTime.safeParse(value).success
        ? null
        : { kind: 'invalid', message: 'Enter a real date and time, with its time zone' };
  }
}

// UK clinical time: the wall clock in England, whatever the machine's zone, so a record reads the
// same at every site and on the server.
const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-12-01T08:30:00Z" -> "01-Dec-2026 08:30" (UK time); an unreadable value is shown as typed. */
export function formatClinicalDateTime(iso: string): string {
  const date = new Date(iso);
  if (!isoDateTime.safeParse(iso).success || Number.isNaN(date.getTime())) return iso;
  const parts = UK_TIME.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // Three-letter months (NHS style): some ICU versions write September as "Sept".
  return `${part('day')}-${part('month').slice(0, 3)}-${part('year')} ${part('hour')}:${part('minute')}`;
}

/** An answer as a clinician reads it: option labels rather than stored values, units, dd-Mmm-yyyy dates. */
export function formatAnswer(item: Item, value: AnswerValue | undefined): string {
  if (!isAnswered(value) || value === undefined || value === null) return 'Not answered';
  if (isDeclined(item, value)) return 'Not disclosed';
  const labelOf = (v: string): string =>
    'options' in item ? (item.options.find((o) => o.value === v)?.label ?? v) : v;
  switch (item.kind) {
    case 'choice':
    case 'scored':
      return typeof value === 'string' ? labelOf(value) : String(value);
    case 'multiChoice':
      return Array.isArray(value) ? value.map(labelOf).join('; ') : String(value);
    case 'bodyMap':
      return Array.isArray(value) ? value.map((v) => bodyRegion(v)?.label ?? v).join('; ') : String(value);
    case 'yesNo':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'number':
      return item.unit ? `${String(value)} ${item.unit}` : String(value);
    case 'date':
      return typeof value === 'string' ? formatClinicalDate(value) : String(value);
    case 'dateTime':
      return typeof value === 'string' ? formatClinicalDateTime(value) : String(value);
    default:
      return Array.isArray(value) ? value.join('; ') : String(value);
  }
}
