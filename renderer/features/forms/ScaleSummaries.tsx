// Withdrawal scales on the record: the latest score and band of each, and the way to its chart.
import type { SavedResponse, TemplateSummary } from '../../../contract/channels/forms';
import { useApp } from '../../app/store-context';
import { formatClinicalDateTime } from '../../format/person-format';
import { severityTagClass } from '../../format/severity-format';
import { currentEntries, latestEntry, mainScore } from '../scales/scale-entries';

export function ScaleSummaries({ personId, scales, responses }: { personId: string; scales: readonly TemplateSummary[]; responses: readonly SavedResponse[] }) {
  const navigate = useApp((s) => s.navigate);
  return (
    <dl className="nhsuk-summary-list" data-testid="scale-summaries">
      {scales.map((t) => {
        const latest = latestEntry(currentEntries(responses.filter((r) => r.templateId === t.id)));
        const score = latest ? mainScore(latest.response) : null;
        return (
          <div className="nhsuk-summary-list__row" key={t.id} data-testid="scale-summary">
            <dt className="nhsuk-summary-list__key">{t.title}</dt>
            <dd className="nhsuk-summary-list__value">
              {latest && score ? (
                <>
                  Latest <strong>{score.value}</strong> of {score.max} {score.band ? <strong className={severityTagClass(score.band.severity)}>{score.band.label}</strong> : null}
                  <span className="nhsuk-body-s sonar-label"> {formatClinicalDateTime(latest.at)}</span>
                </>
              ) : (
                'Not recorded'
              )}
            </dd>
            <dd className="nhsuk-summary-list__actions">
              <ul className="nhsuk-summary-list__actions-list">
                <li className="nhsuk-summary-list__actions-list-item">
                  <a
                    href={`#form-${t.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ name: 'form', personId, templateId: t.id });
                    }}
                  >
                    Record<span className="nhsuk-u-visually-hidden"> {t.title}</span>
                  </a>
                </li>
                {latest ? (
                  <li className="nhsuk-summary-list__actions-list-item">
                    <a
                      href={`#scale-${t.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ name: 'scale', personId, templateId: t.id });
                      }}
                    >
                      Chart<span className="nhsuk-u-visually-hidden"> of {t.title}</span>
                    </a>
                  </li>
                ) : null}
              </ul>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
