// Data-sharing agreements (site administrator): which kinds of organisation may share what with
// whom, for what purposes and over which dates. Every disclosure is judged against these
// (domain/access/disclosure.ts). A change is saved as a new version; none is edited in place.
import { useCallback, useRef, useState } from 'react';
import type { Agreement } from '../../../domain/access/disclosure';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { usePageTitle } from '../../app/page-title';
import { useChannelQuery } from '../../app/server-state';
import { DoneMessage } from '../../components/DoneMessage';
import { PageHeading } from '../../components/PageHeading';
import { categoryLabels, listInWords, orgTypeLabels, purposeLabels } from '../consent/disclosure-labels';
import { AddAgreementForm } from './AddAgreementForm';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; agreements: Agreement[] };

export function AgreementsScreen() {
  usePageTitle('Data-sharing agreements');
  // Through the server-state cache, like every other screen; a change made here reads the list again.
  const query = useChannelQuery('agreements.list', {});
  const load: Load = query.data ? { state: 'loaded', agreements: [...query.data.agreements].sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version) } : query.error ? { state: 'failed', message: query.error.rpc.message } : { state: 'loading' };
  const { refetch } = query;
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  const finished = useCallback((message: string) => {
    setAdding(false);
    setDone(message);
    void refetch();
  }, [refetch]);

  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Data-sharing agreements</PageHeading>
      <p className="nhsuk-body">
        What this site may share, with whom and why. Information leaves the record only under an agreement in force, and never against a person&apos;s recorded decision not to
        share, except to protect life.
      </p>
      <DoneMessage text={done} testId="agreements-done" />
      {adding ? (
        <div className="sonar-panel nhsuk-u-margin-bottom-6">
          <AddAgreementForm
            onDone={finished}
            onCancel={() => {
              setAdding(false);
              addButton.current?.focus();
            }}
          />
        </div>
      ) : (
        <button
          type="button"
          className="nhsuk-button"
          ref={addButton}
          onClick={() => {
            setDone(null);
            setAdding(true);
          }}
        >
          Add an agreement
        </button>
      )}
      {load.state === 'loading' ? (
        <p role="status">Loading agreements…</p>
      ) : load.state === 'failed' ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="agreements-error-title">
          <h2 className="nhsuk-error-summary__heading" id="agreements-error-title">
            The agreements could not be loaded
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{load.message}</p>
          </div>
        </div>
      ) : load.agreements.length === 0 ? (
        <p data-testid="agreements-empty">No data-sharing agreements recorded.</p>
      ) : (
        <table className="nhsuk-table" data-testid="agreements-list">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            {load.agreements.length} {load.agreements.length === 1 ? 'agreement' : 'agreements'}
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Agreement</th>
              <th className="nhsuk-table__header" scope="col">Shared by</th>
              <th className="nhsuk-table__header" scope="col">Shared with</th>
              <th className="nhsuk-table__header" scope="col">Information</th>
              <th className="nhsuk-table__header" scope="col">Purposes</th>
              <th className="nhsuk-table__header" scope="col">In force</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {load.agreements.map((a) => (
              <tr className="nhsuk-table__row" key={`${a.id}:${a.version}`} data-testid="agreement" data-agreement-id={a.id}>
                <th className="nhsuk-table__cell" scope="row">
                  {a.title}
                  <br />
                  <span className="nhsuk-body-s">
                    {a.id}, version {a.version}
                  </span>
                </th>
                <td className="nhsuk-table__cell">{listInWords(a.fromOrgTypes, orgTypeLabels)}</td>
                <td className="nhsuk-table__cell">{listInWords(a.toOrgTypes, orgTypeLabels)}</td>
                <td className="nhsuk-table__cell">{listInWords(a.categories, categoryLabels)}</td>
                <td className="nhsuk-table__cell">{listInWords(a.purposes, purposeLabels)}</td>
                <td className="nhsuk-table__cell">
                  From {formatClinicalDate(a.validFrom)}
                  <br />
                  {a.validTo ? `to ${formatClinicalDate(a.validTo)}` : 'no end date'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
