// Seeded randomness, so two runs with the same seed build the same population and the same
// queries: sfc32 (fast, good enough for test data) and weighted pickers for skewed frequencies.

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [low, high] (both inclusive). */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/**
 * Picks from a list by rank with Zipf-Mandelbrot weights 1/(rank + q)^s: rank 1 most frequent,
 * a long tail after it. Cumulative weights and a binary search, so each pick is O(log n).
 */
export class ZipfPicker<T> {
  private readonly cumulative: Float64Array;

  constructor(
    private readonly items: readonly T[],
    s: number,
    q: number,
  ) {
    if (items.length === 0) throw new Error('ZipfPicker needs at least one item');
    this.cumulative = new Float64Array(items.length);
    let total = 0;
    for (let i = 0; i < items.length; i++) {
      total += 1 / Math.pow(i + 1 + q, s);
      this.cumulative[i] = total;
    }
    for (let i = 0; i < items.length; i++) this.cumulative[i] = (this.cumulative[i] ?? 0) / total;
  }

  /** The share of picks that land on rank `rank` (1-based), for reporting the skew. */
  share(rank: number): number {
    const hi = this.cumulative[rank - 1] ?? 0;
    const lo = rank >= 2 ? (this.cumulative[rank - 2] ?? 0) : 0;
    return hi - lo;
  }

  pick(rng: Prng): T {
    const u = rng.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 1) < u) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo] as T;
  }
}
