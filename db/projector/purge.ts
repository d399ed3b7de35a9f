// Removing what a site no longer has a basis to hold (permission withdrawn: dissent recorded, an
// agreement ended, a subscription lapsed). The received events covered by the instruction leave the
// log, and the person's rows in every clinical table are rebuilt from the events that remain, so
// the tables stay a function of the log. This site's own events are never removed.
import { clinicalEventSchema } from '../../contract/sync/events';
import type { RawDb } from '../open';
import { CLINICAL_TABLES, clinicalTableNames } from './clinical-tables';
import type { Projector } from './projector';

export interface PurgeScope {
  personId: string;
  categories: 'all' | readonly string[];
  originSites: 'all' | readonly string[];
}

function placeholders(list: readonly string[]): string {
  return list.map(() => '?').join(', ');
}

/** Must run inside a transaction (the page's). Returns how many received events were removed. */
export function purgeReceived(raw: RawDb, projector: Projector, scope: PurgeScope): number {
  if (!raw.inTransaction) throw new Error('A purge runs inside the transaction of its page');
  const where = ["person_id = ?", "source = 'sync'"];
  const params: string[] = [scope.personId];
  if (scope.categories !== 'all') {
    where.push(`sensitivity IN (${placeholders(scope.categories)})`);
    params.push(...scope.categories);
  }
  if (scope.originSites !== 'all') {
    where.push(`origin_site IN (${placeholders(scope.originSites)})`);
    params.push(...scope.originSites);
  }
  // While this site holds records of its own about the person, it keeps what identifies them.
  const ownRecords = raw.prepare("SELECT 1 FROM event_log WHERE person_id = ? AND source = 'local' LIMIT 1").get(scope.personId) !== undefined;
  if (ownRecords) where.push("sensitivity <> 'demographics'");
  const removed = raw.prepare(`DELETE FROM event_log WHERE ${where.join(' AND ')}`).run(...params).changes;
  if (removed === 0) return 0;

  // Rebuild the person's projection from the events that remain, oldest first.
  raw.pragma('defer_foreign_keys = ON');
  for (const table of clinicalTableNames) {
    if (table === 'persons') continue;
    raw.prepare(`DELETE FROM ${table} WHERE person_id = ?`).run(scope.personId);
  }
  const remaining = raw.prepare('SELECT body FROM event_log WHERE person_id = ? ORDER BY seq').pluck().all(scope.personId) as string[];
  // A break-glass record of this site refers to the person: the row stays for the audit's sake.
  const referenced = raw.prepare('SELECT 1 FROM break_glass WHERE person_id = ? LIMIT 1').get(scope.personId) !== undefined;
  if (remaining.length === 0 && referenced) return removed;
  raw.prepare(`DELETE FROM persons WHERE ${CLINICAL_TABLES.persons} = ?`).run(scope.personId);
  for (const body of remaining) projector.replay(clinicalEventSchema.parse(JSON.parse(body)));
  return removed;
}
