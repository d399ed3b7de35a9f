// The entries recorded for a person, newest first: what, when, by whom (and where, when another
// site recorded it), the result in words, and for a custody assessment whether it has been handed over.
import type { Handover, SavedResponse, TemplateSummary } from '../../../contract/channels/forms';
import { FromSite } from '../../components/FromSite';
import { useApp } from '../../app/store-context';
import { formatClinicalDateTime } from '../../format/person-format';
import { mainScore, scoreText, type Entry } from '../scales/scale-entries';

interface Props {
  personId: string;
  entries: readonly Entry[];
  templates: readonly TemplateSummary[];
  handovers: readonly Handover[];
}

function result(r: SavedResponse): string {
  if (r.status === 'entered_in_error') return 'Entered in error: does not count';
  const score = mainScore(r);
  if (score) return scoreText(score);
  return r.flags.length === 0 ? 'No flags raised' : `Flags: ${[...new Set(r.flags.map((f) => f.label))].join(', ')}`;
}

export function RecentEntries({ personId, entries, templates, handovers }: Props) {
  const navigate = useApp((s) => s.navigate);
  if (entries.length === 0) return <p>No assessments recorded.</p>;
  const handedOver = (id: string) => handovers.find((h) => h.responseId === id);
  const needsHandover = (r: SavedResponse) => r.status !== 'entered_in_error' && templates.some((t) => t.id === r.templateId && t.handover);
  return (
    <table className="nhsuk-table" data-testid="recent-entries">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Recorded, newest first</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">Form</th>
          <th className="nhsuk-table__header" scope="col">Result</th>
          <th className="nhsuk-table__header" scope="col">Recorded</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {entries.map(({ response: r, at }) => {
          const h = handedOver(r.id);
          return (
            <tr className="nhsuk-table__row" key={r.id} data-testid="recent-entry">
              <td className="nhsuk-table__cell">
                <a
                  href={`#response-${r.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ name: 'response', personId, responseId: r.id });
                  }}
                >
                  {r.title}
                </a>
                {needsHandover(r) ? (
                  <span className="sonar-block">
                    {h ? (
                      <strong className="nhsuk-tag nhsuk-tag--green">Handed over to {h.officerName}</strong>
                    ) : (
                      <strong className="nhsuk-tag nhsuk-tag--red">Handover not recorded</strong>
                    )}
                  </span>
                ) : null}
              </td>
              <td className="nhsuk-table__cell">{result(r)}</td>
              <td className="nhsuk-table__cell">
                {formatClinicalDateTime(at)}
                <span className="sonar-block nhsuk-body-s">
                  {r.recordedByName}
                  <FromSite site={r.originSite} />
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
