import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectGrid, type Grid, type ProtectedGrid } from './small-counts';

const states = (p: ProtectedGrid, row: string) => Object.fromEntries([...(p.get(row) ?? new Map())].map(([c, cell]) => [c, cell.state === 'shown' ? cell.value : cell.state]));

describe('small-count suppression', () => {
  it('hides counts of 1 to 4 and shows 0 and 5', () => {
    const grid: Grid = { columns: ['A', 'B', 'C', 'D'], regionColumn: null, rows: [{ id: 'n', unit: 'count', values: { A: 0, B: 1, C: 4, D: 5 } }], sums: [] };
    expect(states(protectGrid(grid), 'n')).toEqual({ A: 0, B: 'small', C: 'small', D: 5 });
  });

  it('hides a second site when the region total would give the small count away', () => {
    const grid: Grid = { columns: ['A', 'B', 'C'], regionColumn: 'R', rows: [{ id: 'n', unit: 'count', values: { A: 3, B: 10, C: 0, R: 13 } }], sums: [] };
    // Without B hidden, 13 - 10 - 0 = 3 would show A.
    expect(states(protectGrid(grid), 'n')).toEqual({ A: 'small', B: 'hidden', C: 0, R: 13 });
  });

  it('hides the total of a column when the other parts are all zero', () => {
    const grid: Grid = {
      columns: ['A'],
      regionColumn: null,
      rows: [
        { id: 'x', unit: 'count', values: { A: 2 } },
        { id: 'y', unit: 'count', values: { A: 0 } },
        { id: 't', unit: 'count', values: { A: 2 } },
      ],
      sums: [{ parts: ['x', 'y'], total: 't' }],
    };
    const p = protectGrid(grid);
    expect([states(p, 'x'), states(p, 'y'), states(p, 't')]).toEqual([{ A: 'small' }, { A: 0 }, { A: 'small' }]);
  });

  it('hides a percentage of a hidden count, leaves a percentage of none empty, and hides a time over 1 to 4 stays', () => {
    const grid: Grid = {
      columns: ['A', 'B', 'C'],
      regionColumn: null,
      rows: [
        { id: 'done', unit: 'count', values: { A: 3, B: 8, C: 0 } },
        { id: 'due', unit: 'count', values: { A: 10, B: 10, C: 0 } },
        { id: 'pct', unit: 'percent', values: {}, percentOf: { numerator: 'done', denominator: 'due' } },
        { id: 'median', unit: 'minutes', values: { A: 40, B: 50, C: null }, measuredOver: { A: 4, B: 5, C: 0 } },
      ],
      sums: [],
    };
    const p = protectGrid(grid);
    expect(states(p, 'pct')).toEqual({ A: 'hidden', B: 80, C: 'none' });
    expect(states(p, 'median')).toEqual({ A: 'hidden', B: 50, C: 'none' });
  });

  it('never leaves a sum with exactly one hidden figure, never shows 1 to 4, and shows every other figure as it is (property)', () => {
    const cell = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 }));
    const shape = fc.record({ sites: fc.integer({ min: 1, max: 5 }), parts: fc.integer({ min: 1, max: 5 }) });
    const arb = shape.chain(({ sites, parts }) => fc.array(fc.array(cell, { minLength: sites, maxLength: sites }), { minLength: parts, maxLength: parts }));
    let grids = 0;
    fc.assert(
      fc.property(arb, (parts) => {
        const columns = parts[0]!.map((_, i) => `S${i}`);
        const rowOf = (id: string, values: number[]) => {
          const v: Record<string, number> = Object.fromEntries(values.map((x, i) => [`S${i}`, x]));
          v.R = values.reduce((a, b) => a + b, 0);
          return { id, unit: 'count' as const, values: v };
        };
        const rows = parts.map((values, i) => rowOf(`p${i}`, values));
        rows.push(rowOf('total', columns.map((_, c) => parts.reduce((sum, r) => sum + r[c]!, 0))));
        const grid: Grid = { columns, regionColumn: 'R', rows, sums: [{ parts: rows.slice(0, -1).map((r) => r.id), total: 'total' }] };
        const p = protectGrid(grid);
        const shown = (row: string, col: string) => p.get(row)!.get(col)!.state === 'shown';
        for (const r of rows) {
          for (const c of [...columns, 'R']) {
            const v = r.values[c]!;
            if (v >= 1 && v <= 4) expect(shown(r.id, c)).toBe(false);
            if (shown(r.id, c)) expect(p.get(r.id)!.get(c)!.value).toBe(v);
          }
          expect([...columns, 'R'].filter((c) => !shown(r.id, c)).length).not.toBe(1);
        }
        for (const c of [...columns, 'R']) expect(rows.filter((r) => !shown(r.id, c)).length).not.toBe(1);
        grids++;
      }),
      { numRuns: 500, seed: 20250301 },
    );
    expect(grids).toBe(500);
  });
});
