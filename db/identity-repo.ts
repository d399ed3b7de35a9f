// A person's identifiers and aliases, and the candidate lookups for duplicate detection.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { IdentifierType } from '../domain/identifiers/identifier-types';
import type { SiteDb } from './open';
import type { PersonRow } from './persons-repo';
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

export class IdentityRepo {
  private readonly bornOnQuery;

  constructor(private readonly db: SiteDb) {
    // Prepared once: registration runs it on every save (the duplicate check).
    this.bornOnQuery = db.select(personColumns).from(persons).where(eq(persons.birthDate, sql.placeholder('birthDate'))).limit(500).prepare();
  }

  identifiers(personId: string): { id: string; type: IdentifierType; value: string; version: number }[] {
    return this.db
      .select({ id: personIdentifiers.id, type: personIdentifiers.type, value: personIdentifiers.value, version: personIdentifiers.version })
      .from(personIdentifiers)
      .where(and(eq(personIdentifiers.personId, personId), isNull(personIdentifiers.retiredAt)))
      .orderBy(personIdentifiers.type, personIdentifiers.createdAt)
      .all();
  }

  aliases(personIds: readonly string[]): AliasRow[] {
    if (personIds.length === 0) return [];
    return this.db
      .select({ id: personAliases.id, personId: personAliases.personId, version: personAliases.version, familyName: personAliases.familyName, givenNames: personAliases.givenNames })
      .from(personAliases)
      .where(and(inArray(personAliases.personId, [...personIds]), isNull(personAliases.retiredAt)))
      .orderBy(personAliases.createdAt)
      .all();
  }

  /** Who already holds any of these identifiers (canonical values). */
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
    return this.db
      .select({ ...personColumns, nhsNumber: personIdentifiers.value })
      .from(persons)
      .leftJoin(personIdentifiers, and(eq(personIdentifiers.personId, persons.id), eq(personIdentifiers.type, 'nhs_number'), isNull(personIdentifiers.retiredAt)))
      .where(inArray(persons.id, [...personIds]))
      .all();
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
