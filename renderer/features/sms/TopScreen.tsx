// A person's TOPs over time: days used per substance in each 4-week period (0-28) and the three
// 0-20 ratings (psychological health, physical health, quality of life). Lines differ by dash and
// marker as well as colour, and the table below gives every value in words ("Not disclosed" where
// the person did not say): the chart never tells anything by colour alone.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChannelOutput } from '../../../contract/channels';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { useApp } from '../../app/store-context';
import { PageHeading } from '../../components/PageHeading';
import { LoadFailed } from '../forms/LoadFailed';
import { PersonFrame } from '../person/PersonFrame';
import { useChannel } from './use-channel';

type Point = ChannelOutput<'sms.topHistory'>['points'][number];

const STROKES = ['#005eb8', '#d5281b', '#007f3b', '#330072', '#ed8b00', '#425563', '#7c2855', '#212b32'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4', '4 4', '3 6'];

export function topChartRows(points: readonly Point[]) {
  return points.map((p) => ({
    when: `${p.interviewDate ? formatClinicalDate(p.interviewDate) : formatClinicalDate(p.recordedAt.slice(0, 10))} (${p.stageLabel})`,
    ...Object.fromEntries(p.days.map((d) => [d.key, d.days.value])),
    ...Object.fromEntries(p.ratings.map((r) => [r.id, r.rating.value])),
  }));
}

function valueText(v: { value: number | null; notDisclosed: boolean }): string {
  return v.value !== null ? String(v.value) : v.notDisclosed ? 'Not disclosed' : 'Not asked';
}

function Charts({ points }: { points: Point[] }) {
  const rows = topChartRows(points);
  const substances = (points[0]?.days ?? []).filter((s) => points.some((p) => (p.days.find((d) => d.key === s.key)?.days.value ?? 0) > 0));
  const ratings = points[0]?.ratings ?? [];
  return (
    <>
      <figure className="sonar-chart" data-testid="top-days-chart">
        <figcaption className="nhsuk-heading-s">Days used in the 4 weeks, by substance (0 to 28)</figcaption>
        {substances.length === 0 ? (
          <p>No substance use recorded in any TOP.</p>
        ) : (
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="when" />
              <YAxis domain={[0, 28]} ticks={[0, 7, 14, 21, 28]} />
              <Tooltip />
              <Legend />
              {substances.map((s, i) => (
                <Line key={s.key} type="linear" dataKey={s.key} name={s.label} stroke={STROKES[i % STROKES.length]} strokeDasharray={DASHES[i % DASHES.length]} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </figure>
      <figure className="sonar-chart" data-testid="top-ratings-chart">
        <figcaption className="nhsuk-heading-s">Ratings, 0 (poor) to 20 (good)</figcaption>
        <ResponsiveContainer width="100%" height={260}>
          <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="when" />
            <YAxis domain={[0, 20]} ticks={[0, 5, 10, 15, 20]} />
            <Tooltip />
            <Legend />
            {ratings.map((r, i) => (
              <Line key={r.id} type="linear" dataKey={r.id} name={r.label} stroke={STROKES[i % STROKES.length]} strokeDasharray={DASHES[i % DASHES.length]} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </figure>
      {/* Wider than the screen when many substances are recorded: focusable so it scrolls from the keyboard. */}
      <div className="sonar-table-scroll" tabIndex={0} role="region" aria-label="Every TOP, oldest first (scrolls sideways)">
        <table className="nhsuk-table" data-testid="top-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Every TOP, oldest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">TOP</th>
              {points[0]?.days.map((d) => (
                <th className="nhsuk-table__header" scope="col" key={d.key}>
                  {d.label} (days)
                </th>
              ))}
              {ratings.map((r) => (
                <th className="nhsuk-table__header" scope="col" key={r.id}>
                  {r.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {points.map((p, i) => (
              <tr className="nhsuk-table__row" key={p.responseId} data-testid="top-row">
                <th className="nhsuk-table__cell" scope="row">
                  {rows[i]?.when}
                </th>
                {p.days.map((d) => (
                  <td className="nhsuk-table__cell" key={d.key}>
                    {valueText(d.days)}
                  </td>
                ))}
                {p.ratings.map((r) => (
                  <td className="nhsuk-table__cell" key={r.id}>
                    {valueText(r.rating)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function TopScreen({ personId }: { personId: string }) {
  const { load } = useChannel('sms.topHistory', { personId });
  const navigate = useApp((s) => s.navigate);
  const site = useApp((s) => s.site);
  return (
    <PersonFrame personId={personId} title="TOPs over time" back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {() => (
        <>
          <PageHeading>Treatment Outcomes Profile over time</PageHeading>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => navigate({ name: 'form', personId, templateId: site?.siteType === 'community' ? 'top-community' : 'top-secure' })}>
            Record a TOP
          </button>
          {load.state === 'loading' ? <p role="status">Loading…</p> : null}
          {load.state === 'failed' ? <LoadFailed title="The TOPs could not be loaded" message={load.error.message} /> : null}
          {load.state === 'loaded' ? load.value.points.length === 0 ? <p data-testid="no-tops">No TOP recorded yet.</p> : <Charts points={load.value.points} /> : null}
        </>
      )}
    </PersonFrame>
  );
}
