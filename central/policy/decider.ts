// One place where the central asks the domain's decideDisclosure, for pull pages and lookups alike.
// Decisions depend only on data (the two organisation types, purpose, the categories asked for,
// the person's consent decisions and the agreements), so identical questions in one page are
// answered once.
import {
  dataCategorySchema,
  decideDisclosure,
  type Agreement,
  type ConsentDecision,
  type DataCategory,
  type DisclosureDecision,
  type OrgType,
  type Purpose,
} from '../../domain/access/disclosure';

export const ALL_CATEGORIES: readonly DataCategory[] = dataCategorySchema.options;

export interface Question {
  fromOrgType: OrgType;
  toOrgType: OrgType;
  purpose: Purpose;
  categories: readonly DataCategory[];
  consents: readonly ConsentDecision[];
  override?: { basis: 'vital_interests'; justification: string };
}

export class Decider {
  private readonly memo = new Map<string, DisclosureDecision>();

  constructor(
    private readonly agreements: readonly Agreement[],
    /** yyyy-mm-dd in the region's time zone. */
    readonly on: string,
  ) {}

  decide(q: Question): DisclosureDecision {
    const key = JSON.stringify([q.fromOrgType, q.toOrgType, q.purpose, q.categories, q.consents, q.override ?? null]);
    let decision = this.memo.get(key);
    if (!decision) {
      decision = decideDisclosure(
        { fromOrgType: q.fromOrgType, toOrgType: q.toOrgType, purpose: q.purpose, categories: q.categories, on: this.on, ...(q.override ? { override: q.override } : {}) },
        this.agreements,
        q.consents,
      );
      this.memo.set(key, decision);
    }
    return decision;
  }

  /** The agreements decisions were made under: recorded with every disclosure. */
  get agreementRefs(): { id: string; version: number }[] {
    return this.agreements.map((a) => ({ id: a.id, version: a.version }));
  }
}
