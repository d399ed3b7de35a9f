// Rebuilds every clinical table from an event log into another (fresh, encrypted) store, and
// compares the two row for row. Disaster recovery, and the standing proof that the events are
// complete: a clinical change made anywhere but through an event shows up as a difference.
import type { OpenedStore, RawDb } from '../open';
import { CLINICAL_TABLES, clinicalTableNames, type ClinicalTable } from './clinical-tables';
import { EventLog } from './event-log';
import { Projector } from './projector';

export interface RebuildProgress {
  events: number;
}

const PAGE = 2000;

/** Applies `source`'s whole event log, in its order, to `target` (which must hold no events yet). */
export function rebuildFromLog(source: RawDb, target: OpenedStore, siteCode: string, onProgress?: (p: RebuildProgress) => void): number {
  const log = new EventLog(source);
  const projector = new Projector(target.raw, siteCode);
  const copyPush = target.raw.prepare(
    'UPDATE event_log SET push_state = @pushState, push_reason = @pushReason, pushed_at = @pushedAt, central_seq = @centralSeq WHERE id = @id',
  );
  let after = 0;
  let applied = 0;
  for (;;) {
    const page = log.page(after, PAGE);
    if (page.length === 0) break;
    target.raw
      .transaction(() => {
        for (const logged of page) {
          projector.apply(logged.event, logged.source, logged.appliedAt);
          const { pushState, pushReason, pushedAt, centralSeq } = logged;
          if (logged.source === 'local') copyPush.run({ id: logged.event.eventId, pushState, pushReason, pushedAt, centralSeq });
        }
      })
      .immediate();
    applied += page.length;
    after = page[page.length - 1]!.seq;
    onProgress?.({ events: applied });
  }
  return applied;
}

export interface TableDifference {
  table: ClinicalTable;
  rowsLive: number;
  rowsRebuilt: number;
  /** The first row (by key) that differs, with the columns that differ. */
  first: { key: string; columns: string[] } | null;
}

function rows(raw: RawDb, table: ClinicalTable): Record<string, unknown>[] {
  return raw.prepare(`SELECT * FROM ${table} ORDER BY ${CLINICAL_TABLES[table]}`).all() as Record<string, unknown>[];
}

/** Every clinical table compared row for row; an empty list means the two are identical. */
export function compareClinicalTables(live: RawDb, rebuilt: RawDb): TableDifference[] {
  const differences: TableDifference[] = [];
  for (const table of clinicalTableNames) {
    const a = rows(live, table);
    const b = rows(rebuilt, table);
    let first: TableDifference['first'] = null;
    for (let i = 0; i < Math.max(a.length, b.length) && !first; i++) {
      const x = a[i] ?? {};
      const y = b[i] ?? {};
      const columns = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((c) => x[c] !== y[c]);
      if (columns.length > 0) first = { key: String(x[CLINICAL_TABLES[table]] ?? y[CLINICAL_TABLES[table]]), columns };
    }
    if (first || a.length !== b.length) differences.push({ table, rowsLive: a.length, rowsRebuilt: b.length, first });
  }
  return differences;
}
