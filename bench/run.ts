// `npm run bench`: builds a site with a synthetic population in its encrypted database, then times
// patient search and registration through the router next to the raw SQL underneath, and the
// custody KPI, workforce planning and patient outcomes reports through the report worker next to
// their SQL run directly (report-bench.ts); then the central record's ingest over mutual TLS into
// PostgreSQL next to a raw multi-row INSERT and the governance lead's KPI page over a regional
// history (under "central"). Progress goes to stderr; stdout carries exactly one JSON object. Exits 0 when a target
// is missed (the JSON says so) and 1 only when the bench itself fails.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { RawDb } from '../db/open';
import { DB_FILE } from '../main/app/create-site-app';
import { parseArgs } from './args';
import { saveBreakdown, searchBreakdown } from './breakdown';
import { bulkLoad } from './load';
import { PopulationGenerator } from './population';
import { Prng } from './prng';
import { IDENTIFIER_KINDS, NAME_KINDS, sampleIdentifiers, samplePeople, type QueryKind, type SampledPerson } from './queries';
import { buildReport, queryPlans } from './report';
import { benchFormSave } from './form-save-bench';
import { benchProjectorApply } from './projector-bench';
import { benchSave } from './save-bench';
import { benchSearch } from './search-bench';
import { startBenchSite } from './site';
import { benchStartup } from './startup-bench';
import { benchCentralIngest } from './central-bench';
import { benchSyncLatency } from './sync-latency-bench';
import { CENTRAL_USAGE, takeCentralArgs, type CentralOptions } from './central-args';
import { benchCentralKpis } from './central-kpi-bench';
import { benchReports, REPORT_TARGET_P95_MS, type ReportBenchResult } from './report-bench';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function databaseFacts(raw: RawDb, dataDir: string): Record<string, unknown> {
  const one = (sql: string) => raw.prepare(sql).pluck().get();
  const size = (file: string) => {
    try {
      return statSync(join(dataDir, file)).size;
    } catch {
      return 0;
    }
  };
  return {
    fileBytes: size(DB_FILE),
    walBytes: size(`${DB_FILE}-wal`),
    pageSize: one('PRAGMA page_size'),
    cacheSize: one('PRAGMA cache_size'),
    persons: one('SELECT count(*) FROM persons'),
    auditEvents: one('SELECT count(*) FROM audit_events'),
    identifiers: raw.prepare('SELECT type, count(*) AS n FROM person_identifiers GROUP BY type ORDER BY type').all(),
    aliases: one('SELECT count(*) FROM person_aliases'),
    ftsDataRows: one("SELECT count(*) FROM person_search_data"),
    analyzed: one("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'") === 1,
    topFamilyNames: raw
      .prepare('SELECT family_name AS name, count(*) AS people FROM persons GROUP BY family_name ORDER BY people DESC LIMIT 5')
      .all(),
  };
}

function makeQueries(kinds: readonly QueryKind<SampledPerson>[], people: readonly SampledPerson[], rng: Prng, n: number): string[] {
  return Array.from({ length: n }, (_, i) => kinds[i % kinds.length]!.make(people[i % people.length]!, rng));
}

async function centralSection(options: CentralOptions): Promise<Record<string, unknown> | null> {
  if (options.run === 'skip') return null;
  log('central ingest...');
  const ingest = await benchCentralIngest({ events: options.events, sites: options.sites }, log);
  log('write at one site to readable at another...');
  const latency = await benchSyncLatency({ samples: 50 }, log);
  let kpis: Awaited<ReturnType<typeof benchCentralKpis>> | null = null;
  if (options.kpiStays > 0) {
    log(`the governance lead's KPI page over ${options.kpiStays.toLocaleString('en-GB')} stays of regional history...`);
    kpis = await benchCentralKpis({ stays: options.kpiStays, sites: 20, samples: 10, explain: false }, log);
  }
  return { ...ingest, syncLatency: latency, kpiPage: kpis, pass: ingest.pass === true && latency.pass === true && (kpis?.pass ?? true) };
}

