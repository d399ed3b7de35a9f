import { describe, expect, it } from 'vitest';
import { cows } from '../../../domain/templates/library';
import { CHART, chartLayout } from './chart-geometry';

const bands = cows.scores[0]!.bands;

describe('withdrawal chart layout', () => {
  const entries = [
    { at: new Date(2026, 10, 23, 16, 0).toISOString(), value: 14, band: 'Moderate withdrawal' },
    { at: new Date(2026, 10, 23, 8, 0).toISOString(), value: 3, band: 'No active withdrawal' },
    { at: new Date(2026, 10, 23, 12, 0).toISOString(), value: 8, band: 'Mild withdrawal' },
  ];
  const layout = chartLayout(entries, bands, 48);

  it('puts entries in time order, left to right, higher scores higher', () => {
    expect(layout.dots.map((d) => d.value)).toEqual([3, 8, 14]);
    expect(layout.dots[0]!.x).toBeLessThan(layout.dots[1]!.x);
    expect(layout.dots[1]!.x).toBeLessThan(layout.dots[2]!.x);
    expect(layout.dots[2]!.y).toBeLessThan(layout.dots[0]!.y);
    expect(layout.path.startsWith('M')).toBe(true);
  });

  it('draws a threshold at each band start and stacks the bands without gaps', () => {
    expect(layout.thresholds.map((t) => t.value)).toEqual([5, 13, 25, 37]);
    for (let i = 1; i < layout.bands.length; i++) {
      expect(layout.bands[i]!.y + layout.bands[i]!.height).toBeCloseTo(layout.bands[i - 1]!.y, 5);
    }
    expect(layout.bands[0]!.y + layout.bands[0]!.height).toBeCloseTo(CHART.height - CHART.bottom, 5);
    expect(layout.bands[layout.bands.length - 1]!.y).toBeCloseTo(CHART.top, 5);
  });

  it('a single entry sits in the middle; the day is written once per day', () => {
    const one = chartLayout([entries[0]!], bands, 48);
    expect(one.dots[0]!.x).toBeCloseTo(CHART.left + (CHART.width - CHART.left - CHART.right) / 2);
    expect(layout.dots.map((d) => d.day)).toEqual(['23-Nov', null, null]);
  });
});
