// The long poll behind POST /v1/wait: answer at once if the site has something to pull (events
// after its cursor, removals owed, snapshots owed, a lapsed subscription), otherwise hold the request
// until a push about one of its people wakes it or the wait runs out. The listener is attached
// before the first check, so a push that commits during the check is not missed.
import { sql } from 'drizzle-orm';
import { rowsOf, type CentralStore } from '../db/open';
import { decodeCursor } from '../pull/cursor-token';
import { concerns, type Change, type ChangeNotifier } from './change-notifier';

export async function pendingFor(store: CentralStore, site: string, cursor: string | null, now: Date): Promise<{ pending: boolean; head: number; persons: Set<string> }> {
  const token = decodeCursor(cursor);
  const db = store.db;
  const head = Number(rowsOf<{ last_seq: string | number }>(await db.execute(sql`SELECT last_seq FROM log_head WHERE id = 1`))[0]?.last_seq ?? 0);
  const subs = rowsOf<{ person_id: string; snapshot_done: boolean; expires_at: string | Date | null }>(
    await db.execute(sql`SELECT person_id, snapshot_done, expires_at FROM subscriptions WHERE site_code = ${site}`),
  );
  const persons = new Set(subs.map((s) => s.person_id));
  if (subs.some((s) => !s.snapshot_done || (s.expires_at !== null && new Date(s.expires_at).getTime() <= now.getTime()))) return { pending: true, head, persons };
  const removal = rowsOf(await db.execute(sql`SELECT 1 FROM removals WHERE site_code = ${site} AND id > ${token.r} LIMIT 1`));
  if (removal.length > 0) return { pending: true, head, persons };
  if (persons.size > 0 && head > token.s) {
    const event = rowsOf(
      await db.execute(sql`
        SELECT 1 FROM event_log WHERE seq > ${token.s} AND origin_site <> ${site}
          AND person_id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...persons])}::jsonb)::uuid) LIMIT 1`),
    );
    if (event.length > 0) return { pending: true, head, persons };
  }
  return { pending: false, head, persons };
}

export async function waitForChanges(
  store: CentralStore,
  notifier: ChangeNotifier,
  request: { site: string; cursor: string | null; waitMs: number },
  now: () => Date,
  signal: AbortSignal,
): Promise<{ changed: boolean; head: number }> {
  const early: Change[] = [];
  let persons: ReadonlySet<string> | null = null;
  let wake: () => void = () => undefined;
  const woken = new Promise<void>((resolve) => (wake = resolve));
  const stop = notifier.listen(request.site, (change) => {
    if (persons === null) early.push(change);
    else if (concerns(change, persons)) wake();
  });
  try {
    const first = await pendingFor(store, request.site, request.cursor, now());
    if (first.pending || request.waitMs === 0) return { changed: first.pending, head: first.head };
    persons = first.persons;
    const seen = persons;
    if (!early.some((c) => concerns(c, seen))) {
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        woken.then(() => 'woken' as const),
        new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), request.waitMs))),
        new Promise<'aborted'>((resolve) => (signal.aborted ? resolve('aborted') : signal.addEventListener('abort', () => resolve('aborted'), { once: true }))),
      ]);
      clearTimeout(timer);
      if (outcome !== 'woken') return { changed: false, head: first.head };
    }
    const after = await pendingFor(store, request.site, request.cursor, now());
    return { changed: after.pending, head: after.head };
  } finally {
    stop();
  }
}
