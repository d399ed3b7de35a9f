// Risk flags. Ending a flag is an update guarded by its version, so two people ending the same
// flag at once cannot both succeed silently.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { SiteDb } from './open';
import { flags } from './schema-clinical';

export type FlagRow = typeof flags.$inferSelect;

export class FlagsRepo {
  constructor(private readonly db: SiteDb) {}

  forPerson(personId: string, includeEnded: boolean): FlagRow[] {
    const where = includeEnded ? eq(flags.personId, personId) : and(eq(flags.personId, personId), isNull(flags.endedAt));
    return this.db.select().from(flags).where(where).orderBy(asc(flags.endedAt), desc(flags.setAt)).all();
  }

  activeWithCode(personId: string, code: string): FlagRow | null {
    return this.db.select().from(flags).where(and(eq(flags.personId, personId), eq(flags.code, code), isNull(flags.endedAt))).get() ?? null;
  }

  get(id: string): FlagRow | null {
    return this.db.select().from(flags).where(eq(flags.id, id)).get() ?? null;
  }
}
