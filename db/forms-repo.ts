// Saved form responses (each version a row; the latest of an entry is `current`), handovers to the
// custody officer and referrals.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { SiteDb } from './open';
import { formResponses, handovers, referrals } from './schema-clinical';

export type FormResponseRow = typeof formResponses.$inferSelect;
export type HandoverRow = typeof handovers.$inferSelect;
export type ReferralRow = typeof referrals.$inferSelect;

export class FormsRepo {
  constructor(private readonly db: SiteDb) {}

  get(id: string): FormResponseRow | null {
    return this.db.select().from(formResponses).where(eq(formResponses.id, id)).get() ?? null;
  }

  /** Newest first; only current versions unless history is asked for. */
  forPerson(personId: string, templateId: string | null, includeHistory: boolean): FormResponseRow[] {
    const conditions = [eq(formResponses.personId, personId)];
    if (templateId) conditions.push(eq(formResponses.templateId, templateId));
    if (!includeHistory) conditions.push(eq(formResponses.current, true));
    return this.db
      .select()
      .from(formResponses)
      .where(and(...conditions))
      .orderBy(desc(formResponses.recordedAt), desc(formResponses.version))
      .limit(1000)
      .all();
  }

  handoversFor(personId: string): HandoverRow[] {
    return this.db.select().from(handovers).where(eq(handovers.personId, personId)).orderBy(desc(handovers.recordedAt)).all();
  }


  referralsFor(personId: string): ReferralRow[] {
    return this.db.select().from(referrals).where(eq(referrals.personId, personId)).orderBy(asc(referrals.createdAt)).all();
  }

  /** When an entry's first version was recorded. */
  firstRecordedAt(chainId: string): string | null {
    return this.db.select({ at: formResponses.recordedAt }).from(formResponses).where(and(eq(formResponses.chainId, chainId), eq(formResponses.version, 1))).get()?.at ?? null;
  }
}
