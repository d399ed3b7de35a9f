// Record section: every identifier held (NHS number, prison number, PNC ID...) and every alias.
import { useState } from 'react';
import type { PersonRecord } from '../../../contract/channels/patients';
import { identifierTypeSchema } from '../../../domain/identifiers/identifier-types';
import { bannerName } from '../../../domain/person/person-name';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { identifierViews } from '../../format/identifier-format';
import { AddAliasForm } from './AddAliasForm';
import { AddIdentifierForm } from './AddIdentifierForm';

export function IdentitySection({ person, onChanged }: { person: PersonRecord; onChanged(): void }) {
  const here = useApp((s) => s.site?.siteCode ?? null);
  const [mode, setMode] = useState<'view' | 'identifier' | 'alias'>('view');
  const [done, setDone] = useState<string | null>(null);
  const ids = identifierViews(person.identifiers, { withNhs: true });
  // The NHS number can be added here only while the person has none.
  const types = identifierTypeSchema.options.filter((t) => t !== 'nhs_number' || person.nhsNumber === null);
  const finished = (message: string) => {
    setMode('view');
    setDone(message);
    onChanged();
  };
  const open = (m: 'identifier' | 'alias') => {
    setMode(m);
    setDone(null);
  };

  return (
    <section aria-labelledby="identity-title" className="sonar-section" data-testid="identity-section">
      <h2 id="identity-title" className="nhsuk-heading-m">
        Identifiers and aliases
      </h2>
      <DoneMessage text={done} testId="identity-done" />
      <dl className="nhsuk-summary-list" data-testid="identifiers">
        {ids.length === 0 ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Identifiers</dt>
            <dd className="nhsuk-summary-list__value">None recorded</dd>
          </div>
        ) : null}
        {ids.map((i) => (
          <div className="nhsuk-summary-list__row" key={`${i.type}:${i.value}`}>
            <dt className="nhsuk-summary-list__key">{i.longLabel}</dt>
            <dd className="nhsuk-summary-list__value">
              <span className="sonar-nowrap">{i.value}</span>
              {here !== null && i.originSite !== null && i.originSite !== here ? <span className="nhsuk-body-s"> (recorded at <strong className="sonar-origin">{i.originSite}</strong>)</span> : null}
            </dd>
          </div>
        ))}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Also known as</dt>
          <dd className="nhsuk-summary-list__value" data-testid="aliases">
            {person.aliases.length === 0 ? (
              'No aliases recorded'
            ) : (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {person.aliases.map((a) => (
                  <li key={a.id}>{bannerName(a)}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {mode === 'identifier' ? <AddIdentifierForm personId={person.id} types={types} onDone={finished} onCancel={() => setMode('view')} /> : null}
      {mode === 'alias' ? <AddAliasForm personId={person.id} onDone={finished} onCancel={() => setMode('view')} /> : null}
      {mode === 'view' ? (
        <div className="sonar-button-row">
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => open('identifier')}>
            Add an identifier
          </button>
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => open('alias')}>
            Add an alias
          </button>
        </div>
      ) : null}
    </section>
  );
}
