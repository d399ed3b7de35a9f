// Stays at a site: one open stay per person per site at a time.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { SiteDb } from './open';
import { stays } from './schema-clinical';

export type StayRow = typeof stays.$inferSelect;

export class StaysRepo {
  constructor(private readonly db: SiteDb) {}

  forPerson(personId: string): StayRow[] {
    return this.db.select().from(stays).where(eq(stays.personId, personId)).orderBy(desc(stays.arrivedAt)).all();
  }

  get(id: string): StayRow | null {
    return this.db.select().from(stays).where(eq(stays.id, id)).get() ?? null;
  }

  openAt(personId: string, siteCode: string): StayRow | null {
    return (
      this.db
        .select()
        .from(stays)
        .where(and(eq(stays.personId, personId), eq(stays.siteCode, siteCode), isNull(stays.exitedAt)))
        .get() ?? null
    );
  }

  /** Everyone with an open stay at the site (a partner's search reaches only them). */
  openPersonIds(siteCode: string): string[] {
    return this.db
      .selectDistinct({ personId: stays.personId })
      .from(stays)
      .where(and(eq(stays.siteCode, siteCode), isNull(stays.exitedAt)))
      .all()
      .map((r) => r.personId);
  }
}
