// Reception lookup (docs/sync-protocol.md "Lookup"): find people by a national identifier, decide
// what each origin site's data may be disclosed to the asking site (the same decideDisclosure as
// every pull page), record the disclosure, answer with the permitted events, and subscribe the
// site. Withheld categories are always named with their rule, never silently left out.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ClinicalEvent } from '../../contract/sync/events';
import type { LookupRequest, LookupResponse, OriginDecision } from '../../contract/sync/wire';
import type { DataCategory, OrgType } from '../../domain/access/disclosure';
import { checkIdentifier } from '../../domain/identifiers/identifier-types';
import { appendDisclosures, type DisclosureEntry } from '../audit/disclosure-log';
import { rowsOf, type CentralStore, type CentralTx } from '../db/open';
import { withRetry } from '../db/retry';
import { ALL_CATEGORIES, Decider } from '../policy/decider';
import { consentsFor, currentAgreements, siteOrgTypes } from '../policy/policy-inputs';
import { roleScope } from '../policy/role-scope';
import { evaluateGrant } from '../pull/grants';
import { siteAdvisoryLock } from '../pull/site-lock';
import { localDate, type CentralSettings } from '../settings';
import { upsertLookupSubscription } from '../subscriptions/subscriptions';

export class LookupRefused extends Error {
  constructor(
    readonly kind: 'bad_request' | 'not_permitted',
    message: string,
  ) {
    super(message);
  }
}

interface EventRow {
  seq: string | number;
  origin_site: string;
  sensitivity: DataCategory;
  body: ClinicalEvent;
}

