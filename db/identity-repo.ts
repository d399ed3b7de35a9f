// A person's identifiers and aliases, the candidate lookups for duplicate detection, and search by
// identifier (exact, and NHS or CHI numbers still being typed). Retired identifiers and aliases stay
// in history but identify no one: every lookup here leaves them out.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { IdentifierType } from '../domain/identifiers/identifier-types';
import type { SiteDb } from './open';
import { currentNhsJoin, type PersonRow } from './persons-repo';
import { personAliases } from './schema-clinical';
import { personIdentifiers, persons } from './schema';

export interface AliasRow {
  id: string;
  personId: string;
  version: number;
  familyName: string;
  givenNames: string;
}

const personColumns = {
  id: persons.id,
  familyName: persons.familyName,
  givenNames: persons.givenNames,
  title: persons.title,
  birthDate: persons.birthDate,
  sex: persons.sex,
};

/** Number prefixes are counted up to this many holders; beyond it the answer says "more than". */
export const NUMBER_PREFIX_COUNT_MAX = 10_000;

/** The identifier types a number typed so far may be the start of. */
const NUMBER_TYPES = ['nhs_number', 'chi_number'] as const;

export class IdentityRepo {
  private readonly bornOnQuery;
  private readonly byNumberPrefix;
  private readonly countNumberPrefix;
  private readonly holderQuery;
  private readonly localHolderQuery;
  private readonly summariesQuery;
  private readonly aliasesQuery;

  constructor(private readonly db: SiteDb) {
    // Prepared once: registration runs it on every save (the duplicate check).
    this.bornOnQuery = db.select(personColumns).from(persons).where(eq(persons.birthDate, sql.placeholder('birthDate'))).limit(500).prepare();
    this.holderQuery = db
      .select({ personId: personIdentifiers.personId, type: personIdentifiers.type, value: personIdentifiers.value })
      .from(personIdentifiers)
      .where(and(eq(personIdentifiers.type, sql.placeholder('type')), eq(personIdentifiers.value, sql.placeholder('value')), isNull(personIdentifiers.retiredAt)))
      .prepare();
    // Local ids keep their case; found in any case (partial NOCASE index in the migrations).
    this.localHolderQuery = this.localHolder().prepare();
    // Lists of people travel as JSON, so one prepared statement serves any number of them.
    const inList = (column: typeof persons.id | typeof personAliases.personId) => sql`${column} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`;
    this.summariesQuery = db
      .select({ ...personColumns, nhsNumber: personIdentifiers.value })
      .from(persons)
      .leftJoin(personIdentifiers, currentNhsJoin)
      .where(inList(persons.id))
      .prepare();
    this.aliasesQuery = db
      .select({ id: personAliases.id, personId: personAliases.personId, version: personAliases.version, familyName: personAliases.familyName, givenNames: personAliases.givenNames })
      .from(personAliases)
      .where(and(inList(personAliases.personId), isNull(personAliases.retiredAt)))
      .orderBy(personAliases.createdAt)
      .prepare();
    // NHS and CHI numbers starting with the digits typed so far: two ranges of the (type, value) index.
    const numberRange = and(
      inArray(personIdentifiers.type, [...NUMBER_TYPES]),
      isNull(personIdentifiers.retiredAt),
      sql`${personIdentifiers.value} >= ${sql.placeholder('low')}`,
      sql`${personIdentifiers.value} < ${sql.placeholder('high')}`,
    );
    this.byNumberPrefix = db
      .select({ personId: personIdentifiers.personId, type: personIdentifiers.type, value: personIdentifiers.value })
      .from(personIdentifiers)
      .where(numberRange)
      .orderBy(personIdentifiers.value, personIdentifiers.type)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare();
    this.countNumberPrefix = db
      .select({ n: sql<number>`count(*)` })
      .from(db.select({ one: sql`1` }).from(personIdentifiers).where(numberRange).limit(NUMBER_PREFIX_COUNT_MAX + 1).as('capped'))
      .prepare();
  }

