// Withdrawal scores over time, drawn as inline SVG (no chart library; styling by CSS classes and
// SVG attributes only, as the CSP requires). Each band is a shaded region named in words at the
// right, thresholds are dashed lines with their score, and every point carries its value as text:
// nothing is told by colour alone. The entries table beside it gives the same data as text.
import type { ChartBand, ChartEntry } from './chart-geometry';
import { CHART, chartLayout } from './chart-geometry';

interface Props {
  id: string;
  title: string;
  entries: readonly ChartEntry[];
  bands: readonly ChartBand[];
  max: number;
  /** One sentence for screen readers: the range of entries and the latest. */
  summary: string;
}

export function ScoreChart({ id, title, entries, bands, max, summary }: Props) {
  const layout = chartLayout(entries, bands, max);
  const { plot } = layout;
  const right = plot.x + plot.width;
  const bottom = plot.y + plot.height;
  return (
    <figure className="sonar-chart" data-testid="score-chart">
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="sonar-chart__svg" focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <g aria-hidden="true">
          {layout.bands.map((b) => (
            <g key={b.label} data-testid="chart-band">
              <rect x={plot.x} y={b.y} width={plot.width} height={b.height} className={`sonar-chart__band sonar-chart__band--${b.severity}`} />
              {b.height >= 12 ? (
                <text x={right + 8} y={b.labelY} dominantBaseline="middle" className="sonar-chart__band-label">
                  {b.label} ({b.min}-{b.max})
                </text>
              ) : null}
            </g>
          ))}
          {layout.thresholds.map((t) => (
            <g key={t.value} data-testid="chart-threshold">
              <line x1={plot.x} x2={right} y1={t.y} y2={t.y} className="sonar-chart__threshold" />
            </g>
          ))}
          {layout.yTicks.map((t) => (
            <g key={t.value}>
              <line x1={plot.x - 4} x2={plot.x} y1={t.y} y2={t.y} className="sonar-chart__axis" />
              <text x={plot.x - 8} y={t.y} textAnchor="end" dominantBaseline="middle" className="sonar-chart__tick">
                {t.value}
              </text>
            </g>
          ))}
          <line x1={plot.x} x2={plot.x} y1={plot.y} y2={bottom} className="sonar-chart__axis" />
          <line x1={plot.x} x2={right} y1={bottom} y2={bottom} className="sonar-chart__axis" />
          <text x={12} y={plot.y + plot.height / 2} transform={`rotate(-90 12 ${plot.y + plot.height / 2})`} textAnchor="middle" className="sonar-chart__tick">
            Score
          </text>
          {layout.dots.length > 1 ? <path d={layout.path} className="sonar-chart__line" /> : null}
          {layout.dots.map((d) => (
            <g key={d.at} data-testid="chart-point">
              <circle cx={d.x} cy={d.y} r={5} className="sonar-chart__dot" />
              <text x={d.x} y={d.y - 10} textAnchor="middle" className="sonar-chart__value">
                {d.value}
              </text>
              {d.labelled ? (
                <text x={d.x} y={bottom + 16} textAnchor="middle" className="sonar-chart__tick">
                  {d.time}
                </text>
              ) : null}
              {d.day ? (
                <text x={d.x} y={bottom + 32} textAnchor="middle" className="sonar-chart__tick">
                  {d.day}
                </text>
              ) : null}
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="nhsuk-body-s sonar-label">{summary}</figcaption>
    </figure>
  );
}
