// Saving one record: patients.register through the router (validation, duplicate checks, person +
// NHS identifier + sync event + audit row in one fsync'd transaction) next to the floor the disk
// and cipher set: one INSERT of a comparable persons row (its FTS trigger included) in its own
// transaction on the same encrypted connection, synchronous=FULL in WAL, so every commit fsyncs.
// As in the register form, patients.findDuplicates runs first (timed on its own) and the
// candidates it shows count as reviewed, so a same-birthday namesake does not refuse the save.
import type { ChannelOutput } from '../contract/channels';
import type { SiteApp } from '../main/app/create-site-app';
import { ratio, summarise, timeAsync, timeSync, type Percentiles } from './percentiles';
import type { PopulationGenerator, SyntheticPerson } from './population';

export interface SaveResult {
  router: Percentiles;
  raw: Percentiles;
  ratioP95: number | null;
  /** patients.findDuplicates for the same person just before each save (not part of `router`). */
  findDuplicates: Percentiles;
  /** Saves whose person had same-birthday, similar-name candidates the bench marked as reviewed. */
  savesWithCandidates: number;
  synchronous: number;
  journalMode: string;
}

export function registerInput(p: SyntheticPerson, reviewedDuplicates: string[] = []) {
  return {
    familyName: p.familyName,
    givenNames: p.givenNames,
    title: p.title,
    birthDate: p.birthDate,
    sex: p.sex,
    nhsNumber: p.nhsNumber,
    reviewedDuplicates,
  };
}

export function duplicatesInput(p: SyntheticPerson) {
  return {
    familyName: p.familyName,
    givenNames: p.givenNames,
    birthDate: p.birthDate,
    identifiers: p.nhsNumber ? [{ type: 'nhs_number' as const, value: p.nhsNumber }] : [],
  };
}

export async function benchSave(
  app: SiteApp,
  token: string,
  options: { generator: PopulationGenerator; samples: number; warmup: number; adminId: string },
): Promise<SaveResult> {
  const raw = app.store.raw;
  const synchronous = raw.pragma('synchronous', { simple: true }) as number;
  const journalMode = String(raw.pragma('journal_mode', { simple: true }));
  if (synchronous !== 2 || journalMode !== 'wal') throw new Error(`expected WAL + synchronous=FULL(2), found ${journalMode} + ${synchronous}`);

  const insertPerson = raw.prepare(
    `INSERT INTO persons (id, family_name, given_names, title, birth_date, sex, version, origin_site, created_at, created_by, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
  );
  const insertOne = raw.transaction((p: SyntheticPerson, now: string) => {
    insertPerson.run(p.id, p.familyName, p.givenNames, p.title, p.birthDate, p.sex, app.site.siteCode, now, options.adminId, now);
  });

  const routerNs: number[] = [];
  const rawNs: number[] = [];
  const duplicatesNs: number[] = [];
  let savesWithCandidates = 0;
  const total = options.warmup + options.samples;
  for (let i = 0; i < total; i++) {
    const person = options.generator.next();
    const [dupNs, dup] = await timeAsync(() => app.router.handle('patients.findDuplicates', duplicatesInput(person), token));
    if (!dup.ok) throw new Error(`patients.findDuplicates failed: ${JSON.stringify(dup.error)}`);
    const { candidates } = dup.value as ChannelOutput<'patients.findDuplicates'>;
    if (candidates.some((c) => c.strength === 'identifier')) throw new Error(`generated NHS number ${person.nhsNumber} is already held`);
    const forRouter = registerInput(person, candidates.map((c) => c.person.id));
    const forRaw = options.generator.next();
    const runRaw = () => timeSync(() => insertOne.immediate(forRaw, new Date().toISOString()));
    const runRouter = () => timeAsync(() => app.router.handle('patients.register', forRouter, token));
    let r: number, s: number, result: Awaited<ReturnType<typeof runRouter>>[1];
    if (i % 2 === 0) {
      [r] = runRaw();
      [s, result] = await runRouter();
    } else {
      [s, result] = await runRouter();
      [r] = runRaw();
    }
    if (!result.ok) throw new Error(`patients.register failed: ${JSON.stringify(result.error)}`);
    if (i < options.warmup) continue;
    routerNs.push(s);
    rawNs.push(r);
    duplicatesNs.push(dupNs);
    if (candidates.length > 0) savesWithCandidates++;
  }
  const router = summarise(routerNs);
  const rawStats = summarise(rawNs);
  return {
    router,
    raw: rawStats,
    ratioP95: ratio(router.p95, rawStats.p95),
    findDuplicates: summarise(duplicatesNs),
    savesWithCandidates,
    synchronous,
    journalMode,
  };
}