async function main(): Promise<void> {
  const { central: centralOptions, rest } = takeCentralArgs(process.argv.slice(2));
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stderr.write(`${CENTRAL_USAGE}\n`);
  }
  if (centralOptions.run === 'only') {
    const central = await centralSection(centralOptions);
    process.stdout.write(JSON.stringify({ central, pass: { centralIngest: central?.pass === true, all: central?.pass === true } }, null, 2) + '\n');
    return;
  }
  const args = parseArgs(rest);
  log(`people=${args.people} samples=${args.samples} warmup=${args.warmup} seed=${args.seed}`);
  const site = await startBenchSite({ dataDir: args.dataDir, log });
  log(`site in ${site.dataDir} (encrypted, key file beside it); first administrator created`);
  try {
    const raw = site.app.store.raw;
    const generator = new PopulationGenerator({ seed: args.seed, people: args.people });
    const top = generator.expectedTopShare();
    log(`generating: expected ${top.name} share ${(top.share * 100).toFixed(2)}%`);
    const generation = bulkLoad(raw, generator, {
      people: args.people,
      batchSize: args.batch,
      originSite: site.app.site.siteCode,
      createdBy: site.adminId,
      progress: log,
    });
    log(`generated ${generation.people} people, ${generation.identifiers} identifiers, ${generation.aliases} aliases in ${generation.seconds.toFixed(1)} s`);
    const reportBench = async (): Promise<ReportBenchResult | null> => {
      if (args.reportStays === 0 && args.reportSms === 0) return null;
      log(`reports over ${args.reportStays.toLocaleString('en-GB')} stays of custody history and ${args.reportSms.toLocaleString('en-GB')} substance misuse episodes...`);
      const admin = await site.signIn();
      const manager = { username: 'bench.manager', temporary: 'bench temporary password 1', own: 'bench manager password not for real use' };
      await site.ok('staff.create', { fullName: 'Bench Manager', username: manager.username, roles: ['team_manager'], temporaryPassword: manager.temporary }, admin);
      const first = await site.ok('auth.signIn', { username: manager.username, password: manager.temporary });
      await site.ok('auth.changePassword', { currentPassword: manager.temporary, newPassword: manager.own }, first.token);
      return benchReports(site.app, async () => (await site.ok('auth.signIn', { username: manager.username, password: manager.own })).token, {
        stays: args.reportStays,
        smsEpisodes: args.reportSms,
        samples: args.reportSamples,
        warmup: Math.min(args.warmup, 12),
        seed: args.seed,
        createdBy: site.adminId,
        log,
      });
    };
    if (args.reportsOnly) {
      const reports = await reportBench();
      const pass = reports ? { ...reports.pass, all: Object.values(reports.pass).every(Boolean) } : { all: true };
      process.stdout.write(JSON.stringify({ people: generation.people, reports, targets: { reportP95Ms: REPORT_TARGET_P95_MS }, pass }, null, 2) + '\n');
      log(pass.all ? 'all report targets met' : 'report targets missed');
      return;
    }
    if (args.startupOnly) {
      const database = databaseFacts(raw, site.dataDir);
      site.closeApp();
      const startup = await benchStartup({ dataDir: site.dataDir, people: generation.people, runs: args.startupRuns, log });
      process.stdout.write(JSON.stringify({ people: generation.people, startup, database, pass: { startup: startup.pass } }, null, 2) + '\n');
      log(startup.pass ? 'start-up target met' : 'start-up target missed');
      return;
    }

    const token = await site.signIn();
    log('administrator signed in');
    const rng = new Prng(args.seed ^ 0x5eed);
    const perKind = (kinds: number) => Math.ceil((args.samples + args.warmup) / kinds);
    const namePeople = samplePeople(raw, perKind(1), rng);

    log('ranked search by name...');
    const name = await benchSearch(site.app, token, { kinds: NAME_KINDS, samples: () => namePeople, count: args.samples, warmup: args.warmup, rng });
    log(`  router p95 ${name.router.p95} ms, raw p95 ${name.raw.p95} ms`);
    log('search by identifier...');
    const identifier = await benchSearch(site.app, token, {
      kinds: IDENTIFIER_KINDS,
      samples: (k) => sampleIdentifiers(raw, IDENTIFIER_KINDS[k]!.type, perKind(IDENTIFIER_KINDS.length), rng),
      count: args.samples,
      warmup: args.warmup,
      rng,
    });
    log(`  router p95 ${identifier.router.p95} ms, raw p95 ${identifier.raw.p95} ms`);
    log('save...');
    const save = await benchSave(site.app, token, { generator, samples: args.samples, warmup: args.warmup, adminId: site.adminId });
    log(`  router p95 ${save.router.p95} ms, raw p95 ${save.raw.p95} ms`);

    log('save of a 60-item scored form...');
    const formSave = await benchFormSave(site.app, token, { samples: Math.min(args.samples, 1000), warmup: args.warmup, adminId: site.adminId });
    log(`  router p95 ${formSave.router.p95} ms, raw p95 ${formSave.raw.p95} ms`);

    log('projector apply (events received by sync) next to raw inserts of the same rows...');
    const projector = benchProjectorApply({ people: args.projectorPeople });
    log(`  projector ${projector.projector.eventsPerSecond} events/s, raw ${projector.raw.rowsPerSecond} rows/s, the event log alone ${projector.rawEventLogOnly.rowsPerSecond} rows/s`);

    const reports = await reportBench();

    let breakdown: Record<string, unknown> | null = null;
    if (args.breakdown) {
      log('breakdown of the router steps...');
      const n = Math.min(args.samples, 1000);
      // The reports above can outlast the site's idle period, which locks the first session.
      const breakdownToken = await site.signIn();
      breakdown = {
        note: 'ms; each step timed on its own for the same inputs; routerWithoutReadAudit and router are whole router calls, the first with the read-audit row switched off',
        searchName: await searchBreakdown(site.app, site.adminId, breakdownToken, makeQueries(NAME_KINDS, namePeople, rng, n)),
        save: saveBreakdown(site.app, site.adminId, generator, Math.min(n, 500), site.dataDir),
      };
    }

    const database = databaseFacts(raw, site.dataDir);
    const plans = queryPlans(raw);
    site.closeApp();
    log('start-up of the browser host...');
    const startup = await benchStartup({ dataDir: site.dataDir, people: generation.people, runs: args.startupRuns, log });
    const report = buildReport({
      people: generation.people,
      identifiers: generation.identifiers,
      aliases: generation.aliases,
      generation,
      search: { name, identifier },
      save,
      formSave,
      projector,
      breakdown,
      plans,
      database,
      seed: args.seed,
      samples: args.samples,
      startup,
      reports,
    });
    const central = await centralSection(centralOptions);
    const pass = { ...report.pass, ...(central ? { centralIngest: central.pass === true, all: report.pass.all && central.pass === true } : {}) };
    process.stdout.write(JSON.stringify({ ...report, ...(central ? { central } : {}), pass }, null, 2) + '\n');
    log(pass.all ? 'all targets met' : `targets missed: ${Object.entries(pass).filter(([k, v]) => k !== 'all' && !v).map(([k]) => k).join(', ')}`);
  } finally {
    site.close(args.keep);
    if (args.keep) log(`kept ${site.dataDir}`);
  }
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
