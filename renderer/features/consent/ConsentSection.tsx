// Record section: the person's decisions about sharing their information (newest first), each in
// words (what it covers, on what legal basis, when and by whom), and recording a new one.
import { useState } from 'react';
import { FromSite } from '../../components/FromSite';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { useChannelQuery, useInvalidatePerson } from '../../app/server-state';
import { DoneMessage } from '../../components/DoneMessage';
import { formatClinicalDateTime } from '../../format/person-format';
import { ConsentForm, decisionLabels } from './ConsentForm';
import { categoryLabels, legalBasisLabels, listInWords } from './disclosure-labels';


export function ConsentSection({ personId }: { personId: string }) {
  // Through the server-state cache: a decision recorded at another site (received by sync) or on
  // another PC appears on the open record; recording one here reads the person's record again.
  const query = useChannelQuery('consent.list', { personId });
  const invalidate = useInvalidatePerson();
  const consents = query.data ? [...query.data.consents].sort((a, b) => b.decidedOn.localeCompare(a.decidedOn) || b.recordedAt.localeCompare(a.recordedAt)) : null;
  const error = query.error ? query.error.rpc.message : null;
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const load = () => invalidate(personId);

  return (
    <section aria-labelledby="consent-title" className="sonar-section" data-testid="consent-section">
      <h2 id="consent-title" className="nhsuk-heading-m">
        Consent and information sharing
      </h2>
      <DoneMessage text={done} testId="consent-done" />
      {error ? <p className="nhsuk-error-message">{error}</p> : null}
      {consents && consents.length === 0 ? <p>No consent decisions recorded.</p> : null}
      {(consents ?? []).map((c) => (
        <div className="sonar-flag-card" key={c.id} data-testid="consent-decision">
          <p className="sonar-flag-card__title">
            <strong className={`nhsuk-tag ${c.decision === 'share' ? 'nhsuk-tag--green' : 'nhsuk-tag--orange'}`}>{decisionLabels[c.decision]}</strong>{' '}
            <strong>{listInWords(c.categories, categoryLabels)}</strong>
          </p>
          <dl className="nhsuk-summary-list nhsuk-summary-list--no-border sonar-compact-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Legal basis</dt>
              <dd className="nhsuk-summary-list__value">{legalBasisLabels[c.legalBasis]}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Decided on</dt>
              <dd className="nhsuk-summary-list__value">{formatClinicalDate(c.decidedOn)}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Recorded by</dt>
              <dd className="nhsuk-summary-list__value">
                {c.recordedByName}, {formatClinicalDateTime(c.recordedAt)}
                <FromSite site={c.originSite} />
              </dd>
            </div>
            {c.notes ? (
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Notes</dt>
                <dd className="nhsuk-summary-list__value">{c.notes}</dd>
              </div>
            ) : null}
          </dl>
        </div>
      ))}
      {recording ? (
        <ConsentForm
          personId={personId}
          onCancel={() => setRecording(false)}
          onDone={(message) => {
            setRecording(false);
            setDone(message);
            load();
          }}
        />
      ) : (
        <button
          type="button"
          className="nhsuk-button"
          onClick={() => {
            setRecording(true);
            setDone(null);
          }}
        >
          Record a consent decision
        </button>
      )}
    </section>
  );
}
