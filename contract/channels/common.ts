// Shared input schemas for every channel: free text, names, real calendar dates and date-times,
// record ids. Every channel takes its dates and names from here, so one rule holds everywhere.
import { z } from 'zod';

/**
 * Characters no name or note needs, named for the person who typed or pasted them. Direction
 * overrides and invisible characters can make one name display as another (a wrong-patient
 * hazard); controls break printed copies; non-characters, private-use and unassigned code points
 * and lone surrogates are not text (a lone surrogate would be stored as U+FFFD).
 */
const KINDS: { test: RegExp; what: string }[] = [
  { test: /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u, what: 'a direction-changing character' },
  { test: /[\u200b\u2060\ufeff\u00ad\u115f\u1160\u3164\uffa0\u180e\u2061-\u2064]|\u034f/u, what: 'an invisible character' },
  { test: /[\u200c\u200d]/u, what: 'an invisible joining character' },
  { test: /\p{Cs}/u, what: 'a broken character (half of a surrogate pair)' },
  { test: /[\p{Cc}\u2028\u2029]/u, what: 'a control character or line break' },
  { test: /[\p{Cn}\p{Co}]/u, what: 'a code point that is not a character' },
  { test: /\p{Cf}/u, what: 'an invisible formatting character' },
];

/** The first character not allowed, as "U+202E (a direction-changing character)", or null. */
export function disallowedCharacter(value: string, allowJoiners: boolean): string | null {
  for (const ch of value) {
    if (allowJoiners && (ch === '\u200c' || ch === '\u200d')) continue;
    const kind = KINDS.find((k) => k.test.test(ch));
    if (kind) return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} (${kind.what})`;
  }
  return null;
}

function safeCharacters(label: string, allowJoiners: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const bad = disallowedCharacter(value, allowJoiners);
    if (bad) ctx.addIssue({ code: 'custom', message: `${label} contains a character that is not allowed: ${bad}. Retype it rather than pasting it.` });
  };
}

/** Free text from a person (notes, reasons, search): trimmed, bounded, no control, direction or invisible characters. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .superRefine(safeCharacters(label, true));
}

export function requiredText(label: string, max: number) {
  return text(label, max).refine((v) => v.length > 0, { error: `Enter ${label.toLowerCase()}` });
}

/**
 * A person's name (or part of one): as free text, but also without joining characters or spaces
 * other than the ordinary one, and in Unicode's composed form, so two names that look the same
 * are the same.
 */
export function nameText(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    .superRefine(safeCharacters(label, false))
    .refine((v) => !/[^\S ]/u.test(v), { error: `${label} may contain ordinary spaces only` })
    .transform((v) => v.normalize('NFC'));
}

export function requiredName(label: string, max: number) {
  return nameText(label, max).refine((v) => v.length > 0, { error: `Enter ${label.toLowerCase()}` });
}

/** Years a date in a clinical record can fall in. */
export const EARLIEST_YEAR = 1850;
export const LATEST_YEAR = 2200;

function yearInRange(value: string): boolean {
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

/** A real calendar date, yyyy-mm-dd (no 2024-02-30, no 2024-13-45, no 0000-00-00). */
export function calendarDate(label = 'Date') {
  return z
    .string({ error: `${label} must be a date` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be in the form yyyy-mm-dd` })
    .pipe(z.iso.date({ error: `${label} is not a real date` }))
    .refine(yearInRange, { error: `${label} must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}` });
}

/** A real date and time with its offset from UTC (2026-11-23T09:00:00Z). */
export function calendarDateTime(label = 'Date and time') {
  return z
    .string({ error: `${label} must be a date and time` })
    .pipe(z.iso.datetime({ offset: true, error: `${label} must be a real date and time, with its time zone` }))
    .refine(yearInRange, { error: `${label} must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}` });
}

export const uuidSchema = z.uuid({ error: 'Must be a record id' });

export const emptyInput = z.object({}).strict();
