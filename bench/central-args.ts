// The central bench's options, taken out of `npm run bench -- ...` before the site bench reads the rest:
//   --central-only        run only the central ingest bench
//   --no-central          skip it
//   --central-events N    events to push (default 200000)
//   --central-sites N     sites pushing at once (default 4)
//   --no-central-kpis     skip the governance lead's KPI page over a regional history
//   --central-kpi-stays N stays in that history (default 200000, at 20 sites)
export interface CentralOptions {
  run: 'both' | 'only' | 'skip';
  events: number;
  sites: number;
  /** Stays of regional history for the KPI page bench (0: skipped). */
  kpiStays: number;
}

export const CENTRAL_USAGE = `central ingest (over mutual TLS into PostgreSQL):
  --central-only        only the central bench      --no-central         skip it
  --central-events N    events (default 200000)     --central-sites N    concurrent sites (default 4)
  --no-central-kpis     skip the KPI page bench     --central-kpi-stays N  stays of regional history (default 200000)`;

export function takeCentralArgs(argv: readonly string[]): { central: CentralOptions; rest: string[] } {
  const central: CentralOptions = { run: 'both', events: 200_000, sites: 4, kpiStays: 200_000 };
  const rest: string[] = [];
  const count = (flag: string, value: string | undefined, min: number) => {
    const n = Number((value ?? '').replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n < min) throw new Error(`${flag} needs a whole number >= ${min}, got "${value ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string;
    if (flag === '--central-only') central.run = 'only';
    else if (flag === '--no-central') central.run = 'skip';
    else if (flag === '--central-events') central.events = count(flag, argv[++i], 1000);
    else if (flag === '--central-sites') central.sites = count(flag, argv[++i], 1);
    else if (flag === '--no-central-kpis') central.kpiStays = 0;
    else if (flag === '--central-kpi-stays') central.kpiStays = count(flag, argv[++i], 1000);
    else rest.push(flag);
  }
  return { central, rest };
}
