// Loads a large synthetic substance misuse history (the data the workforce and patient outcomes
// reports read) into the site's store through the projector, as the app's own writes do: each
// event is made in the shape the services emit (report-sms-events.ts), checked against the event
// catalogue (a sample of them, as emit checks each), appended to the event log and projected into
// the tables with the same appliers, as local changes (so every version guard is exercised), in
// time order, many events to a transaction. `episodes` referrals over `days` before `endsAt`,
// ~20 events each.
import { clinicalEventSchema } from '../contract/sync/events';
import type { SiteStore } from '../db/store';
import { episodeEvents, stamp, type TimedEvent, type Worker } from './report-sms-events';
import { Prng } from './prng';

export interface SmsLoadOptions {
  episodes: number;
  days: number;
  endsAt: Date;
  seed: number;
  progress: (message: string) => void;
}

export interface SmsLoadResult {
  episodes: number;
  /** Events appended to the log and projected. */
  events: number;
  byType: Record<string, number>;
  seconds: number;
  eventsPerSecond: number;
}

const BATCH_EPISODES = 2_000;
/** One event in this many is parsed against the catalogue before it is applied. */
const CHECK_EVERY = 25;

const staff = (prefix: string, label: string, n: number): Worker[] =>
  Array.from({ length: n }, (_, i) => ({ id: `0195ffff-0000-7000-8000-${prefix}${String(i).padStart(10, '0')}`, name: `${label} ${i + 1}` }));

export function loadSmsHistory(store: SiteStore, options: SmsLoadOptions): SmsLoadResult {
  const raw = store.raw;
  const rng = new Prng(options.seed ^ 0x5a5a);
  const personIds = raw.prepare('SELECT id FROM persons ORDER BY seq LIMIT ?').pluck().all(Math.max(options.episodes, 1000)) as string[];
  if (personIds.length === 0) throw new Error('load people first: the substance misuse history needs persons');
  const endsAt = options.endsAt.getTime();
  const start = endsAt - options.days * 86_400_000;
  // A team the size of a large prison's: 30 clinical and 30 psychosocial keyworkers, 40 healthcare staff.
  const ctx = {
    siteCode: store.siteCode,
    endsAt,
    rng,
    clinical: staff('c1', 'Clinical keyworker', 30),
    psychosocial: staff('c2', 'Psychosocial worker', 30),
    healthcare: staff('c3', 'Healthcare nurse', 40),
  };
  const referred = Float64Array.from({ length: options.episodes }, () => start + Math.floor(rng.next() * options.days * 86_400_000)).sort();
  const byType: Record<string, number> = {};
  let events = 0;
  let clock = BigInt(start) << 16n;
  const appliedAt = new Date().toISOString();
  // Events are applied in time order across episodes, as a site makes them, so a month's rows sit
  // together in each table and index as at a real site: episodes are made in order of referral,
  // and what they made before the next batch's first referral is applied, the rest held back.
  let pending: TimedEvent[] = [];
  const batch = raw.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) for (const e of episodeEvents(ctx, personIds[rng.int(personIds.length)]!, referred[i]!)) pending.push(e);
    const before = to < options.episodes ? referred[to]! : Number.POSITIVE_INFINITY;
    pending.sort((a, b) => a.atMs - b.atMs || a.seq - b.seq);
    const due = pending.findIndex((e) => e.atMs >= before);
    const now = due < 0 ? pending : pending.slice(0, due);
    pending = due < 0 ? [] : pending.slice(due);
    for (const made of now) {
      const event = stamp(made.event, (clock += 1n));
      if (events % CHECK_EVERY === 0) clinicalEventSchema.parse(event);
      if (store.projector.apply(event, 'local', appliedAt) !== 'applied') throw new Error(`event ${event.eventId} (${event.type}) was not applied`);
      byType[event.type] = (byType[event.type] ?? 0) + 1;
      events++;
    }
  });
  const previous = { synchronous: raw.pragma('synchronous', { simple: true }) as number, cacheSize: raw.pragma('cache_size', { simple: true }) as number };
  raw.pragma('synchronous = OFF');
  // Episodes interleave in time, so the log's and the tables' keys land all over their B-trees: a
  // page cache big enough to hold them saves decrypting and re-encrypting each page per event.
  raw.pragma('cache_size = -262144');
  const started = process.hrtime.bigint();
  try {
    for (let done = 0; done < options.episodes; done += BATCH_EPISODES) {
      batch.immediate(done, Math.min(options.episodes, done + BATCH_EPISODES));
      options.progress(`substance misuse history: ${Math.min(options.episodes, done + BATCH_EPISODES).toLocaleString('en-GB')} / ${options.episodes.toLocaleString('en-GB')} episodes, ${events.toLocaleString('en-GB')} events`);
    }
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.exec('ANALYZE');
  } finally {
    raw.pragma(`synchronous = ${previous.synchronous}`);
    raw.pragma(`cache_size = ${previous.cacheSize}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { episodes: options.episodes, events, byType, seconds: Math.round(seconds * 10) / 10, eventsPerSecond: Math.round(events / seconds) };
}
