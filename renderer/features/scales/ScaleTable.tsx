// Every entry of a scale as text: when, score, band, who (and where, when another site recorded it);
// entered-in-error ones say so.
import { useApp } from '../../app/store-context';
import { FromSite } from '../../components/FromSite';
import { formatClinicalDateTime } from '../../format/person-format';
import { severityTagClass } from '../../format/severity-format';
import { mainScore, type Entry } from './scale-entries';

export function ScaleTable({ personId, entries }: { personId: string; entries: readonly Entry[] }) {
  const navigate = useApp((s) => s.navigate);
  if (entries.length === 0) return null;
  return (
    <table className="nhsuk-table" data-testid="scale-entries">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Scores recorded, newest first</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">Recorded</th>
          <th className="nhsuk-table__header" scope="col">Score</th>
          <th className="nhsuk-table__header" scope="col">Band</th>
          <th className="nhsuk-table__header" scope="col">By</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {entries.map(({ response: r, at }) => {
          const s = mainScore(r);
          const error = r.status === 'entered_in_error';
          return (
            <tr className={`nhsuk-table__row${error ? ' sonar-entered-in-error' : ''}`} key={r.id} data-testid="scale-entry">
              <td className="nhsuk-table__cell">
                <a
                  href={`#response-${r.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'response', personId, responseId: r.id });
                  }}
                >
                  {formatClinicalDateTime(at)}
                </a>
                {error ? (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--grey">Entered in error</strong>
                  </>
                ) : null}
                {r.lateEntry ? (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--orange">Late entry</strong>
                  </>
                ) : null}
                {r.status === 'amended' ? (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--white">Amended</strong>
                  </>
                ) : null}
              </td>
              <td className="nhsuk-table__cell">{s ? `${s.value} of ${s.max}` : 'No score'}</td>
              <td className="nhsuk-table__cell">{s?.band ? <strong className={severityTagClass(s.band.severity)}>{s.band.label}</strong> : 'Not known'}</td>
              <td className="nhsuk-table__cell">
                {r.recordedByName}
                <FromSite site={r.originSite} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