export async function lookup(store: CentralStore, site: { code: string; orgType: OrgType }, request: LookupRequest, settings: CentralSettings, now: () => Date): Promise<LookupResponse> {
  const at = now();
  const checked = checkIdentifier(request.identifier.type, request.identifier.value, { allowTestNumbers: true, currentYear: at.getUTCFullYear() });
  if (!checked.ok) throw new LookupRefused('bad_request', `identifier: ${checked.reason}`);
  const scope = roleScope(request.user.role);
  type Answer = LookupResponse | { refused: string };
  return withRetry(() =>
    store.db.transaction(async (raw): Promise<Answer> => {
      const tx = raw as CentralTx;
      const base = auditBase(site.code, request, checked.value, at);
      if (!scope.allowed) {
        // A refused lookup is audited too, then refused: the audit row commits with this transaction.
        await appendDisclosures(tx, [{ ...base, outcome: 'refused', rule: scope.rule, eventCount: 0 }]);
        return { refused: scope.rule };
      }
      await siteAdvisoryLock(tx, site.code);
      const head = Number(rowsOf<{ last_seq: string | number }>(await tx.execute(sql`SELECT last_seq FROM log_head WHERE id = 1`))[0]?.last_seq ?? 0);
      const personIds = rowsOf<{ person_id: string }>(
        await tx.execute(sql`SELECT DISTINCT person_id FROM identifiers WHERE type = ${request.identifier.type} AND value = ${checked.value} AND NOT retired ORDER BY person_id`),
      ).map((r) => r.person_id);
      if (personIds.length === 0) {
        await appendDisclosures(tx, [{ ...base, outcome: 'not_found', rule: 'no person holds this identifier at the central', eventCount: 0 }]);
        return { disclosureId: base.id, people: [] };
      }

      const orgTypes = await siteOrgTypes(tx);
      const consents = await consentsFor(tx, personIds);
      const decider = new Decider(await currentAgreements(tx), localDate(at, settings.timeZone));
      const people: LookupResponse['people'] = [];
      const audit: DisclosureEntry[] = [];
      for (const personId of personIds) {
        const personConsents = consents.get(personId) ?? [];
        const origins = rowsOf<{ origin_site: string }>(
          await tx.execute(sql`SELECT DISTINCT origin_site FROM event_log WHERE person_id = ${personId} AND origin_site <> ${site.code} ORDER BY origin_site`),
        )
          .map((r) => r.origin_site)
          .filter((code) => orgTypes.has(code));
        const decisions: OriginDecision[] = origins.map((originSite) => {
          const orgType = orgTypes.get(originSite) as OrgType;
          const d = decider.decide({
            fromOrgType: orgType,
            toOrgType: site.orgType,
            purpose: request.purpose,
            categories: scope.categories,
            consents: personConsents,
            ...(request.override ? { override: request.override } : {}),
          });
          const roleWithheld = ALL_CATEGORIES.filter((c) => !scope.categories.includes(c)).map((category) => ({ category, rule: scope.rule }));
          return { originSite, orgType, outcome: d.outcome, permitted: d.permitted, withheld: [...d.withheld, ...roleWithheld], rule: d.rule, agreement: d.agreement };
        });

        const byOrigin = new Map(decisions.map((d) => [d.originSite, new Set(d.permitted)]));
        const anyPermitted = new Set(decisions.flatMap((d) => d.permitted));
        const rows = rowsOf<EventRow>(
          await tx.execute(sql`
            SELECT l.seq, l.origin_site, l.sensitivity, e.body FROM event_log l JOIN events e ON e.event_id = l.event_id
            WHERE l.person_id = ${personId} AND l.origin_site <> ${site.code} AND l.seq <= ${head}
            ORDER BY l.seq LIMIT ${settings.lookupMaxEvents + 1}`),
        );
        const more = rows.length > settings.lookupMaxEvents;
        const delivered = more ? rows.slice(0, settings.lookupMaxEvents) : rows;
        const events = delivered
          .filter((r) => (orgTypes.has(r.origin_site) ? byOrigin.get(r.origin_site)?.has(r.sensitivity) : anyPermitted.has(r.sensitivity)))
          .map((r) => r.body);
        const deliveredThrough = more ? Number(delivered[delivered.length - 1]?.seq) : head;

        let subscribedUntil: string | null = null;
        const denied = decisions.length > 0 && decisions.every((d) => d.outcome === 'deny');
        if (!denied) {
          const grant = evaluateGrant(
            { id: '', personId, kind: 'lookup', purpose: request.purpose, categoryCap: scope.capped ? [...scope.categories] : null, expiresAt: null, snapshotSeq: 0, snapshotFloor: 0, snapshotGen: 1, snapshotDone: true, granted: null },
            site.orgType,
            [...new Set(orgTypes.values())].sort(),
            personConsents,
            decider,
          );
          const until = await upsertLookupSubscription(tx, {
            site: site.code,
            personId,
            purpose: request.purpose,
            categoryCap: scope.capped ? [...scope.categories] : null,
            expiresAt: new Date(at.getTime() + settings.lookupSubscriptionMs),
            deliveredThrough,
            complete: !more,
            granted: grant.stored,
            now: at,
          });
          subscribedUntil = until ? until.toISOString() : null;
        }
        people.push({ personId, decisions, events, more, subscribedUntil });
        const permitted = [...new Set(decisions.flatMap((d) => d.permitted))].sort();
        audit.push({
          ...base,
          id: audit.length === 0 ? base.id : uuidv7(),
          personId,
          outcome: decisions.length === 0 ? 'permit' : denied ? 'deny' : decisions.every((d) => d.outcome === 'permit') ? 'permit' : 'permit_with_redactions',
          permitted,
          withheld: decisions.flatMap((d) => d.withheld.map((w) => ({ ...w, originSite: d.originSite }))),
          rule: decisions.map((d) => `${d.originSite}: ${d.rule}`).join('; ') || 'no other site holds data about this person',
          agreementRefs: decider.agreementRefs,
          eventCount: events.length,
          detail: { decisions: decisions.map((d) => ({ originSite: d.originSite, outcome: d.outcome })), subscribedUntil, ...(request.override ? { override: request.override } : {}) },
        });
      }
      await appendDisclosures(tx, audit);
      return { disclosureId: base.id, people };
    }),
  ).then((answer) => {
    if ('refused' in answer) throw new LookupRefused('not_permitted', answer.refused);
    return answer;
  });
}

function auditBase(site: string, request: LookupRequest, identifierValue: string, at: Date): Omit<DisclosureEntry, 'outcome' | 'rule' | 'eventCount'> & { eventCount: number } {
  return {
    id: uuidv7(),
    at,
    kind: 'lookup',
    siteCode: site,
    userId: request.user.id,
    userName: request.user.name,
    userRole: request.user.role,
    purpose: request.purpose,
    personId: null,
    identifierType: request.identifier.type,
    identifierValue,
    permitted: [],
    withheld: [],
    agreementRefs: [],
    eventCount: 0,
    detail: request.override ? { override: request.override } : null,
  };
}
