// Where the clinician is in a long form: each section with how many of its questions are
// answered; each is a link to the section.
import { focusById } from '../../components/focus';
import type { SectionProgress } from './form-evaluation';

export function FormProgress({ sections }: { sections: readonly SectionProgress[] }) {
  const answered = sections.reduce((n, s) => n + s.answered, 0);
  const total = sections.reduce((n, s) => n + s.total, 0);
  return (
    <nav className="sonar-form-progress" aria-label="Form progress" data-testid="form-progress">
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">Progress</h2>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        {answered} of {total} questions answered
      </p>
      {sections.length > 1 ? (
        <ol className="nhsuk-list nhsuk-body-s sonar-form-progress__list">
          {sections.map((s) => (
            <li key={s.id}>
              <a
                href={`#section-${s.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusById(`section-${s.id}`);
                }}
              >
                {s.title}
              </a>{' '}
              <span className="sonar-label">
                {s.total === 0 ? 'nothing to answer' : s.answered >= s.total ? 'done' : `${s.answered} of ${s.total}`}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </nav>
  );
}
