// A report section's chart: bars with their values written on them (nothing by colour alone), a
// legend when there is more than one series, and a caption. The table below it carries the same
// numbers for anyone who cannot see the chart; recharts' accessibility layer lets a keyboard user
// step through the bars.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportChart as Chart } from '../../../contract/channels/reports';

/** NHS.UK colour palette: blue, light blue, purple, green, warm yellow. */
const SHADES = ['#005eb8', '#41b6e6', '#330072', '#007f3b', '#ffb81c'];

export function ReportChart({ chart, id }: { chart: Chart; id: string }) {
  const captionId = `${id}-caption`;
  return (
    <figure className="sonar-report-chart" aria-labelledby={captionId} data-testid="report-chart">
      <figcaption id={captionId} className="nhsuk-heading-s">
        {chart.title}
      </figcaption>
      <div className="sonar-report-chart__plot">
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={chart.data} margin={{ top: 24, right: 16, bottom: 8, left: 8 }} accessibilityLayer title={chart.title}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey={chart.categoryKey} interval={0} tick={{ fontSize: 12 }} height={60} />
            <YAxis allowDecimals={false} label={{ value: chart.valueLabel, angle: -90, position: 'insideLeft' }} />
            <Tooltip />
            {chart.series.length > 1 ? <Legend /> : null}
            {chart.series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={SHADES[i % SHADES.length]} {...(chart.stacked ? { stackId: 'all' } : {})} isAnimationActive={false}>
                <LabelList dataKey={s.key} position={chart.stacked ? 'inside' : 'top'} fill={chart.stacked && i === 0 ? '#ffffff' : '#212b32'} />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
