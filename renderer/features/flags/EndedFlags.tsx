// Flags that have ended stay in the record: who set them and why, who ended them and why.
import type { Flag } from '../../../contract/channels/flags';
import { formatClinicalDateTime } from '../../format/person-format';
import { flagSeverityText } from '../../format/severity-format';

export function EndedFlags({ flags }: { flags: readonly Flag[] }) {
  if (flags.length === 0) return null;
  return (
    <details className="nhsuk-details" data-testid="ended-flags">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Ended flags ({flags.length})</span>
      </summary>
      <div className="nhsuk-details__text">
        <table className="nhsuk-table">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Flag</th>
              <th className="nhsuk-table__header" scope="col">Set</th>
              <th className="nhsuk-table__header" scope="col">Ended</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {flags.map((f) => (
              <tr className="nhsuk-table__row" key={f.id}>
                <td className="nhsuk-table__cell">
                  <strong>{f.label}</strong>
                  <br />
                  {flagSeverityText(f.severity)}
                </td>
                <td className="nhsuk-table__cell">
                  {f.setByName}, {formatClinicalDateTime(f.setAt)}
                  <br />
                  Because {f.reason}
                </td>
                <td className="nhsuk-table__cell">
                  {f.endedByName ?? 'Not known'}, {f.endedAt ? formatClinicalDateTime(f.endedAt) : 'Not known'}
                  <br />
                  Because {f.endReason ?? 'Not known'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
