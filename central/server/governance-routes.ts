// The governance lead's pages, served by the central over the same mutual TLS as the sync protocol.
// The request hook (central-server.ts) lets only a governance lead's certificate reach these paths
// and keeps a lead's certificate off everything else. Every answer carries a strict CSP (no script
// at all, styles from here only), is never cached, and every view or download of figures is
// audited before it is sent.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { CentralStore } from '../db/open';
import { auditKpiView } from '../reports/kpi-audit';
import { csvFileName, kpiCsv } from '../reports/kpi-csv';
import { readPeriod } from '../reports/kpi-period';
import { runKpis } from '../reports/kpi-run';
import { CSV_PATH, kpiPage, PAGE_PATH, refusedPage, STYLE_PATH } from '../reports/kpi-page';
import { KPI_CSS } from '../reports/kpi-style';
import { kpiTables } from '../reports/kpi-tables';

export const GOVERNANCE_PREFIX = '/governance/';

export const GOVERNANCE_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function secured(reply: FastifyReply): FastifyReply {
  return reply
    .header('Content-Security-Policy', GOVERNANCE_CSP)
    .header('X-Content-Type-Options', 'nosniff')
    .header('X-Frame-Options', 'DENY')
    .header('Referrer-Policy', 'no-referrer')
    .header('Cross-Origin-Opener-Policy', 'same-origin')
    .header('Cross-Origin-Resource-Policy', 'same-origin')
    .header('Cache-Control', 'no-store');
}

/** 403 as a page a person can read (a browser opened it with the wrong certificate). */
export function refuseGovernance(reply: FastifyReply, message: string): FastifyReply {
  return secured(reply).code(403).type('text/html; charset=utf-8').send(refusedPage(message));
}

export interface GovernanceDeps {
  store: CentralStore;
  now: () => Date;
}

export function registerGovernanceRoutes(app: FastifyInstance, deps: GovernanceDeps): void {
  // The request hook lets only a lead's certificate reach these routes; checked again here so a
  // route can never answer without a lead, whatever changes in the hook.
  app.register(async (scope) => {
    scope.addHook('preHandler', async (request, reply) => {
      if (!request.lead) return refuseGovernance(reply, 'This page is for the region\'s governance lead.');
    });
    routes(scope, deps);
  });
}

function routes(app: FastifyInstance, deps: GovernanceDeps): void {
  app.get('/governance', (_request, reply) => secured(reply).redirect(PAGE_PATH, 303));
  app.get(GOVERNANCE_PREFIX, (_request, reply) => secured(reply).redirect(PAGE_PATH, 303));

  app.get(STYLE_PATH, (_request, reply) => secured(reply).header('Cache-Control', 'private, max-age=3600').type('text/css; charset=utf-8').send(KPI_CSS));

  app.get(PAGE_PATH, async (request, reply) => {
    const now = deps.now();
    const lead = { id: request.lead.id, name: request.lead.name };
    const period = readPeriod(request.query, now);
    if (!period.ok) {
      return secured(reply).code(400).type('text/html; charset=utf-8').send(kpiPage({ lead, values: period.values, problems: period.problems }));
    }
    const run = await runKpis(deps.store, period.from, period.to, now);
    const tables = kpiTables(run);
    const body = kpiPage({ lead, values: period.values, problems: [], result: { from: period.from, to: period.to, tables, asAt: now } });
    await auditKpiView(deps.store, { lead: request.lead, at: now, format: 'html', from: period.from, to: period.to, sites: run.sites.map((s) => s.code), body });
    return secured(reply).type('text/html; charset=utf-8').send(body);
  });

  app.get(CSV_PATH, async (request, reply) => {
    const now = deps.now();
    const period = readPeriod(request.query, now);
    if (!period.ok) {
      const lead = { id: request.lead.id, name: request.lead.name };
      return secured(reply).code(400).type('text/html; charset=utf-8').send(kpiPage({ lead, values: period.values, problems: period.problems }));
    }
    const run = await runKpis(deps.store, period.from, period.to, now);
    const body = kpiCsv(kpiTables(run), period);
    await auditKpiView(deps.store, { lead: request.lead, at: now, format: 'csv', from: period.from, to: period.to, sites: run.sites.map((s) => s.code), body });
    return secured(reply)
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${csvFileName(period)}"`)
      .send(body);
  });
}