  /** The local id lookup (also shown to the plan test). */
  localHolder() {
    return this.db
      .select({ personId: personIdentifiers.personId, type: personIdentifiers.type, value: personIdentifiers.value })
      .from(personIdentifiers)
      // The type as a literal, not a parameter: only then can SQLite use the partial index.
      .where(sql`${personIdentifiers.type} = 'local_id' AND ${personIdentifiers.value} = ${sql.placeholder('value')} COLLATE NOCASE AND ${personIdentifiers.retiredAt} IS NULL`);
  }

  /**
   * Holders of NHS or CHI numbers starting with `digits`, in number order, and how many there are
   * (counted up to NUMBER_PREFIX_COUNT_MAX + 1).
   */
  numberPrefix(digits: string, offset: number, limit: number): { total: number; rows: { personId: string; type: IdentifierType; value: string }[] } {
    const range = { low: digits, high: digits.slice(0, -1) + String.fromCharCode(digits.charCodeAt(digits.length - 1) + 1) };
    return { total: this.countNumberPrefix.get(range)?.n ?? 0, rows: this.byNumberPrefix.all({ ...range, offset, limit }) };
  }

  identifiers(personId: string): { id: string; type: IdentifierType; value: string; version: number; originSite: string }[] {
    return this.db
      .select({ id: personIdentifiers.id, type: personIdentifiers.type, value: personIdentifiers.value, version: personIdentifiers.version, originSite: personIdentifiers.originSite })
      .from(personIdentifiers)
      .where(and(eq(personIdentifiers.personId, personId), isNull(personIdentifiers.retiredAt)))
      .orderBy(personIdentifiers.type, personIdentifiers.createdAt)
      .all();
  }

  aliases(personIds: readonly string[]): AliasRow[] {
    if (personIds.length === 0) return [];
    return this.aliasesQuery.all({ ids: JSON.stringify(personIds) });
  }

  /** Who already holds any of these identifiers (canonical values); also the exact identifier search. */
  holdersOf(identifiers: readonly { type: IdentifierType; value: string }[]): { personId: string; type: IdentifierType; value: string }[] {
    if (identifiers.length === 0) return [];
    return this.db
      .select({ personId: personIdentifiers.personId, type: personIdentifiers.type, value: personIdentifiers.value })
      .from(personIdentifiers)
      .where(and(isNull(personIdentifiers.retiredAt), or(...identifiers.map((i) => and(eq(personIdentifiers.type, i.type), eq(personIdentifiers.value, i.value))))))
      .all();
  }

  /** Everyone born on this date (index on birth_date), with their NHS number. */
  bornOn(birthDate: string): Omit<PersonRow, 'nhsNumber'>[] {
    return this.bornOnQuery.all({ birthDate });
  }

  summaries(personIds: readonly string[]): PersonRow[] {
    if (personIds.length === 0) return [];
    return this.summariesQuery.all({ ids: JSON.stringify(personIds) });
  }

  /** Who holds each identifier: one exact lookup each on the (type, value) index (identifier search). */
  holdersOfEach(identifiers: readonly { type: IdentifierType; value: string }[]): { personId: string; type: IdentifierType; value: string }[] {
    return identifiers.flatMap((i) => (i.type === 'local_id' ? this.localHolderQuery.all({ value: i.value }) : this.holderQuery.all({ type: i.type, value: i.value })));
  }

  /** One identifier, retired or not (for retiring it). */
  identifier(id: string): typeof personIdentifiers.$inferSelect | null {
    return this.db.select().from(personIdentifiers).where(eq(personIdentifiers.id, id)).get() ?? null;
  }

  /** One alias, retired or not (for retiring it). */
  alias(id: string): typeof personAliases.$inferSelect | null {
    return this.db.select().from(personAliases).where(eq(personAliases.id, id)).get() ?? null;
  }
}
