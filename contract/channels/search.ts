// Finding a person (issue 8): one box for a name, a date of birth or any identifier, answered a
// page at a time with the true total; each result says what it was found by. Clinical staff use
// patients.search; the auditor finds a person to review their access history with audit.findPerson,
// which answers the same way and opens nothing.
import { z } from 'zod';
import { identifierTypeSchema } from '../../domain/identifiers/identifier-types';
import { channel } from './channel';
import { text } from './common';
import { identifierSchema } from './identity-shapes';
import { personSummarySchema } from './patients';

export const SEARCH_PAGE_SIZE = 25;
/** The furthest a page may start: far beyond anything a clinician would page to. */
export const SEARCH_OFFSET_MAX = 100_000;

const nameForm = { familyName: z.string(), givenNames: z.string() };

export const searchMatchSchema = z.discriminatedUnion('kind', [
  /** Holds exactly the identifier typed. */
  z.object({ kind: z.literal('identifier'), type: identifierTypeSchema, value: z.string() }),
  /** Holds an NHS or CHI number starting with the digits typed so far. */
  z.object({ kind: z.literal('numberPrefix'), type: identifierTypeSchema, value: z.string() }),
  z.object({ kind: z.literal('name') }),
  /** Found by an alias (named). */
  z.object({ kind: z.literal('alias'), ...nameForm }),
  /** Not spelt like what was typed, but sounds like it (this name form). */
  z.object({ kind: z.literal('soundsLike'), ...nameForm }),
  z.object({ kind: z.literal('birthDate') }),
]);
export type SearchMatch = z.infer<typeof searchMatchSchema>;

export const searchResultSchema = personSummarySchema.extend({ match: searchMatchSchema });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchKindSchema = z.enum(['empty', 'identifier', 'numberPrefix', 'name', 'birthDate']);
export type SearchKind = z.infer<typeof searchKindSchema>;

export const searchInput = z
  .object({
    query: text('Search', 200),
    /** The first result to show (0 for the first page); pages are SEARCH_PAGE_SIZE long. */
    offset: z.number().int().min(0).max(SEARCH_OFFSET_MAX).default(0),
  })
  .strict();

export const searchOutput = z.object({
  kind: searchKindSchema,
  results: z.array(searchResultSchema),
  offset: z.number().int(),
  pageSize: z.number().int(),
  /** Everyone who matches (for a name: spelt like it; similar-sounding names are counted apart). */
  total: z.number().int(),
  /** The total was counted only this far ("more than"): numbers still being typed. */
  totalIsAtLeast: z.boolean(),
  /** People whose names sound like it, listed after the matches; null until a page reaches them. */
  similarTotal: z.number().int().nullable(),
  /** False when part of a very large answer is listed in registration order rather than ranked. */
  ranked: z.boolean(),
  /** The identifiers looked up, for "No one at this site holds ...". */
  tried: z.array(identifierSchema),
  /** The date of birth read from the search, shown back to the clinician. */
  birthDate: z.string().nullable(),
});
export type SearchOutput = z.infer<typeof searchOutput>;

export const patientsSearch = channel({
  input: searchInput,
  output: searchOutput,
  access: { kind: 'permission', permission: 'patient.search' },
  auditAction: 'searched for people',
});

export const auditFindPerson = channel({
  input: searchInput,
  output: searchOutput,
  access: { kind: 'permission', permission: 'audit.read' },
  auditAction: 'searched for a person to audit',
  relationship: false,
});
