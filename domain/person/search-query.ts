// One search box takes a name, a date of birth or an NHS number (UX.md "search is the front door").
// This decides which, so the store can run the one indexed query that answers it.
import { parseTypedDate, type IsoDate } from './clinical-date';
import { searchTokens } from './person-name';

export type SearchQuery =
  | { kind: 'empty' }
  | { kind: 'nhsNumber'; digitsPrefix: string }
  | { kind: 'birthDate'; birthDate: IsoDate }
  | { kind: 'name'; tokens: string[]; birthDate: IsoDate | null };

const MAX_TOKENS = 5;

export function parseSearchQuery(text: string): SearchQuery {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  // A whole date first: 14-07-1945 is a date of birth, not the digits 14071945.
  const whole = parseTypedDate(trimmed);
  if (whole) return { kind: 'birthDate', birthDate: whole };

  const compact = trimmed.replace(/[\s-]/g, '');
  if (/^\d{1,10}$/.test(compact)) return { kind: 'nhsNumber', digitsPrefix: compact };

  // A name with a date of birth anywhere in it: "smith 14/07/1945".
  let birthDate: IsoDate | null = null;
  const words: string[] = [];
  for (const part of trimmed.split(/\s+/)) {
    // Only a word with a digit can be a date (spares the date parser on every name word).
    const date: IsoDate | null = birthDate === null && /\d/.test(part) ? parseTypedDate(part) : null;
    if (date) birthDate = date;
    else words.push(part);
  }
  const tokens = searchTokens(words.join(' ')).slice(0, MAX_TOKENS);
  if (tokens.length === 0) return birthDate ? { kind: 'birthDate', birthDate } : { kind: 'empty' };
  return { kind: 'name', tokens, birthDate };
}
