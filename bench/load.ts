// Bulk-loads the synthetic population into the site's encrypted database with raw prepared
// statements in large transactions. The search triggers (FTS5, alias keys) and the name indexes
// fill as rows go in, exactly as they do for a registration. Durability is relaxed for the load only (synchronous=OFF, a
// bigger page cache) and put back to the app's settings before anything is measured.
import type { RawDb } from '../db/open';
import type { PopulationGenerator } from './population';

export interface LoadOptions {
  people: number;
  batchSize: number;
  originSite: string;
  createdBy: string;
  progress: (message: string) => void;
}

export interface LoadResult {
  people: number;
  /** Every identifier row: NHS numbers and the others. */
  identifiers: number;
  aliases: number;
  seconds: number;
  rowsPerSecond: number;
}

/** Page cache for the load only (KiB, as a negative cache_size): index pages stay hot while rows go in. */
const LOAD_CACHE_KIB = 512 * 1024;

export function bulkLoad(raw: RawDb, generator: PopulationGenerator, options: LoadOptions): LoadResult {
  const insertPerson = raw.prepare(
    `INSERT INTO persons (id, family_name, given_names, title, birth_date, sex, version, origin_site, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertNhs = raw.prepare(`INSERT INTO person_identifiers (id, person_id, type, value, origin_site, created_at, created_by) VALUES (?, ?, 'nhs_number', ?, ?, ?, ?)`);
  const insertOther = raw.prepare(`INSERT INTO person_identifiers (id, person_id, type, value, origin_site, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertAlias = raw.prepare(`INSERT INTO person_aliases (id, person_id, family_name, given_names, origin_site, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  let identifiers = 0;
  let aliases = 0;
  const insertBatch = raw.transaction((count: number) => {
    for (let i = 0; i < count; i++) {
      const p = generator.next();
      insertPerson.run(p.id, p.familyName, p.givenNames, p.title, p.birthDate, p.sex, options.originSite, p.createdAt, options.createdBy, p.createdAt);
      if (p.nhsNumber !== null && p.nhsId !== null) {
        insertNhs.run(p.nhsId, p.id, p.nhsNumber, options.originSite, p.createdAt, options.createdBy);
        identifiers++;
      }
      p.others.forEach((o, j) => {
        insertOther.run(`${p.id}-i${j}`, p.id, o.type, o.value, options.originSite, p.createdAt, options.createdBy);
        identifiers++;
      });
      p.aliases.forEach((a, j) => {
        insertAlias.run(`${p.id}-a${j}`, p.id, a.familyName, a.givenNames, options.originSite, p.createdAt, options.createdBy);
        aliases++;
      });
    }
  });

  const previous = {
    synchronous: raw.pragma('synchronous', { simple: true }) as number,
    cacheSize: raw.pragma('cache_size', { simple: true }) as number,
  };
  raw.pragma('synchronous = OFF');
  raw.pragma(`cache_size = ${-LOAD_CACHE_KIB}`);
  const started = process.hrtime.bigint();
  let done = 0;
  try {
    while (done < options.people) {
      const count = Math.min(options.batchSize, options.people - done);
      insertBatch.immediate(count);
      done += count;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      options.progress(
        `loaded ${done.toLocaleString('en-GB')} / ${options.people.toLocaleString('en-GB')} people ` +
          `(${seconds.toFixed(1)} s, ${Math.round(done / seconds).toLocaleString('en-GB')} people/s)`,
      );
    }
  } finally {
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma(`cache_size = ${previous.cacheSize}`);
    raw.pragma(`synchronous = ${previous.synchronous}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { people: done, identifiers, aliases, seconds, rowsPerSecond: Math.round(done / seconds) };
}
