// People and their NHS numbers. Reads are prepared once. Name search is db/name-search-repo.ts;
// identifier search is db/identity-repo.ts.
import { and, eq, isNull, sql } from 'drizzle-orm';
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

// The type is written into the SQL, not bound: it is the condition of the partial index that
// answers the join from the index alone (person_identifiers_nhs_current).
export const currentNhsJoin = and(eq(personIdentifiers.personId, persons.id), sql`${personIdentifiers.type} = 'nhs_number'`, isNull(personIdentifiers.retiredAt));

/** People by store sequence number (a JSON array in `seqs`) with their current NHS number: a page of search results. */
export function bySeqsQuery(db: SiteDb) {
  return db
    .select({ ...summaryColumns, seq: persons.seq })
    .from(persons)
    .leftJoin(personIdentifiers, currentNhsJoin)
    .where(sql`${persons.seq} IN (SELECT value FROM json_each(${sql.placeholder('seqs')}))`);
}

export class PersonsRepo {
  private readonly byBirthDate;
  private readonly countBornOn;
  private readonly bySeqs;
  private readonly byId;
  private readonly idByNhs;

  constructor(private readonly db: SiteDb) {
    const limit = sql.placeholder('limit');
    this.byBirthDate = db
      .select(summaryColumns)
      .from(persons)
      .leftJoin(personIdentifiers, currentNhsJoin)
      .where(eq(persons.birthDate, sql.placeholder('birthDate')))
      .orderBy(persons.birthDate, persons.familyName, persons.givenNames, persons.seq)
      .limit(limit)
      .offset(sql.placeholder('offset'))
      .prepare();
    // One prepared statement for any list of people: the list travels as JSON.
    this.bySeqs = bySeqsQuery(db).prepare();
    this.countBornOn = db
      .select({ n: sql<number>`count(*)` })
      .from(persons)
      .where(eq(persons.birthDate, sql.placeholder('birthDate')))
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
      .leftJoin(personIdentifiers, currentNhsJoin)
      .where(eq(persons.id, sql.placeholder('id')))
      .prepare();
    this.idByNhs = db
      .select({ personId: personIdentifiers.personId })
      .from(personIdentifiers)
      .where(and(eq(personIdentifiers.type, 'nhs_number'), eq(personIdentifiers.value, sql.placeholder('value')), isNull(personIdentifiers.retiredAt)))
      .prepare();
  }

  /** People born on a date, a page at a time, by name (index on birth_date, family and given names). */
  bornOn(birthDate: string, offset: number, limit: number): { total: number; rows: PersonRow[] } {
    return { total: this.countBornOn.get({ birthDate })?.n ?? 0, rows: this.byBirthDate.all({ birthDate, offset, limit }) };
  }

  /** People by their store sequence number (the search index's row id), in the order given. */
  bySeq(seqs: readonly number[]): PersonRow[] {
    if (seqs.length === 0) return [];
    const rows = this.bySeqs.all({ seqs: JSON.stringify(seqs) });
    const bySeq = new Map(rows.map(({ seq, ...row }) => [seq, row]));
    return seqs.flatMap((seq) => bySeq.get(seq) ?? []);
  }

  get(id: string): PersonDetailRow | null {
    return this.byId.get({ id }) ?? null;
  }

  findIdByNhsNumber(nhsNumber: string): string | null {
    return this.idByNhs.get({ value: nhsNumber })?.personId ?? null;
  }
}
