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

  insert(row: typeof stays.$inferInsert): void {
    this.db.insert(stays).values(row).run();
  }

  end(id: string, exit: { exitedAt: string; exitReason: string; exitDestination: string }, expectedVersion: number): boolean {
    const result = this.db
      .update(stays)
      .set({ ...exit, version: expectedVersion + 1 })
      .where(and(eq(stays.id, id), eq(stays.version, expectedVersion), isNull(stays.exitedAt)))
      .run();
    return result.changes === 1;
  }
}
