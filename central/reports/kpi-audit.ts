// Every view and every download of the KPI figures is a row in the central's disclosure audit
// (append-only, hash-chained): who (the lead's id, name and certificate), when, which period and
// which sites, the format, and the SHA-256 and size of exactly what was handed over. The row is
// written before the figures are sent; if it cannot be written, nothing is sent.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { appendDisclosures } from '../audit/disclosure-log';
import type { CentralStore, CentralTx } from '../db/open';
import type { LeadIdentity } from '../server/identity';

export const KPI_REPORT_ID = 'central-custody-kpis';

export interface KpiViewAudit {
  lead: LeadIdentity;
  at: Date;
  format: 'html' | 'csv';
  from: string;
  to: string;
  sites: readonly string[];
  body: string;
}

export async function auditKpiView(store: CentralStore, view: KpiViewAudit): Promise<string> {
  const id = uuidv7();
  const bytes = Buffer.byteLength(view.body, 'utf8');
  const sha256 = createHash('sha256').update(view.body, 'utf8').digest('hex');
  await store.db.transaction(async (raw) => {
    await appendDisclosures(raw as CentralTx, [
      {
        id,
        at: view.at,
        kind: 'report_view',
        siteCode: null,
        userId: view.lead.id,
        userName: view.lead.name,
        userRole: 'governance_lead',
        purpose: 'service governance: aggregate KPIs',
        personId: null,
        identifierType: null,
        identifierValue: null,
        outcome: view.format === 'csv' ? 'downloaded' : 'viewed',
        permitted: [],
        withheld: [],
        rule: `governance lead certificate ${view.lead.fingerprint}`,
        agreementRefs: [],
        eventCount: 0,
        detail: { report: KPI_REPORT_ID, format: view.format, from: view.from, to: view.to, sites: [...view.sites], bytes, sha256 },
      },
    ]);
  });
  return id;
}
