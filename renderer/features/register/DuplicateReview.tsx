// Before a new record is made: people already held who may be this person, each shown as the
// banner shows a person, with why they match. The clinician opens one ("This is the same person")
// or says none of them is. A match on an identifier cannot be overridden: only opened.
import { useEffect, useRef } from 'react';
import type { DuplicateCandidate } from '../../../contract/channels/identity';
import { bannerName } from '../../../domain/person/person-name';
import { bornText, nhsNumberText, sexLabels } from '../../format/person-format';

interface Props {
  candidates: readonly DuplicateCandidate[];
  typedName: string;
  today: string;
  busy: boolean;
  onOpen(personId: string): void;
  onNoneMatch(): void;
  onBack(): void;
}

export function DuplicateReview({ candidates, typedName, today, busy, onOpen, onNoneMatch, onBack }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const blocked = candidates.some((c) => c.strength === 'identifier');
  const n = candidates.length;
  return (
    <section aria-labelledby="duplicates-title" data-testid="duplicate-review">
      <h1 id="duplicates-title" ref={heading} tabIndex={-1}>
        Check for an existing record
      </h1>
      <p>
        {n === 1 ? 'A person already held' : `${n} people already held`} may be {typedName}. Check {n === 1 ? 'them' : 'each one'} before making a new record: two
        records for one person split their care.
      </p>
      <ul className="nhsuk-list sonar-candidates">
        {candidates.map((c) => (
          <li key={c.person.id} className="sonar-candidate" data-testid="duplicate-candidate">
            <p className="sonar-candidate__name">{bannerName(c.person)}</p>
            <dl className="sonar-banner__details">
              <div className="sonar-banner__item">
                <dt>Born</dt> <dd>{bornText(c.person.birthDate, today)}</dd>
              </div>
              <div className="sonar-banner__item">
                <dt>Sex</dt> <dd>{sexLabels[c.person.sex]}</dd>
              </div>
              <div className="sonar-banner__item">
                <dt>NHS No.</dt> <dd>{nhsNumberText(c.person.nhsNumber)}</dd>
              </div>
            </dl>
            <p className="sonar-candidate__reasons">
              <strong className={`nhsuk-tag ${c.strength === 'identifier' ? 'nhsuk-tag--red' : 'nhsuk-tag--yellow'}`}>
                {c.strength === 'identifier' ? 'Same identifier' : 'Possible match'}
              </strong>{' '}
              Why: {c.reasons.join('; ')}
            </p>
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => onOpen(c.person.id)}>
              This is the same person: open their record<span className="nhsuk-u-visually-hidden"> ({bannerName(c.person)})</span>
            </button>
          </li>
        ))}
      </ul>
      {blocked ? (
        <div className="nhsuk-warning-callout" data-testid="identifier-match">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              An identifier is already recorded
            </span>
          </h2>
          <p>An identifier you entered belongs to a record already held, so a new record cannot be made with it. Open that record, or go back and check the identifier.</p>
        </div>
      ) : null}
      <div className="sonar-button-row">
        {blocked ? null : (
          <button type="button" className="nhsuk-button" aria-disabled={busy} onClick={onNoneMatch}>
            {busy ? 'Registering…' : 'None of these is this person: register a new record'}
          </button>
        )}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={onBack}>
          Go back and change the details
        </button>
      </div>
    </section>
  );
}
