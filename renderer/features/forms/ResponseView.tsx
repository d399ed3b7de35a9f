// A saved entry as recorded: scores with bands, the flags it derived, and every answer worded by
// the template version it was made with (nothing recomputed).
import type { SavedResponse } from '../../../contract/channels/forms';
import { flagSeverityText, severityTagClass } from '../../format/severity-format';

export function ResponseView({ response }: { response: SavedResponse }) {
  return (
    <div data-testid="response-view">
      {response.scores.length > 0 ? (
        <dl className="nhsuk-summary-list" data-testid="response-scores">
          {response.scores.map((s) => (
            <div className="nhsuk-summary-list__row" key={s.id}>
              <dt className="nhsuk-summary-list__key">{s.label}</dt>
              <dd className="nhsuk-summary-list__value">
                <strong>{s.value}</strong> of {s.max} {s.band ? <strong className={severityTagClass(s.band.severity)}>{s.band.label}</strong> : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {response.advice.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-s">Advice when it was recorded</h2>
          <ul className="nhsuk-list" data-testid="response-advice">
            {response.advice.map((a) => (
              <li key={a.ruleId} className={a.urgency === 'emergency' ? 'sonar-advice--emergency' : undefined}>
                {a.urgency === 'emergency' ? <strong className="nhsuk-tag nhsuk-tag--red">Emergency</strong> : null} {a.text} <span className="nhsuk-body-s">(because {a.because})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {response.flags.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-s">Flags from this entry</h2>
          <ul className="nhsuk-list" data-testid="response-flags">
            {response.flags.map((f) => (
              <li key={f.ruleId}>
                <strong className={severityTagClass(f.severity)}>{flagSeverityText(f.severity)}</strong> <strong>{f.label}</strong>: {f.because}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {response.sections.map((s) => (
        <section key={s.title} aria-label={s.title}>
          <h2 className="nhsuk-heading-s">{s.title}</h2>
          <dl className="nhsuk-summary-list">
            {s.rows.map((row) => (
              <div className="nhsuk-summary-list__row" key={row.itemId}>
                <dt className="nhsuk-summary-list__key">{row.label}</dt>
                <dd className="nhsuk-summary-list__value sonar-prewrap">{row.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
