// "On this record": links to each section, so a keyboard user gets there in two keys.
import { focusById } from '../../components/focus';

const sections = [
  { id: 'stay-title', label: 'Stay at this site' },
  { id: 'flags-title', label: 'Risk flags' },
  { id: 'assessments-title', label: 'Assessments' },
  { id: 'tasks-title', label: 'Tasks' },
  { id: 'sms-title', label: 'Substance misuse' },
  { id: 'referrals-title', label: 'Referrals' },
  { id: 'consent-title', label: 'Consent and information sharing' },
  { id: 'identity-title', label: 'Identifiers and aliases' },
  { id: 'registration-title', label: 'Registration' },
];

export function RecordContents() {
  return (
    <nav className="nhsuk-contents-list sonar-contents" aria-label="On this record">
      <h2 className="nhsuk-u-visually-hidden">On this record</h2>
      <ol className="nhsuk-contents-list__list">
        {sections.map((s) => (
          <li className="nhsuk-contents-list__item" key={s.id}>
            <a
              className="nhsuk-contents-list__link"
              href={`#${s.id}`}
              onClick={(e) => {
                e.preventDefault();
                const el = document.getElementById(s.id);
                if (!el) return;
                if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
                focusById(s.id);
              }}
            >
              {s.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
