// Reads of the substance misuse pathway: a team's inbox of referrals, keyworkers and caseloads,
// treatments and their reviews, care plans (with every version) and release plans.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { SiteDb } from './open';
import { personIdentifiers } from './schema';
import { referrals } from './schema-clinical';
import { carePlanVersions, carePlans, caseloadAssignments, caseloadSlots, releasePlans, smsReviews, treatments } from './schema-sms';

export type ReferralRow = typeof referrals.$inferSelect;
export type CaseloadSlotRow = typeof caseloadSlots.$inferSelect;
export type AssignmentRow = typeof caseloadAssignments.$inferSelect;
export type TreatmentRow = typeof treatments.$inferSelect;
export type SmsReviewRow = typeof smsReviews.$inferSelect;
export type CarePlanRow = typeof carePlans.$inferSelect;
export type CarePlanVersionRow = typeof carePlanVersions.$inferSelect;
export type ReleasePlanRow = typeof releasePlans.$inferSelect;

export interface WorkerCaseload {
  workerId: string;
  workerName: string;
  clinical: number;
  psychosocial: number;
}

export class SmsRepo {
  constructor(private readonly db: SiteDb) {}

  referral(id: string): ReferralRow | null {
    return this.db.select().from(referrals).where(eq(referrals.id, id)).get() ?? null;
  }

  /** Open referrals to a service at a site: urgent first, then oldest first. */
  inbox(siteCode: string, service: ReferralRow['toService']): ReferralRow[] {
    return this.db
      .select()
      .from(referrals)
      .where(and(eq(referrals.siteCode, siteCode), eq(referrals.toService, service), eq(referrals.status, 'open')))
      .orderBy(sql`CASE WHEN ${referrals.urgency} = 'urgent' THEN 0 ELSE 1 END`, asc(referrals.createdAt))
      .limit(1000)
      .all();
  }

  slot(id: string): CaseloadSlotRow | null {
    return this.db.select().from(caseloadSlots).where(eq(caseloadSlots.id, id)).get() ?? null;
  }

  /** The keyworkers in force for a person at a site. */
  currentKeyworkers(personId: string, siteCode: string): AssignmentRow[] {
    return this.db
      .select()
      .from(caseloadAssignments)
      .where(and(eq(caseloadAssignments.personId, personId), eq(caseloadAssignments.siteCode, siteCode), isNull(caseloadAssignments.endedAt)))
      .orderBy(asc(caseloadAssignments.kind))
      .all();
  }

  /** Every assignment of a person at a site, newest first (reassignment keeps history). */
  assignmentHistory(personId: string, siteCode: string): AssignmentRow[] {
    return this.db
      .select()
      .from(caseloadAssignments)
      .where(and(eq(caseloadAssignments.personId, personId), eq(caseloadAssignments.siteCode, siteCode)))
      .orderBy(desc(caseloadAssignments.assignedAt), desc(sql`rowid`))
      .all();
  }

  /** Whether the person is on this worker's caseload at this site now (a legitimate relationship). */
  onCaseload(workerId: string, personId: string, siteCode: string): boolean {
    return (
      this.db
        .select({ id: caseloadAssignments.id })
        .from(caseloadAssignments)
        .where(and(eq(caseloadAssignments.workerId, workerId), eq(caseloadAssignments.personId, personId), eq(caseloadAssignments.siteCode, siteCode), isNull(caseloadAssignments.endedAt)))
        .get() !== undefined
    );
  }

  /** Each worker with people on their caseload at the site, with counts by keyworker kind. */
  workerCounts(siteCode: string): WorkerCaseload[] {
    return this.db
      .select({
        workerId: caseloadAssignments.workerId,
        workerName: sql<string>`max(${caseloadAssignments.workerName})`,
        clinical: sql<number>`sum(CASE WHEN ${caseloadAssignments.kind} = 'clinical' THEN 1 ELSE 0 END)`,
        psychosocial: sql<number>`sum(CASE WHEN ${caseloadAssignments.kind} = 'psychosocial' THEN 1 ELSE 0 END)`,
      })
      .from(caseloadAssignments)
      .where(and(eq(caseloadAssignments.siteCode, siteCode), isNull(caseloadAssignments.endedAt)))
      .groupBy(caseloadAssignments.workerId)
      .all();
  }

  /** A worker's current caseload at the site, oldest assignment first. */
  caseloadOf(workerId: string, siteCode: string): AssignmentRow[] {
    return this.db
      .select()
      .from(caseloadAssignments)
      .where(and(eq(caseloadAssignments.workerId, workerId), eq(caseloadAssignments.siteCode, siteCode), isNull(caseloadAssignments.endedAt)))
      .orderBy(asc(caseloadAssignments.assignedAt))
      .all();
  }

  treatment(id: string): TreatmentRow | null {
    return this.db.select().from(treatments).where(eq(treatments.id, id)).get() ?? null;
  }

  openTreatment(personId: string, siteCode: string): TreatmentRow | null {
    return this.db.select().from(treatments).where(and(eq(treatments.personId, personId), eq(treatments.siteCode, siteCode), isNull(treatments.endedOn))).get() ?? null;
  }

  treatmentsFor(personId: string): TreatmentRow[] {
    return this.db.select().from(treatments).where(eq(treatments.personId, personId)).orderBy(desc(treatments.startedOn), desc(treatments.startedAt)).all();
  }

  reviewsFor(personId: string): SmsReviewRow[] {
    return this.db.select().from(smsReviews).where(eq(smsReviews.personId, personId)).orderBy(desc(smsReviews.reviewedOn), desc(smsReviews.recordedAt)).all();
  }

  carePlanFor(personId: string, siteCode: string): CarePlanRow | null {
    return this.db.select().from(carePlans).where(and(eq(carePlans.personId, personId), eq(carePlans.siteCode, siteCode))).get() ?? null;
  }

  carePlanVersions(planId: string): CarePlanVersionRow[] {
    return this.db.select().from(carePlanVersions).where(eq(carePlanVersions.planId, planId)).orderBy(desc(carePlanVersions.version)).all();
  }

  releasePlanFor(personId: string, siteCode: string): ReleasePlanRow | null {
    return this.db.select().from(releasePlans).where(and(eq(releasePlans.personId, personId), eq(releasePlans.siteCode, siteCode))).get() ?? null;
  }

  /** The sites holding any of a person's substance misuse record (their own, or received by sync). */
  sitesFor(personId: string): string[] {
    return this.db.all<{ site_code: string }>(sql`
      SELECT site_code FROM ${treatments} WHERE person_id = ${personId}
      UNION SELECT site_code FROM ${carePlans} WHERE person_id = ${personId}
      UNION SELECT site_code FROM ${releasePlans} WHERE person_id = ${personId}
      UNION SELECT site_code FROM ${caseloadAssignments} WHERE person_id = ${personId}
      UNION SELECT site_code FROM ${referrals} WHERE person_id = ${personId} AND to_service = 'substance_misuse'`).map((r) => r.site_code);
  }

  /** Prison (NOMIS) numbers of people, for lists printed with their identifiers. */
  prisonNumbers(personIds: readonly string[]): Map<string, string> {
    if (personIds.length === 0) return new Map();
    const rows = this.db
      .select({ personId: personIdentifiers.personId, value: personIdentifiers.value })
      .from(personIdentifiers)
      .where(and(inArray(personIdentifiers.personId, [...personIds]), eq(personIdentifiers.type, 'nomis_number'), isNull(personIdentifiers.retiredAt)))
      .all();
    return new Map(rows.map((r) => [r.personId, r.value]));
  }
}
