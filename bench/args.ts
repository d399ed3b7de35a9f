// Command line of `npm run bench -- [options]`.

export interface BenchArgs {
  people: number;
  samples: number;
  warmup: number;
  keep: boolean;
  dataDir: string | null;
  seed: number;
  batch: number;
  breakdown: boolean;
  projectorPeople: number;
  /** Starts of the browser host timed on each store (start-up bench). */
  startupRuns: number;
  /** Only the start-up bench (after loading the population). */
  startupOnly: boolean;
  /** Stays of synthetic custody and prison history for the report bench (0 skips it). */
  reportStays: number;
  /** Substance misuse episodes (referrals, ~20 events each) for the workforce and outcomes reports (0 skips them). */
  reportSms: number;
  reportSamples: number;
  /** Only the report bench (after loading the population). */
  reportsOnly: boolean;
}

export const USAGE = `usage: npm run bench -- [--people N] [--samples N] [--warmup N] [--seed N] [--batch N]
                          [--data-dir DIR] [--keep] [--no-breakdown] [--startup-runs N] [--startup-only]
                          [--report-stays N] [--report-sms N] [--report-samples N] [--reports-only]
  --people N      synthetic people to load (default 1000000)
  --samples N     measured calls per benchmark (default 2000)
  --warmup N      unmeasured calls before each benchmark (default 200)
  --seed N        seed for the population and the queries (default 20240601)
  --batch N       rows per bulk-load transaction (default 50000)
  --data-dir DIR  a new or empty directory for the site (default: a fresh temp directory)
  --keep          keep the data directory (and print where it is)
  --no-breakdown  skip the step-by-step timing of the router's work
  --projector-people N  people (5 events each) for the projector apply bench (default 20000)
  --startup-runs N  starts of the browser host timed on the large and on an empty store (default 3)
  --startup-only  load the population, then time start-up only
  --report-stays N  stays of custody and prison history for the report bench, ~5 events each (default 250000, about 1,000,000 events; 0 skips it)
  --report-sms N  substance misuse episodes for the workforce and outcomes reports, ~20 events each written through the projector (default 46000, about 1,000,000 events; 0 skips them)
  --report-samples N  timed runs of each report (default 40)
  --reports-only  load the population and the histories, then time the reports only`;

function count(flag: string, value: string | undefined, min: number): number {
  const n = Number((value ?? '').replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${flag} needs a whole number >= ${min}, got "${value ?? ''}"`);
  return n;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    people: 1_000_000,
    samples: 2000,
    warmup: 200,
    keep: false,
    dataDir: null,
    seed: 20240601,
    batch: 50_000,
    breakdown: true,
    projectorPeople: 20_000,
    startupRuns: 3,
    startupOnly: false,
    reportStays: 250_000,
    reportSms: 46_000,
    reportSamples: 40,
    reportsOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    switch (flag) {
      case '--people':
        args.people = count(flag, value(), 1);
        break;
      case '--samples':
        args.samples = count(flag, value(), 1);
        break;
      case '--warmup':
        args.warmup = count(flag, value(), 0);
        break;
      case '--seed':
        args.seed = count(flag, value(), 0);
        break;
      case '--batch':
        args.batch = count(flag, value(), 1);
        break;
      case '--data-dir': {
        const dir = value();
        if (!dir) throw new Error('--data-dir needs a directory');
        args.dataDir = dir;
        break;
      }
      case '--keep':
        args.keep = true;
        break;
      case '--projector-people':
        args.projectorPeople = count(flag, value(), 1);
        break;
      case '--no-breakdown':
        args.breakdown = false;
        break;
      case '--startup-runs':
        args.startupRuns = count(flag, value(), 1);
        break;
      case '--startup-only':
        args.startupOnly = true;
        break;
      case '--report-stays':
        args.reportStays = count(flag, value(), 0);
        break;
      case '--report-sms':
        args.reportSms = count(flag, value(), 0);
        break;
      case '--report-samples':
        args.reportSamples = count(flag, value(), 1);
        break;
      case '--reports-only':
        args.reportsOnly = true;
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option ${String(flag)}\n${USAGE}`);
    }
  }
  return args;
}
