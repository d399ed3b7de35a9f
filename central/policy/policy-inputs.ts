// The data a disclosure decision needs, read from the central's tables: agreements (the highest
// version of each), every site's organisation type, and people's recorded consent decisions.
import { sql } from 'drizzle-orm';
import { agreementSchema, type Agreement, type ConsentDecision, type OrgType } from '../../domain/access/disclosure';
import { orgTypeSchema } from '../../domain/access/disclosure';
import { rowsOf, type Executor } from '../db/open';

export async function currentAgreements(db: Executor): Promise<Agreement[]> {
  const rows = rowsOf<{ body: unknown }>(
    await db.execute(sql`SELECT DISTINCT ON (id) body FROM agreements ORDER BY id, version DESC`),
  );
  return rows.map((r) => agreementSchema.parse(r.body));
}

export async function siteOrgTypes(db: Executor): Promise<Map<string, OrgType>> {
  const rows = rowsOf<{ code: string; org_type: string }>(await db.execute(sql`SELECT code, org_type FROM sites`));
  return new Map(rows.map((r) => [r.code, orgTypeSchema.parse(r.org_type)]));
}

/** Each person's consent decisions (every consent record's latest state). */
export async function consentsFor(db: Executor, personIds: readonly string[]): Promise<Map<string, ConsentDecision[]>> {
  const out = new Map<string, ConsentDecision[]>();
  if (personIds.length === 0) return out;
  const rows = rowsOf<{ person_id: string; state: Record<string, { payload: ConsentDecision }> }>(
    await db.execute(sql`
      SELECT person_id, state FROM records
      WHERE record_type = 'consent' AND person_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb)::uuid)`),
  );
  for (const r of rows) {
    const payload = r.state['consent.recorded']?.payload;
    if (!payload) continue;
    const list = out.get(r.person_id) ?? [];
    list.push({ decision: payload.decision, categories: payload.categories, legalBasis: payload.legalBasis, decidedOn: payload.decidedOn });
    out.set(r.person_id, list);
  }
  return out;
}
