// A report section's chart: bars with their values written on them (nothing by colour alone), a
// legend when there is more than one series, and a caption. The table below it carries the same
// numbers for anyone who cannot see the chart; recharts' accessibility layer lets a keyboard user
// step through the bars.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportChart as Chart } from '../../../contract/channels/reports';

/** NHS.UK colour palette: blue, light blue, purple, green, warm yellow; each with the text colour that reads on it. */
const SHADES = ['#005eb8', '#41b6e6', '#330072', '#007f3b', '#ffb81c'];
const ON_SHADE = ['#ffffff', '#212b32', '#ffffff', '#ffffff', '#212b32'];

/** Room for one bar (or one group of bars) and its category label. */
const ROW_PX = 34;

export function ReportChart({ chart, id }: { chart: Chart; id: string }) {
  const captionId = `${id}-caption`;
  const perCategory = chart.stacked ? 1 : chart.series.length;
  const height = Math.max(120, chart.data.length * perCategory * ROW_PX + (chart.series.length > 1 ? 64 : 40));
  return (
    <figure className="sonar-report-chart" aria-labelledby={captionId} data-testid="report-chart">
      <figcaption id={captionId} className="nhsuk-heading-s">
        {chart.title}
      </figcaption>
      <div className="sonar-report-chart__plot" style={{ height }}>
        {/* Horizontal bars: category names are long and read on the left, values at the end of each bar. */}
        <ResponsiveContainer width="100%" height={height}>
          <BarChart data={chart.data} layout="vertical" margin={{ top: 8, right: 48, bottom: 8, left: 8 }} accessibilityLayer title={chart.title}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} label={{ value: chart.valueLabel, position: 'insideBottomRight', offset: -4 }} />
            <YAxis type="category" dataKey={chart.categoryKey} width={230} interval={0} tick={{ fontSize: 14 }} />
            <Tooltip />
            {chart.series.length > 1 ? <Legend verticalAlign="top" /> : null}
            {chart.series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={SHADES[i % SHADES.length]} {...(chart.stacked ? { stackId: 'all' } : {})} isAnimationActive={false}>
                <LabelList dataKey={s.key} position={chart.stacked ? 'inside' : 'right'} fill={chart.stacked ? ON_SHADE[i % ON_SHADE.length] : '#212b32'} />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
