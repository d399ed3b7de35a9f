// People and their identifiers. Reads are prepared once; the hot search paths each use one index
// (FTS5 for names, the identifier index for NHS numbers, the birth-date index) and stop at the limit.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SearchQuery } from '../domain/person/search-query';
import type { SiteDb } from './open';
import { personIdentifiers, persons } from './schema';

export interface PersonRow {
  id: string;
  familyName: string;
  givenNames: string;
  title: string | null;
  birthDate: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  nhsNumber: string | null;
}

export interface PersonDetailRow extends PersonRow {
  version: number;
  originSite: string;
  createdAt: string;
  createdBy: string;
}


const summaryColumns = {
  id: persons.id,
  familyName: persons.familyName,
  givenNames: persons.givenNames,
  title: persons.title,
  birthDate: persons.birthDate,
  sex: persons.sex,
  nhsNumber: personIdentifiers.value,
};

const nhsJoin = and(eq(personIdentifiers.personId, persons.id), eq(personIdentifiers.type, 'nhs_number'), isNull(personIdentifiers.retiredAt));

/** The FTS5 query for name tokens: every token as a prefix, all required. Tokens are [a-z0-9] only. */
export function ftsPrefixQuery(tokens: readonly string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '')}"*`).join(' ');
}

/** The smallest string above every string starting with `prefix` (for an index range scan). */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

export class PersonsRepo {
  private readonly byName;
  private readonly byNameAndBirthDate;
  private readonly byNhsPrefix;
  private readonly byBirthDate;
  private readonly byId;
  private readonly idByNhs;

  constructor(private readonly db: SiteDb) {
    const limit = sql.placeholder('limit');
    const match = sql`person_search MATCH ${sql.placeholder('match')}`;
    const fromSearch = () =>
      db
        .select(summaryColumns)
        .from(sql`person_search`)
        .innerJoin(persons, sql`${persons.seq} = person_search.rowid`)
        .leftJoin(personIdentifiers, nhsJoin);
    this.byName = fromSearch().where(match).limit(limit).prepare();
    this.byNameAndBirthDate = fromSearch()
      .where(and(match, eq(persons.birthDate, sql.placeholder('birthDate'))))
      .limit(limit)
      .prepare();
    this.byNhsPrefix = db
      .select(summaryColumns)
      .from(personIdentifiers)
      .innerJoin(persons, eq(persons.id, personIdentifiers.personId))
      .where(
        and(
          eq(personIdentifiers.type, 'nhs_number'),
          isNull(personIdentifiers.retiredAt),
          sql`${personIdentifiers.value} >= ${sql.placeholder('low')}`,
          sql`${personIdentifiers.value} < ${sql.placeholder('high')}`,
        ),
      )
      .orderBy(personIdentifiers.value)
      .limit(limit)
      .prepare();
    this.byBirthDate = db
      .select(summaryColumns)
      .from(persons)
      .leftJoin(personIdentifiers, nhsJoin)
      .where(eq(persons.birthDate, sql.placeholder('birthDate')))
      .orderBy(persons.birthDate, persons.familyName, persons.givenNames)
      .limit(limit)
      .prepare();
    this.byId = db
      .select({
        ...summaryColumns,
        version: persons.version,
        originSite: persons.originSite,
        createdAt: persons.createdAt,
        createdBy: persons.createdBy,
      })
      .from(persons)
      .leftJoin(personIdentifiers, nhsJoin)
      .where(eq(persons.id, sql.placeholder('id')))
      .prepare();
    this.idByNhs = db
      .select({ personId: personIdentifiers.personId })
      .from(personIdentifiers)
      .where(and(eq(personIdentifiers.type, 'nhs_number'), eq(personIdentifiers.value, sql.placeholder('value')), isNull(personIdentifiers.retiredAt)))
      .prepare();
  }

  /** Up to `limit` people matching the query, in a stable order for display. */
  search(query: SearchQuery, limit: number): PersonRow[] {
    switch (query.kind) {
      case 'empty':
        return [];
      case 'nhsNumber':
        return this.byNhsPrefix.all({ low: query.digitsPrefix, high: prefixUpperBound(query.digitsPrefix), limit });
      case 'birthDate':
        return this.byBirthDate.all({ birthDate: query.birthDate, limit });
      case 'name': {
        const matchText = ftsPrefixQuery(query.tokens);
        const rows = query.birthDate
          ? this.byNameAndBirthDate.all({ match: matchText, birthDate: query.birthDate, limit })
          : this.byName.all({ match: matchText, limit });
        return rows.sort(byDisplayName);
      }
    }
  }

  get(id: string): PersonDetailRow | null {
    return this.byId.get({ id }) ?? null;
  }

  findIdByNhsNumber(nhsNumber: string): string | null {
    return this.idByNhs.get({ value: nhsNumber })?.personId ?? null;
  }
}

function byDisplayName(a: PersonRow, b: PersonRow): number {
  return a.familyName.localeCompare(b.familyName) || a.givenNames.localeCompare(b.givenNames) || a.birthDate.localeCompare(b.birthDate);
}
