// Where things go on the withdrawal chart: scores over time on a fixed score axis (0 to the scale's
// maximum), each band a shaded region with its name, and a point per entry. Pure, so it is tested
// without a browser; ScoreChart draws it as SVG.
import { format } from 'date-fns';
import type { Severity } from '../../../domain/templates/template-schema';

export interface ChartEntry {
  at: string;
  value: number;
  band: string | null;
}

export interface ChartBand {
  min: number;
  max: number;
  label: string;
  severity: Severity;
}

export const CHART = { width: 760, height: 320, left: 44, right: 230, top: 16, bottom: 48 } as const;

export interface ChartLayout {
  plot: { x: number; y: number; width: number; height: number };
  bands: (ChartBand & { y: number; height: number; labelY: number })[];
  /** Lines at the lowest score of each band above the first: the thresholds. */
  thresholds: { y: number; value: number }[];
  yTicks: { y: number; value: number }[];
  /** `labelled`: whether the time is written under the axis (not when it would overprint the last one). */
  dots: (ChartEntry & { x: number; y: number; time: string; day: string | null; labelled: boolean })[];
  path: string;
}

export function chartLayout(entries: readonly ChartEntry[], bands: readonly ChartBand[], max: number): ChartLayout {
  const plot = { x: CHART.left, y: CHART.top, width: CHART.width - CHART.left - CHART.right, height: CHART.height - CHART.top - CHART.bottom };
  const top = Math.max(max, ...entries.map((e) => e.value), 1);
  // Band edges sit half-way between whole scores, so a band 5-12 covers 4.5 to 12.5.
  const yOf = (score: number) => plot.y + plot.height - (Math.min(Math.max(score, 0), top) / top) * plot.height;
  const edge = (score: number) => yOf(Math.min(Math.max(score, 0), top));

  const laidBands = bands.map((b) => {
    const y = edge(b.max + 0.5 > top ? top : b.max + 0.5);
    const bottom = edge(b.min === 0 ? 0 : b.min - 0.5);
    return { ...b, y, height: Math.max(bottom - y, 0), labelY: (y + bottom) / 2 };
  });
  const thresholds = bands.filter((b) => b.min > 0).map((b) => ({ value: b.min, y: edge(b.min - 0.5) }));
  const step = top > 40 ? 10 : top > 20 ? 5 : 2;
  const yTicks: { y: number; value: number }[] = [];
  for (let v = 0; v <= top; v += step) yTicks.push({ value: v, y: yOf(v) });

  const times = entries.map((e) => new Date(e.at).getTime());
  const first = Math.min(...times);
  const last = Math.max(...times);
  const span = last - first;
  const xOf = (t: number) => (span === 0 ? plot.x + plot.width / 2 : plot.x + 16 + ((t - first) / span) * (plot.width - 32));
  const sorted = [...entries].sort((a, b) => a.at.localeCompare(b.at));
  let lastDay = '';
  let lastLabelX = -Infinity;
  const dots = sorted.map((e) => {
    const d = new Date(e.at);
    const x = xOf(d.getTime());
    const labelled = x - lastLabelX >= 44;
    if (labelled) lastLabelX = x;
    const day = format(d, 'dd-MMM');
    const showDay = labelled && day !== lastDay;
    if (showDay) lastDay = day;
    return { ...e, x, y: yOf(e.value), time: format(d, 'HH:mm'), day: showDay ? day : null, labelled };
  });
  const path = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x.toFixed(1)} ${d.y.toFixed(1)}`).join(' ');
  return { plot, bands: laidBands, thresholds, yTicks, dots, path };
}
