// The totals as the clinician types: value out of the maximum, the band in words with its tag,
// and, while questions are unanswered, that the band is provisional (a lower bound).
import type { LiveScore } from '../../../domain/templates/evaluate';
import { severityTagClass } from '../../format/severity-format';

export function LiveScores({ scores }: { scores: readonly LiveScore[] }) {
  if (scores.length === 0) return null;
  return (
    <div className="sonar-live-scores" data-testid="live-scores">
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Score</h2>
      <div aria-live="polite" aria-atomic="true">
        {scores.map((s) => (
          <div key={s.id} className="sonar-live-score" data-testid="live-score">
            <p className="sonar-live-score__value">
              <span className="sonar-live-score__label">{s.label}</span> <strong>{s.value}</strong> <span className="sonar-label">of {s.max}</span>
            </p>
            {s.band ? (
              <p className="nhsuk-u-margin-bottom-1">
                <strong className={severityTagClass(s.band.severity)} data-testid="live-band">
                  {s.band.label}
                </strong>
              </p>
            ) : (
              <p className="nhsuk-u-margin-bottom-1 sonar-label">No band until an answer is given</p>
            )}
            <p className="nhsuk-body-s nhsuk-u-margin-bottom-2" data-testid="live-score-status">
              {s.complete
                ? 'All questions answered'
                : `Provisional: ${s.missing.length} ${s.missing.length === 1 ? 'question' : 'questions'} still to answer, so the score can only rise`}
            </p>
          </div>
        ))}
      </div>
    </div>
  );
}
