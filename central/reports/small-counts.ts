// Small-count suppression for the aggregate tables the central shows: a count of 1 to 4 could
// identify a person, so it is shown as "<5". Hiding it alone is not enough when the table also
// shows figures it adds up to (the region total across sites; a section's parts and its total):
// the small count could be worked out by subtraction. So wherever exactly one figure of such a sum
// is hidden, the smallest other non-zero figure of that sum is hidden too (shown as "*"),
// repeatedly until no sum has exactly one hidden figure. A percentage is hidden when either of its
// counts is, and a time measured over 1 to 4 stays is hidden. Zero is shown: it identifies nobody.
export const SMALL_COUNT_MAX = 4;

export type CellState =
  /** Shown as it is. */
  | 'shown'
  /** A count of 1 to 4 ("<5"). */
  | 'small'
  /** Hidden so that a small count cannot be worked out, or measured over too few stays ("*"). */
  | 'hidden'
  /** Nothing to measure (a percentage of none, a time with no stays). */
  | 'none';

export interface ProtectedCell {
  state: CellState;
  /** The figure, only when it may be shown. */
  value: number | null;
}

export interface GridRow {
  id: string;
  unit: 'count' | 'percent' | 'minutes';
  /** Raw figures by column; a count is never null. */
  values: Readonly<Record<string, number | null>>;
  /** A percentage: numerator and denominator rows (counts in this grid). */
  percentOf?: { numerator: string; denominator: string };
  /** A time: how many stays it is measured over, by column (not itself shown). */
  measuredOver?: Readonly<Record<string, number>>;
}

export interface Grid {
  /** Site columns; the region total is `regionColumn` (each count row's sites add up to it). */
  columns: readonly string[];
  regionColumn: string | null;
  rows: readonly GridRow[];
  /** Within each column, these rows add up to `total`. */
  sums: readonly { parts: readonly string[]; total: string }[];
}

export type ProtectedGrid = Map<string, Map<string, ProtectedCell>>;

type CellRef = readonly [row: string, column: string];

export function protectGrid(grid: Grid): ProtectedGrid {
  const counts = new Map(grid.rows.filter((r) => r.unit === 'count').map((r) => [r.id, r]));
  const allColumns = grid.regionColumn ? [...grid.columns, grid.regionColumn] : [...grid.columns];
  const raw = (row: string, column: string) => counts.get(row)?.values[column] ?? 0;

  const state = new Map<string, CellState>();
  const key = (row: string, column: string) => `${row}\u0000${column}`;
  for (const row of counts.values()) {
    for (const column of allColumns) {
      const v = raw(row.id, column);
      state.set(key(row.id, column), v >= 1 && v <= SMALL_COUNT_MAX ? 'small' : 'shown');
    }
  }

  // Every sum the table shows: across sites to the region, and each declared sum within a column.
  const constraints: { parts: CellRef[]; total: CellRef }[] = [];
  if (grid.regionColumn) {
    for (const row of counts.keys()) constraints.push({ parts: grid.columns.map((c) => [row, c] as const), total: [row, grid.regionColumn] });
  }
  for (const sum of grid.sums) {
    for (const column of allColumns) constraints.push({ parts: sum.parts.map((p) => [p, column] as const), total: [sum.total, column] });
  }

  const hidden = (cell: CellRef) => state.get(key(...cell)) !== 'shown';
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of constraints) {
      const cells = [...c.parts, c.total];
      if (cells.filter(hidden).length !== 1) continue;
      // The smallest non-zero part still shown; the total only when no part will do.
      const candidates = c.parts.filter((cell) => !hidden(cell) && raw(...cell) > 0).sort((a, b) => raw(...a) - raw(...b));
      const pick = candidates[0] ?? (!hidden(c.total) && raw(...c.total) > 0 ? c.total : undefined);
      if (!pick) continue;
      state.set(key(...pick), 'hidden');
      changed = true;
    }
  }

  const out: ProtectedGrid = new Map();
  for (const row of grid.rows) {
    const cells = new Map<string, ProtectedCell>();
    for (const column of allColumns) cells.set(column, protectCell(row, column, raw, (r) => state.get(key(r, column)) ?? 'shown'));
    out.set(row.id, cells);
  }
  return out;
}

function protectCell(row: GridRow, column: string, raw: (row: string, column: string) => number, stateOf: (row: string) => CellState): ProtectedCell {
  if (row.unit === 'count') {
    const s = stateOf(row.id);
    return { state: s, value: s === 'shown' ? raw(row.id, column) : null };
  }
  if (row.unit === 'percent' && row.percentOf) {
    const denominator = raw(row.percentOf.denominator, column);
    if (denominator === 0) return { state: 'none', value: null };
    if (stateOf(row.percentOf.numerator) !== 'shown' || stateOf(row.percentOf.denominator) !== 'shown') return { state: 'hidden', value: null };
    return { state: 'shown', value: (100 * raw(row.percentOf.numerator, column)) / denominator };
  }
  const over = row.measuredOver?.[column] ?? 0;
  const value = row.values[column] ?? null;
  if (over === 0 || value === null) return { state: 'none', value: null };
  if (over <= SMALL_COUNT_MAX) return { state: 'hidden', value: null };
  return { state: 'shown', value };
}
