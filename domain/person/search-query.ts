// One search box takes a name, a date of birth or any identifier a person holds (search
// is the front door). This reads what was typed into the lookups that can answer it:
// - identifiers: the whole text checked as each identifier type, in the forms people type them
//   (PNC 03/12345n, a prison number in lower case, an NHS number with spaces); a 10-digit number
//   is tried as both an NHS and a CHI number; a local id in any case. Only text with a digit is
//   tried as an identifier.
// - a number still being typed (not yet a whole valid NHS or CHI number): NHS and CHI numbers
//   starting with its digits;
// - a name, with a date of birth anywhere in it ("smith 3/4/88", "mary jones 3 April 1988");
// - a date of birth on its own.
import { checkIdentifier, type IdentifierContext, type IdentifierType } from '../identifiers/identifier-types';
import type { IsoDate } from './clinical-date';
import { queryWords } from './search-keys';
import type { NameQuery } from './search-rank';
import { findBirthDate } from './typed-birth-date';

export interface IdentifierProbe {
  type: IdentifierType;
  /** The canonical value, as stored. */
  value: string;
}

export interface SearchPlan {
  /** Exact identifier lookups; empty when the text cannot be an identifier. */
  identifiers: IdentifierProbe[];
  /** Digits typed so far (1-10): NHS and CHI numbers that start with them. */
  numberPrefix: string | null;
  name: NameQuery | null;
  /** A date of birth typed on its own. */
  birthDate: IsoDate | null;
}

export interface SearchContext {
  /** Today (ISO), for two-digit years and the PNC year window. */
  today: IsoDate;
  /** The site's custody record number shape, when it has its own. */
  custodyRecordPattern?: IdentifierContext['custodyRecordPattern'];
}

/** Up to this many words of a name are compared (more only narrows what is already narrow). */
export const MAX_NAME_WORDS = 5;

const ORDER: readonly IdentifierType[] = ['nhs_number', 'chi_number', 'nomis_number', 'pnc_id', 'custody_record_number', 'local_id'];

function identifierProbes(text: string, context: SearchContext): IdentifierProbe[] {
  if (!/\d/.test(text)) return [];
  const checkContext: IdentifierContext = {
    // Searching for a test number finds nobody outside a demo site: refusing it would only hide the answer.
    allowTestNumbers: true,
    currentYear: Number(context.today.slice(0, 4)),
    ...(context.custodyRecordPattern ? { custodyRecordPattern: context.custodyRecordPattern } : {}),
  };
  const probes: IdentifierProbe[] = [];
  for (const type of ORDER) {
    const check = checkIdentifier(type, text, checkContext);
    if (!check.ok) continue;
    // A local id keeps its case when stored; the store compares it ignoring case.
    probes.push({ type, value: check.value });
  }
  return probes;
}

export function planSearch(text: string, context: SearchContext): SearchPlan {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const plan: SearchPlan = { identifiers: [], numberPrefix: null, name: null, birthDate: null };
  if (trimmed === '') return plan;

  const found = findBirthDate(trimmed, context.today);
  if (found && found.rest === '') return { ...plan, birthDate: found.birthDate };

  plan.identifiers = identifierProbes(trimmed, context);
  // Digits still being typed: not when they are already a whole NHS or CHI number (that was looked up).
  const digits = trimmed.replace(/[\s-]/g, '');
  const whole = plan.identifiers.some((p) => p.type === 'nhs_number' || p.type === 'chi_number');
  if (/^\d{1,10}$/.test(digits) && !whole) plan.numberPrefix = digits;

  // A name: words without digits, once a date of birth is taken out.
  const rest = found ? found.rest : trimmed;
  const words = queryWords(rest);
  if (words.length > 0 && words.every((w) => !/\d/.test(w))) {
    plan.name = { words: words.slice(0, MAX_NAME_WORDS), birthDate: found ? found.birthDate : null };
  }
  return plan;
}

/** A search plan has nothing to look up. */
export function isEmptyPlan(plan: SearchPlan): boolean {
  return plan.identifiers.length === 0 && plan.numberPrefix === null && plan.name === null && plan.birthDate === null;
}
