// The endpoints sites call. Every body is parsed with the shared wire schemas (contract/sync/wire.ts);
// every request naming a site must name the caller's own site (403 otherwise), and a push may only
// carry events whose origin is the caller.
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  auditAnchorsResponseSchema,
  endpoints,
  lookupRequestSchema,
  pullRequestSchema,
  pushRequestSchema,
  waitRequestSchema,
  type AuditAnchorsResponse,
  type HelloResponse,
} from '../../contract/sync/wire';
import { rowsOf, type CentralStore } from '../db/open';
import type { ChangeNotifier } from '../live/change-notifier';
import { waitForChanges } from '../live/wait-for-changes';
import { lookup, LookupRefused } from '../lookup/lookup';
import { CursorError } from '../pull/cursor-token';
import { pullPage } from '../pull/pull-page';
import { describeIssues } from '../push/check-event';
import { ingestBatch } from '../push/ingest';
import type { CentralSettings } from '../settings';
import { HttpError } from './central-server';

export interface RouteDeps {
  store: CentralStore;
  settings: CentralSettings;
  now: () => Date;
  notifier: ChangeNotifier;
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, 'bad_request', `the request does not match the protocol: ${describeIssues(parsed.error, 3)}`, parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`));
  }
  return parsed.data;
}

function ownSite(request: FastifyRequest, named: string): void {
  if (named !== request.site.code) throw new HttpError(403, 'wrong_site', `this certificate belongs to site ${request.site.code}; the request names site ${named}`);
}

export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(endpoints.hello, async (request): Promise<HelloResponse> => {
    const head = rowsOf<{ last_seq: string | number }>(await deps.store.db.execute(sql`SELECT last_seq FROM log_head WHERE id = 1`))[0];
    return {
      site: request.site.code,
      siteName: request.site.name,
      orgType: request.site.orgType,
      centralTime: deps.now().toISOString(),
      head: Number(head?.last_seq ?? 0),
      certificateNotAfter: request.site.certificateNotAfter.toISOString(),
    };
  });

  app.post(endpoints.push, async (request) => {
    const body = parse(pushRequestSchema, request.body);
    ownSite(request, body.site);
    // An event claiming another site's origin is an identity violation, not a data error: the whole batch is refused.
    body.events.forEach((raw, index) => {
      const origin = raw && typeof raw === 'object' ? (raw as { originSite?: unknown }).originSite : undefined;
      if (typeof origin === 'string' && origin !== request.site.code) {
        throw new HttpError(403, 'wrong_site', `event ${index} names origin site ${origin}; this certificate belongs to site ${request.site.code}`);
      }
    });
    const outcome = await ingestBatch(deps.store, body, deps.settings, deps.now);
    deps.notifier.notify({ persons: outcome.touchedPersons, originSite: request.site.code });
    return outcome.response;
  });

  app.post(endpoints.pull, async (request) => {
    const body = parse(pullRequestSchema, request.body);
    ownSite(request, body.site);
    try {
      return await pullPage(deps.store, { site: request.site.code, orgType: request.site.orgType, cursor: body.cursor, ...(body.limit ? { limit: body.limit } : {}) }, deps.settings, deps.now);
    } catch (err) {
      if (err instanceof CursorError) throw new HttpError(400, 'bad_request', err.message);
      throw err;
    }
  });

  app.post(endpoints.lookup, async (request) => {
    const body = parse(lookupRequestSchema, request.body);
    ownSite(request, body.site);
    try {
      return await lookup(deps.store, { code: request.site.code, orgType: request.site.orgType }, body, deps.settings, deps.now);
    } catch (err) {
      if (err instanceof LookupRefused) throw new HttpError(err.kind === 'bad_request' ? 400 : 403, err.kind, err.message);
      throw err;
    }
  });

  app.post(endpoints.wait, async (request) => {
    const body = parse(waitRequestSchema, request.body);
    ownSite(request, body.site);
    const abort = new AbortController();
    const onClose = () => abort.abort();
    request.raw.socket.once('close', onClose);
    try {
      return await waitForChanges(deps.store, deps.notifier, { site: request.site.code, cursor: body.cursor, waitMs: body.waitMs }, deps.now, abort.signal);
    } catch (err) {
      if (err instanceof CursorError) throw new HttpError(400, 'bad_request', err.message);
      throw err;
    } finally {
      request.raw.socket.off('close', onClose);
    }
  });

  app.get(endpoints.auditAnchors, async (request): Promise<AuditAnchorsResponse> => {
    const rows = rowsOf<{ batch_seq: string | number; count: string | number; hash: string; received_at: string | Date; anomaly: string | null }>(
      await deps.store.db.execute(sql`
        SELECT batch_seq, count, hash, received_at, anomaly FROM audit_anchors WHERE site_code = ${request.site.code} ORDER BY id DESC LIMIT 100`),
    );
    return auditAnchorsResponseSchema.parse({
      anchors: rows.map((r) => ({ batchSeq: Number(r.batch_seq), count: Number(r.count), hash: r.hash, receivedAt: new Date(r.received_at).toISOString(), anomaly: r.anomaly })),
    });
  });
}
