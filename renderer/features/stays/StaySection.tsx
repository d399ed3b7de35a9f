// Record section: the current stay at this site (start at reception, end at exit), stays still
// open at other sites (received by sync: a person in police custody elsewhere, or not yet
// discharged by the prison they came from), and the stays before, each saying where it was.
import { useState } from 'react';
import type { PersonRecord } from '../../../contract/channels/patients';
import type { Stay } from '../../../contract/channels/stays';
import { useChannelQuery } from '../../app/server-state';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { formatClinicalDateTime } from '../../format/person-format';
import { stayKindLabel, stayPeriodText } from '../../format/stay-format';
import { EndStayForm } from './EndStayForm';
import { StartStayForm } from './StartStayForm';

export function StaySection({ person, onChanged }: { person: PersonRecord; onChanged(): void }) {
  const siteType = useApp((s) => s.site?.siteType ?? 'custody');
  const here = useApp((s) => s.site?.siteCode ?? null);
  const [mode, setMode] = useState<'view' | 'start' | 'end'>('view');
  const [done, setDone] = useState<string | null>(null);
  // Through the server-state cache: a stay started or ended elsewhere (by sync) shows at once, and
  // `onChanged` after a change here reads the person's record, stays included, again.
  const stays: Stay[] = useChannelQuery('stays.list', { personId: person.id }).data?.stays ?? [];
  const stay = person.currentStay;

  const finished = (message: string) => {
    setMode('view');
    setDone(message);
    onChanged();
  };
  const elsewhere = (s: Stay) => here !== null && s.siteCode !== here;
  const openElsewhere = stays.filter((s) => s.exitedAt === null && elsewhere(s));
  const past = stays.filter((s) => s.exitedAt !== null);

  return (
    <section aria-labelledby="stay-title" className="sonar-section" data-testid="stay-section">
      <h2 id="stay-title" className="nhsuk-heading-m">
        Stay at this site
      </h2>
      <DoneMessage text={done} testId="stay-done" />
      {stay ? (
        <dl className="nhsuk-summary-list" data-testid="current-stay">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Current stay</dt>
            <dd className="nhsuk-summary-list__value">{stayKindLabel(stay.kind)}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Arrived</dt>
            <dd className="nhsuk-summary-list__value">{formatClinicalDateTime(stay.arrivedAt)}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Reason for arrival</dt>
            <dd className="nhsuk-summary-list__value">{stay.arrivalReason ?? 'Not known'}</dd>
          </div>
        </dl>
      ) : (
        <p>No current stay at this site.</p>
      )}
      {openElsewhere.length > 0 ? (
        <div className="nhsuk-inset-text" data-testid="open-stays-elsewhere">
          <ul className="nhsuk-list">
            {openElsewhere.map((s) => (
              <li key={s.id}>
                <strong>
                  {stayKindLabel(s.kind)} at <span className="sonar-origin">{s.siteCode}</span>
                </strong>{' '}
                since {formatClinicalDateTime(s.arrivedAt)}: still open there{s.arrivalReason ? ` (${s.arrivalReason})` : ''}.
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {mode === 'start' ? <StartStayForm personId={person.id} onDone={finished} onCancel={() => setMode('view')} /> : null}
      {mode === 'end' && stay ? <EndStayForm stay={stay} onDone={finished} onCancel={() => setMode('view')} /> : null}
      {mode === 'view' && siteType !== 'community' ? (
        <button
          type="button"
          className={`nhsuk-button${stay ? ' nhsuk-button--secondary' : ''}`}
          onClick={() => {
            setMode(stay ? 'end' : 'start');
            setDone(null);
          }}
        >
          {stay ? 'End stay' : siteType === 'prison' ? 'Start prison stay (reception)' : 'Start custody detention'}
        </button>
      ) : null}
      {past.length > 0 ? (
        <details className="nhsuk-details" data-testid="past-stays">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Earlier stays ({past.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            <ul className="nhsuk-list">
              {past.map((s) => (
                <li key={s.id}>
                  <strong>{stayKindLabel(s.kind)}</strong>
                  {elsewhere(s) ? (
                    <>
                      {' '}
                      at <strong className="sonar-origin">{s.siteCode}</strong>
                    </>
                  ) : null}
                  , {stayPeriodText(s)}. Left because {s.exitReason ?? 'Not known'}; went to {s.exitDestination ?? 'Not known'}.
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </section>
  );
}
