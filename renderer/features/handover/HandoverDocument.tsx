// The written copy of a custody handover, laid out for paper: the person's identifiers in a table
// header that the browser repeats at the top of every printed page, the assessment's findings,
// the active risk flags, who received them and when, and space for signatures.
import type { Handover, SavedResponse } from '../../../contract/channels/forms';
import type { PersonRecord } from '../../../contract/channels/patients';
import { formatClinicalDateTime } from '../../format/person-format';
import { flagSeverityText } from '../../format/severity-format';
import { currentStayText } from '../../format/stay-format';
import { officerDirections } from './officer-directions';
import { PrintedDocument } from '../person/PrintedDocument';

interface Props {
  person: PersonRecord;
  response: SavedResponse;
  handover: Handover;
  siteName: string;
  printedBy: string;
  today: string;
}

export function HandoverDocument({ person, response, handover, siteName, printedBy, today }: Props) {
  const directions = officerDirections(response, person.activeFlags);
  return (
    <PrintedDocument person={person} siteName={siteName} printedBy={printedBy} today={today} confidential={"healthcare information shared for the detainee's care."} testId="handover-document">
      <h1 className="sonar-print-doc__title">Healthcare handover to the custody officer</h1>
      <section className="sonar-print-doc__directions" data-testid="print-directions">
        <h2>Directions to the custody officer</h2>
        {directions.length === 0 ? (
          <p>No specific directions: usual care and the observation level set by the custody officer.</p>
        ) : (
          <ul>
            {directions.map((d, i) => (
              <li key={i}>
                <strong>{d.heading}</strong> {d.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <dl className="sonar-print-doc__facts">
        <dt>Stay</dt>
        <dd>{currentStayText(person.currentStay)}</dd>
        <dt>Assessment</dt>
        <dd>
          {response.title}, {formatClinicalDateTime(response.recordedAt)} by {response.recordedByName}
        </dd>
        <dt>Handed over to</dt>
        <dd data-testid="print-officer">
          {handover.officerName}
          {handover.officerId ? ` (${handover.officerId})` : ''}
        </dd>
        <dt>Acknowledged</dt>
        <dd data-testid="print-acknowledged">{formatClinicalDateTime(handover.acknowledgedAt)}</dd>
        <dt>Recorded by</dt>
        <dd>
          {handover.recordedByName}, {formatClinicalDateTime(handover.recordedAt)}
        </dd>
      </dl>
      <h2>Active risk flags</h2>
      {person.activeFlags.length === 0 ? (
        <p>None active.</p>
      ) : (
        <ul data-testid="print-flags">
          {person.activeFlags.map((f) => (
            <li key={f.id}>
              <strong>
                {flagSeverityText(f.severity)}: {f.label}.
              </strong>{' '}
              {f.reason} (set by {f.setByName}, {formatClinicalDateTime(f.setAt)})
            </li>
          ))}
        </ul>
      )}
      {response.sections.map((s) => (
        <section key={s.title} className="sonar-print-doc__section">
          <h2>{s.title}</h2>
          <dl className="sonar-print-doc__facts">
            {s.rows.map((r) => (
              <div key={r.itemId} className="sonar-print-doc__row">
                <dt>{r.label}</dt>
                <dd className="sonar-prewrap">{r.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="sonar-print-doc__signatures">
        <p>Custody officer signature ______________________________</p>
        <p>Healthcare professional signature ______________________________</p>
      </div>
    </PrintedDocument>
  );
}
