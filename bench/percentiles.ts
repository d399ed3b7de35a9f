// Latency samples in nanoseconds (process.hrtime.bigint) summarised as percentiles in ms.

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  n: number;
}

/** Nearest-rank percentile of an ascending array. */
function rank(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const ms = (ns: number) => Math.round(ns / 1e3) / 1e3;

export function summarise(samplesNs: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samplesNs).sort();
  const total = samplesNs.reduce((a, b) => a + b, 0);
  return {
    p50: ms(rank(sorted, 50)),
    p95: ms(rank(sorted, 95)),
    p99: ms(rank(sorted, 99)),
    mean: ms(sorted.length ? total / sorted.length : Number.NaN),
    max: ms(rank(sorted, 100)),
    n: sorted.length,
  };
}

/** Runs `fn` once: how long it took in nanoseconds, and what it returned. */
export function timeSync<T>(fn: () => T): [number, T] {
  const start = process.hrtime.bigint();
  const value = fn();
  return [Number(process.hrtime.bigint() - start), value];
}

/** Awaits `fn` once: how long it took in nanoseconds, and what it resolved to. */
export async function timeAsync<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - start), value];
}

/** a / b rounded to two places, or null when b is zero. */
export function ratio(a: number, b: number): number | null {
  return b > 0 ? Math.round((a / b) * 100) / 100 : null;
}
