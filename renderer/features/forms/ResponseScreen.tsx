// One saved entry: what was recorded, by whom and when, its versions, and what can be done with it
// (amend with a reason, mark entered in error, hand over a custody assessment).
import { useState } from 'react';
import type { SavedResponse } from '../../../contract/channels/forms';
import { useApp } from '../../app/store-context';
import { formatClinicalDateTime } from '../../format/person-format';
import { PersonFrame } from '../person/PersonFrame';
import { EnteredInErrorForm } from './EnteredInErrorForm';
import { LoadFailed } from './LoadFailed';
import { ResponseView } from './ResponseView';
import { useResponses, useTemplate } from './use-forms';
import { PageHeading } from '../../components/PageHeading';
import { DoneMessage } from '../../components/DoneMessage';

const statusText: Record<SavedResponse['status'], string> = { final: 'Final', amended: 'Amended', entered_in_error: 'Entered in error' };

function Body({ personId, response, history, reload }: { personId: string; response: SavedResponse; history: SavedResponse[]; reload(): void }) {
  const navigate = useApp((s) => s.navigate);
  const template = useTemplate(response.templateId, response.templateVersion);
  const [marking, setMarking] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const handover = template.state === 'loaded' && template.value.use?.handover === true;
  const open = response.current && response.status !== 'entered_in_error';
  const siteCode = useApp((s) => s.site?.siteCode ?? '');
  return (
    <>
      <PageHeading>{response.title}</PageHeading>
      <DoneMessage text={done} testId="response-done" />
      <p data-testid="response-meta">
        <strong className={`nhsuk-tag ${response.status === 'entered_in_error' ? 'nhsuk-tag--grey' : 'nhsuk-tag--blue'}`}>{statusText[response.status]}</strong> Recorded{' '}
        {formatClinicalDateTime(response.recordedAt)} by {response.recordedByName}
        {response.originSite !== siteCode ? ` at ${response.originSite}` : ''}
        {response.observedAt !== response.recordedAt ? `; observed ${formatClinicalDateTime(response.observedAt)}` : ''}
        {response.lateEntry ? (
          <>
            {' '}
            <strong className="nhsuk-tag nhsuk-tag--orange">Late entry</strong>
          </>
        ) : null}
        {response.version > 1 ? ` (version ${response.version})` : ''}
        {response.reason ? `. Reason: ${response.reason}` : ''}
      </p>
      {!response.current ? <p className="nhsuk-inset-text">This version has been replaced by a later one.</p> : null}
      {open ? (
        <div className="sonar-button-row">
          {handover ? (
            <button type="button" className="nhsuk-button" onClick={() => navigate({ name: 'handover', personId, responseId: response.id })}>
              Hand over to the custody officer
            </button>
          ) : null}
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => navigate({ name: 'amend', personId, responseId: response.id })}>
            Amend
          </button>
          {marking ? null : (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setMarking(true)}>
              Mark as entered in error
            </button>
          )}
        </div>
      ) : null}
      {marking ? (
        <EnteredInErrorForm
          responseId={response.id}
          onCancel={() => setMarking(false)}
          onDone={(reopened) => {
            setMarking(false);
            // The obligation the entry had met is open again: say so, or it looks met.
            setDone(`Marked as entered in error.${reopened.length > 0 ? ` Open again: ${reopened.join('; ')}.` : ''}`);
            reload();
          }}
        />
      ) : null}
      <ResponseView response={response} />
      {history.length > 1 ? (
        <>
          <h2 className="nhsuk-heading-s">Versions</h2>
          <ol className="nhsuk-list" data-testid="response-versions">
            {history.map((v) => (
              <li key={v.id}>
                Version {v.version}: {statusText[v.status]}, {formatClinicalDateTime(v.recordedAt)} by {v.recordedByName}
                {v.reason ? `. Reason: ${v.reason}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}

export function ResponseScreen({ personId, responseId }: { personId: string; responseId: string }) {
  const { load, reload } = useResponses(personId, null, true);
  const found = load.state === 'loaded' ? load.value.find((r) => r.id === responseId) : undefined;
  // After a new version, show the entry's current one.
  const current = found && load.state === 'loaded' ? (load.value.find((r) => r.entryId === found.entryId && r.current) ?? found) : undefined;
  const history = current && load.state === 'loaded' ? load.value.filter((r) => r.entryId === current.entryId).sort((a, b) => a.version - b.version) : [];
  return (
    <PersonFrame personId={personId} title={current?.title ?? 'Entry'} back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {() =>
        load.state === 'loading' ? (
          <p role="status">Opening the entry…</p>
        ) : load.state === 'failed' ? (
          <LoadFailed title="The entry could not be opened" message={load.message} />
        ) : !current ? (
          <LoadFailed title="The entry could not be found" message="It may have been recorded at another site." />
        ) : (
          <Body personId={personId} response={current} history={history} reload={reload} />
        )
      }
    </PersonFrame>
  );
}
