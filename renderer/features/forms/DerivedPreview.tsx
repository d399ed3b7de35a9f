// What saving will set in motion, worked out live from the answers: the flags it will raise
// (with why), and the tasks and referrals it will create.
import type { DerivedEffect, DerivedFlag } from '../../../domain/templates/result-schema';
import { flagSeverityText, severityTagClass } from '../../format/severity-format';

const services = { mental_health_inreach: 'mental health in-reach', substance_misuse: 'substance misuse service' } as const;

export function DerivedPreview({ flags, effects }: { flags: readonly DerivedFlag[]; effects: readonly DerivedEffect[] }) {
  if (flags.length === 0 && effects.length === 0) return null;
  return (
    <div className="sonar-derived" data-testid="derived-preview">
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Saving will</h2>
      <ul className="nhsuk-list nhsuk-body-s">
        {flags.map((f) => (
          <li key={f.ruleId} data-testid="derived-flag">
            raise the flag <strong className={severityTagClass(f.severity)}>{flagSeverityText(f.severity)}</strong> <strong>{f.label}</strong>
            <span className="sonar-derived__because"> because {f.because}</span>
          </li>
        ))}
        {effects.map((e) =>
          e.kind === 'task' ? (
            <li key={e.ruleId} data-testid="derived-task">
              create the task <strong>{e.title}</strong>, due in {e.dueInDays} {e.dueInDays === 1 ? 'day' : 'days'}
            </li>
          ) : (
            <li key={e.ruleId} data-testid="derived-referral">
              refer to the <strong>{services[e.toService]}</strong>: {e.reason}
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
