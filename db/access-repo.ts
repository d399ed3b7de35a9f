// Break-glass grants, consent decisions and data-sharing agreements, and the audit trail as an
// auditor reads it.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { SiteDb } from './open';
import { breakGlass, consents, sharingAgreements } from './schema-access';
import { auditEvents } from './schema';

export type BreakGlassRow = typeof breakGlass.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;

export class AccessRepo {
  constructor(private readonly db: SiteDb) {}

  /** The user's latest unexpired, unended grant for a person. */
  activeGrant(userId: string, personId: string, nowIso: string): BreakGlassRow | null {
    return (
      this.db
        .select()
        .from(breakGlass)
        .where(and(eq(breakGlass.userId, userId), eq(breakGlass.personId, personId), isNull(breakGlass.endedAt), gt(breakGlass.expiresAt, nowIso)))
        .orderBy(desc(breakGlass.expiresAt))
        .get() ?? null
    );
  }

  /** Grants that have run out but whose end has not been recorded yet. */
  lapsedGrants(userId: string, nowIso: string): BreakGlassRow[] {
    return this.db
      .select()
      .from(breakGlass)
      .where(and(eq(breakGlass.userId, userId), isNull(breakGlass.endedAt)))
      .all()
      .filter((g) => g.expiresAt <= nowIso);
  }

  openGrants(userId: string): BreakGlassRow[] {
    return this.db.select().from(breakGlass).where(and(eq(breakGlass.userId, userId), isNull(breakGlass.endedAt))).all();
  }

  grant(id: string): BreakGlassRow | null {
    return this.db.select().from(breakGlass).where(eq(breakGlass.id, id)).get() ?? null;
  }

  grants(pendingOnly: boolean): BreakGlassRow[] {
    const q = this.db.select().from(breakGlass);
    return (pendingOnly ? q.where(isNull(breakGlass.reviewedAt)) : q).orderBy(desc(breakGlass.startedAt)).limit(500).all();
  }

  insertGrant(row: typeof breakGlass.$inferInsert): void {
    this.db.insert(breakGlass).values(row).run();
  }

  endGrant(id: string, endedAt: string): void {
    this.db.update(breakGlass).set({ endedAt }).where(and(eq(breakGlass.id, id), isNull(breakGlass.endedAt))).run();
  }

  reviewGrant(id: string, review: { reviewedAt: string; reviewedBy: string; reviewNote: string }): boolean {
    return this.db.update(breakGlass).set(review).where(and(eq(breakGlass.id, id), isNull(breakGlass.reviewedAt))).run().changes === 1;
  }

  consentsFor(personId: string): ConsentRow[] {
    return this.db.select().from(consents).where(eq(consents.personId, personId)).orderBy(desc(consents.recordedAt)).all();
  }


  /** The latest version of every agreement. */
  agreements(): unknown[] {
    const rows = this.db.select().from(sharingAgreements).orderBy(sharingAgreements.id, desc(sharingAgreements.version)).all();
    const latest = new Map<string, unknown>();
    for (const r of rows) if (!latest.has(r.id)) latest.set(r.id, r.body);
    return [...latest.values()];
  }

  agreementVersionExists(id: string, version: number): boolean {
    return !!this.db.select().from(sharingAgreements).where(and(eq(sharingAgreements.id, id), eq(sharingAgreements.version, version))).get();
  }

  insertAgreement(row: typeof sharingAgreements.$inferInsert): void {
    this.db.insert(sharingAgreements).values(row).run();
  }

  auditForPerson(personId: string): (typeof auditEvents.$inferSelect)[] {
    return this.db.select().from(auditEvents).where(eq(auditEvents.personId, personId)).orderBy(desc(auditEvents.seq)).limit(1000).all();
  }
}
