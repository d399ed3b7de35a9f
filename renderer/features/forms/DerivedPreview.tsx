// What saving will set in motion, worked out live from the answers: the advice the answers call
// for (emergencies first, marked as such), the flags it will raise (with why), and the tasks and
// referrals it will create.
import { roleLabels } from '../../../domain/access/roles';
import type { DerivedAdvice, DerivedEffect, DerivedFlag } from '../../../domain/templates/result-schema';
import { flagSeverityText, severityTagClass } from '../../format/severity-format';

const services = { mental_health_inreach: 'mental health in-reach', substance_misuse: 'substance misuse service' } as const;

function AdviceList({ advice }: { advice: readonly DerivedAdvice[] }) {
  if (advice.length === 0) return null;
  return (
    <div className="sonar-derived" data-testid="derived-advice">
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">What the answers call for</h2>
      <ul className="nhsuk-list nhsuk-body-s">
        {advice.map((a) => (
          <li key={a.ruleId} data-testid="advice" className={a.urgency === 'emergency' ? 'sonar-advice--emergency' : undefined}>
            {a.urgency === 'emergency' ? <strong className="nhsuk-tag nhsuk-tag--red">Emergency</strong> : null} {a.text}
            <span className="sonar-derived__because"> because {a.because}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function dueText(days: number): string {
  return days === 0 ? 'due today' : `due in ${days} ${days === 1 ? 'day' : 'days'}`;
}

function SavingWill({ flags, effects }: { flags: readonly DerivedFlag[]; effects: readonly DerivedEffect[] }) {
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
              create the task <strong>{e.title}</strong>
              {e.forRole ? ` for the ${roleLabels[e.forRole].toLowerCase()}` : ''}, {dueText(e.dueInDays)}
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

export function DerivedPreview({ flags, effects, advice = [] }: { flags: readonly DerivedFlag[]; effects: readonly DerivedEffect[]; advice?: readonly DerivedAdvice[] }) {
  return (
    <>
      <AdviceList advice={advice} />
      <SavingWill flags={flags} effects={effects} />
    </>
  );
}
