// One pull page for a site (docs/sync-protocol.md "Pull"): removal instructions owed, snapshot
// events of new subscriptions, then the live stream after the cursor, for the people the site
// subscribes to, never the site's own events, each event checked against policy as it stands now.
// Everything is decided and recorded in one transaction; the page carries a checksum.
import { sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { ClinicalEvent } from '../../contract/sync/events';
import { pageChecksumInput, PULL_DEFAULT_LIMIT, type PullPage, type RemoveInstruction, type WithheldNotice } from '../../contract/sync/wire';
import type { DataCategory, OrgType, Purpose } from '../../domain/access/disclosure';
import { appendDisclosures, type DisclosureEntry } from '../audit/disclosure-log';
import { rowsOf, type CentralStore, type CentralTx } from '../db/open';
import { withRetry } from '../db/retry';
import { Decider } from '../policy/decider';
import { consentsFor, currentAgreements, siteOrgTypes } from '../policy/policy-inputs';
import { sha256Hex } from '../push/check-event';
import { localDate, type CentralSettings } from '../settings';
import { decodeCursor, encodeCursor, snapshotKey, type CursorToken } from './cursor-token';
import { evaluateGrant, sameGrant, type Grant, type SubscriptionRow } from './grants';
import { siteAdvisoryLock } from './site-lock';

const REMOVALS_PER_PAGE = 1000;

export interface PullInput {
  site: string;
  orgType: OrgType;
  cursor: string | null;
  limit?: number;
}

interface SubscriptionDbRow {
  id: string;
  person_id: string;
  kind: SubscriptionRow['kind'];
  purpose: Purpose;
  category_cap: DataCategory[] | null;
  expires_at: string | Date | null;
  snapshot_seq: string | number | null;
  snapshot_floor: string | number;
  snapshot_gen: number;
  snapshot_done: boolean;
  granted: Record<string, string[]> | null;
}

interface EventRow {
  seq: string | number;
  person_id: string;
  origin_site: string;
  sensitivity: DataCategory;
  body: ClinicalEvent;
}

export async function pullPage(store: CentralStore, input: PullInput, settings: CentralSettings, now: () => Date): Promise<PullPage> {
  const token = decodeCursor(input.cursor);
  return withRetry(() => store.db.transaction((tx) => pageInTransaction(tx as CentralTx, input, token, settings, now())));
}

async function pageInTransaction(tx: CentralTx, input: PullInput, token: CursorToken, settings: CentralSettings, at: Date): Promise<PullPage> {
  const site = input.site;
  const limit = input.limit ?? PULL_DEFAULT_LIMIT;
  await siteAdvisoryLock(tx, site);
  // The head first: pushes commit in seq order, so everything up to it is visible to the reads below.
  const head = Number(rowsOf<{ last_seq: string | number }>(await tx.execute(sql`SELECT last_seq FROM log_head WHERE id = 1`))[0]?.last_seq ?? 0);

  const subs = rowsOf<SubscriptionDbRow>(
    await tx.execute(sql`SELECT * FROM subscriptions WHERE site_code = ${site} ORDER BY person_id`),
  ).map(toSubscription);

  // Lapsed subscriptions: the site is told to remove the person's shared data.
  const live: SubscriptionRow[] = [];
  for (const sub of subs) {
    if (sub.expiresAt && sub.expiresAt.getTime() <= at.getTime()) {
      await tx.execute(sql`DELETE FROM subscriptions WHERE id = ${sub.id}`);
      await tx.execute(sql`
        INSERT INTO removals (site_code, person_id, categories, origin_sites, reason, created_at)
        VALUES (${site}, ${sub.personId}, '"all"'::jsonb, '"all"'::jsonb, ${lapseReason(sub, settings)}, ${at.toISOString()})`);
    } else live.push(sub);
  }

  // Policy inputs are read after the head, so they are at least as fresh as the events delivered.
  const orgTypes = await siteOrgTypes(tx);
  const fromOrgTypes = [...new Set(orgTypes.values())].sort();
  const consents = await consentsFor(tx, live.map((s) => s.personId));
  const decider = new Decider(await currentAgreements(tx), localDate(at, settings.timeZone));
  const grants = new Map<string, Grant>();
  for (const sub of live) {
    const change = evaluateGrant(sub, input.orgType, fromOrgTypes, consents.get(sub.personId) ?? [], decider);
    grants.set(sub.personId, change.grant);
    for (const lost of change.lost) {
      const origins = [...orgTypes.entries()].filter(([code, t]) => t === lost.orgType && code !== site).map(([code]) => code).sort();
      if (origins.length === 0) continue;
      await tx.execute(sql`
        INSERT INTO removals (site_code, person_id, categories, origin_sites, reason, created_at)
        VALUES (${site}, ${sub.personId}, ${JSON.stringify(lost.categories)}::jsonb, ${JSON.stringify(origins)}::jsonb, ${lost.rules.join('; ')}, ${at.toISOString()})`);
    }
    if (change.gained) {
      // Newly permitted categories: send the person's earlier events again (they were skipped).
      sub.snapshotGen += 1;
      sub.snapshotSeq = head;
      sub.snapshotFloor = 0;
      sub.snapshotDone = false;
      await tx.execute(sql`
        UPDATE subscriptions SET granted = ${JSON.stringify(change.stored)}::jsonb, snapshot_gen = ${sub.snapshotGen}, snapshot_seq = ${head},
               snapshot_floor = 0, snapshot_done = false WHERE id = ${sub.id}`);
    } else if (!sameGrant(sub.granted, change.stored)) {
      await tx.execute(sql`UPDATE subscriptions SET granted = ${JSON.stringify(change.stored)}::jsonb WHERE id = ${sub.id}`);
    }
  }

  const removalRows = rowsOf<{ id: string | number; person_id: string; categories: RemoveInstruction['categories']; origin_sites: RemoveInstruction['originSites']; reason: string }>(
    await tx.execute(sql`SELECT id, person_id, categories, origin_sites, reason FROM removals WHERE site_code = ${site} AND id > ${token.r} ORDER BY id LIMIT ${REMOVALS_PER_PAGE}`),
  );
  const removes: RemoveInstruction[] = removalRows.map((r) => ({ personId: r.person_id, categories: r.categories, originSites: r.origin_sites, reason: r.reason }));
  const nextR = removalRows.length > 0 ? Number(removalRows[removalRows.length - 1]?.id) : token.r;

  const collector = new PageCollector(site, orgTypes, grants, new Map(live.map((s) => [s.personId, s.purpose])));
  const nextB: Record<string, number> = {};
  let snapshotsPending = false;

  // Snapshots: the events before the cursor of people the site was not subscribed to then. One
  // already covered (by the cursor's proof of progress, a lookup answer, or a cursor from before the
  // subscription began) is complete; the others are served a few at a time.
  const complete: string[] = [];
  const open: { sub: SubscriptionRow; key: string; progress: number; bound: number }[] = [];
  const unfixed = live.filter((s) => !s.snapshotDone && s.snapshotSeq === null).map((s) => s.id);
  if (unfixed.length > 0) {
    // First sight of a subscription a push made: its snapshot reaches this site's cursor.
    await tx.execute(sql`UPDATE subscriptions SET snapshot_seq = ${token.s} WHERE snapshot_seq IS NULL AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(unfixed)}::jsonb)::uuid)`);
  }
  for (const sub of live.filter((s) => !s.snapshotDone)) {
    const key = snapshotKey(sub.id, sub.snapshotGen);
    const progress = Math.max(token.b[key] ?? 0, sub.snapshotFloor);
    const bound = Math.min(sub.snapshotSeq ?? token.s, token.s);
    if (progress >= bound) complete.push(sub.id);
    else open.push({ sub, key, progress, bound });
  }
  if (complete.length > 0) {
    await tx.execute(sql`UPDATE subscriptions SET snapshot_done = true WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(complete)}::jsonb)::uuid)`);
  }
  const pending = open.slice(0, settings.concurrentSnapshots);
  for (const item of pending) {
    let progress = item.progress;
    const room = limit - collector.scanned;
    if (room > 0) {
      const rows = await personEvents(tx, item.sub.personId, site, progress, item.bound, room);
      for (const row of rows) collector.offer(row);
      progress = rows.length < room ? item.bound : Number(rows[rows.length - 1]?.seq);
    }
    nextB[item.key] = progress;
    if (progress < item.bound) snapshotsPending = true;
  }

  // The live stream after the cursor.
  let nextS = token.s;
  let streamFull = false;
  const room = limit - collector.scanned;
  const persons = live.map((s) => s.personId);
  if (persons.length === 0 || head <= token.s) nextS = Math.max(token.s, head);
  else if (room > 0) {
    const rows = rowsOf<EventRow>(
      await tx.execute(sql`
        SELECT l.seq, l.person_id, l.origin_site, l.sensitivity, e.body FROM event_log l JOIN events e ON e.event_id = l.event_id
        WHERE l.seq > ${token.s} AND l.seq <= ${head} AND l.origin_site <> ${site}
          AND l.person_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(persons)}::jsonb)::uuid)
        ORDER BY l.seq LIMIT ${room}`),
    );
    for (const row of rows) collector.offer(row);
    streamFull = rows.length === room;
    nextS = streamFull ? Number(rows[rows.length - 1]?.seq) : head;
  } else streamFull = true;

  await appendDisclosures(tx, collector.disclosures(at, decider));

  const nextCursor = encodeCursor({ v: 1, s: nextS, r: nextR, b: nextB });
  const page = { events: collector.events, removes, nextCursor };
  return {
    ...page,
    withheld: collector.withheldNotices(),
    head,
    through: nextS,
    // More is ready now if the stream filled the page, a snapshot is part-way, removals were cut off,
    // or subscriptions are queued behind the snapshots in progress.
    more: streamFull || snapshotsPending || removalRows.length === REMOVALS_PER_PAGE || open.length > pending.length,
    checksum: sha256Hex(pageChecksumInput(page)),
  };
}

async function personEvents(tx: CentralTx, personId: string, site: string, after: number, through: number, limit: number): Promise<EventRow[]> {
  return rowsOf<EventRow>(
    await tx.execute(sql`
      SELECT l.seq, l.person_id, l.origin_site, l.sensitivity, e.body FROM event_log l JOIN events e ON e.event_id = l.event_id
      WHERE l.person_id = ${personId} AND l.seq > ${after} AND l.seq <= ${through} AND l.origin_site <> ${site}
      ORDER BY l.seq LIMIT ${limit}`),
  );
}

function toSubscription(r: SubscriptionDbRow): SubscriptionRow {
  return {
    id: r.id,
    personId: r.person_id,
    kind: r.kind,
    purpose: r.purpose,
    categoryCap: r.category_cap,
    expiresAt: r.expires_at === null ? null : new Date(r.expires_at),
    snapshotSeq: r.snapshot_seq === null ? null : Number(r.snapshot_seq),
    snapshotFloor: Number(r.snapshot_floor),
    snapshotGen: r.snapshot_gen,
    snapshotDone: r.snapshot_done,
    granted: r.granted,
  };
}

function lapseReason(sub: SubscriptionRow, settings: CentralSettings): string {
  const on = sub.expiresAt ? sub.expiresAt.toISOString() : '';
  switch (sub.kind) {
    case 'stay':
      return `the stay at this site ended and the ${Math.round(settings.stayRetentionMs / 86_400_000)}-day retention period closed on ${on}`;
    case 'lookup':
      return `the lookup subscription lapsed on ${on} without a stay starting`;
    case 'author':
      return `this site's recent work with the person ended on ${on}`;
  }
}

/** Gathers a page's events, skipping what policy withholds, and what each person's disclosure was. */
class PageCollector {
  readonly events: ClinicalEvent[] = [];
  scanned = 0;
  private readonly seen = new Set<string>();
  private readonly withheld = new Map<string, WithheldNotice>();
  private readonly perPerson = new Map<string, { count: number; categories: Set<DataCategory> }>();

  constructor(
    private readonly site: string,
    private readonly orgTypes: ReadonlyMap<string, OrgType>,
    private readonly grants: ReadonlyMap<string, Grant>,
    private readonly purposes: ReadonlyMap<string, Purpose>,
  ) {}

  offer(row: EventRow): void {
    this.scanned++;
    if (this.seen.has(row.body.eventId)) return;
    const grant = this.grants.get(row.person_id);
    const verdict = grant ? this.judge(row, grant) : { ok: false as const, rule: 'no subscription' };
    if (!verdict.ok) {
      const key = `${row.person_id}|${row.origin_site}|${row.sensitivity}`;
      const notice = this.withheld.get(key);
      if (notice) notice.count++;
      else this.withheld.set(key, { personId: row.person_id, originSite: row.origin_site, category: row.sensitivity, rule: verdict.rule, count: 1 });
      return;
    }
    this.seen.add(row.body.eventId);
    this.events.push(row.body);
    const p = this.perPerson.get(row.person_id) ?? { count: 0, categories: new Set<DataCategory>() };
    p.count++;
    p.categories.add(row.sensitivity);
    this.perPerson.set(row.person_id, p);
  }

  private judge(row: EventRow, grant: Grant): { ok: true } | { ok: false; rule: string } {
    const orgType = this.orgTypes.get(row.origin_site);
    if (!orgType) {
      // The central's own events (conflicts) go wherever the category may go from any origin.
      if (row.origin_site !== this.site && grant.anyPermitted.has(row.sensitivity)) return { ok: true };
      return { ok: false, rule: `${row.sensitivity} is not shared with this site from any origin` };
    }
    if (grant.permitted.get(orgType)?.has(row.sensitivity)) return { ok: true };
    return { ok: false, rule: grant.withheld.get(orgType)?.get(row.sensitivity) ?? 'not permitted' };
  }

  withheldNotices(): WithheldNotice[] {
    return [...this.withheld.values()];
  }

  disclosures(at: Date, decider: Decider): DisclosureEntry[] {
    return [...this.perPerson.entries()].map(([personId, p]) => {
      const withheld = [...this.withheld.values()].filter((w) => w.personId === personId);
      return {
        id: uuidv7(),
        at,
        kind: 'pull' as const,
        siteCode: this.site,
        userId: null,
        userName: null,
        userRole: null,
        purpose: this.purposes.get(personId) ?? 'direct_care',
        personId,
        identifierType: null,
        identifierValue: null,
        outcome: withheld.length > 0 ? 'permit_with_redactions' : 'permit',
        permitted: [...p.categories].sort(),
        withheld: withheld.map((w) => ({ category: w.category, rule: w.rule, originSite: w.originSite })),
        rule: 'subscribed person on a pull page',
        agreementRefs: decider.agreementRefs,
        eventCount: p.count,
        detail: null,
      };
    });
  }
}
