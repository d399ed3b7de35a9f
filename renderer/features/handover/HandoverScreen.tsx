// Custody handover: the findings of the HCP assessment reach the custody officer verbally and in
// writing. The nurse records who acknowledged them and when, then prints the written copy (a clean
// document with the person's identifiers on every page). Printing is audited.
import { useChannelQuery } from '../../app/server-state';
import { useEffect, useState } from 'react';
import type { Handover, SavedResponse } from '../../../contract/channels/forms';
import type { PersonRecord } from '../../../contract/channels/patients';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { formatClinicalDateTime, localIsoDate } from '../../format/person-format';
import { LoadFailed } from '../forms/LoadFailed';
import { useResponses } from '../forms/use-forms';
import { PersonFrame } from '../person/PersonFrame';
import { HandoverDocument } from './HandoverDocument';
import { HandoverForm } from './HandoverForm';

function Body({ person, response, reload }: { person: PersonRecord; response: SavedResponse; reload(): void }) {
  const call = useApp((s) => s.call);
  const site = useApp((s) => s.site);
  const user = useApp((s) => s.session?.user.fullName ?? '');
  const query = useChannelQuery('handover.list', { personId: person.id });
  const handovers: Handover[] | null = query.data ? query.data.handovers.filter((h) => h.responseId === response.id).sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)) : null;
  const [done, setDone] = useState<string | null>(null);
  const [printProblem, setPrintProblem] = useState<string | null>(null);


  // While this screen is open, printing gives the written copy alone (print CSS).
  useEffect(() => {
    document.body.classList.add('sonar-has-print-doc');
    return () => document.body.classList.remove('sonar-has-print-doc');
  }, []);

  async function print() {
    const r = await call('audit.recordPrint', { personId: person.id, document: 'Handover to the custody officer' });
    setPrintProblem(r.ok ? null : `The print could not be recorded in the audit trail (${r.error.message}). The copy is printed anyway; tell site IT.`);
    window.print();
  }

  const latest = handovers?.[0] ?? null;
  return (
    <>
      <div className="sonar-screen-only">
        <h1 className="nhsuk-heading-l">Handover to the custody officer</h1>
        <p>
          Give the findings of the {response.title.toLowerCase()} ({formatClinicalDateTime(response.recordedAt)}) to the custody officer verbally, then record who received them and
          when they acknowledged them, and give them the printed copy.
        </p>
        <DoneMessage text={done} testId="handover-done" />
        {handovers && handovers.length > 0 ? (
          <ul className="nhsuk-list" data-testid="handovers">
            {handovers.map((h) => (
              <li key={h.id}>
                Handed over to <strong>{h.officerName}</strong>
                {h.officerId ? ` (${h.officerId})` : ''}, acknowledged {formatClinicalDateTime(h.acknowledgedAt)}; recorded by {h.recordedByName}.
              </li>
            ))}
          </ul>
        ) : null}
        {latest ? null : (
          <HandoverForm
            personId={person.id}
            responseId={response.id}
            recordedAt={response.recordedAt}
            onDone={(officer) => {
              setDone(`Handover to ${officer} recorded. Print the written copy for the custody officer.`);
              reload(); // reads the person again: the handover list, and the banner's "Handover not recorded" tag goes

            }}
          />
        )}
        {latest ? (
          <>
            {printProblem ? <p className="nhsuk-error-message">{printProblem}</p> : null}
            <button type="button" className="nhsuk-button" onClick={() => void print()}>
              Print the written copy
            </button>
            <h2 className="nhsuk-heading-m">Written copy</h2>
          </>
        ) : null}
      </div>
      {latest ? (
        <div className="sonar-print-preview">
          <HandoverDocument person={person} response={response} handover={latest} siteName={site?.siteName ?? ''} printedBy={user} today={localIsoDate(new Date())} />
        </div>
      ) : null}
    </>
  );
}

export function HandoverScreen({ personId, responseId }: { personId: string; responseId: string }) {
  const { load } = useResponses(personId, null, false);
  const response = load.state === 'loaded' ? load.value.find((r) => r.id === responseId) : undefined;
  return (
    <PersonFrame personId={personId} title="Handover" back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {(person, reload) =>
        load.state === 'loading' ? (
          <p role="status">Opening the assessment…</p>
        ) : load.state === 'failed' ? (
          <LoadFailed title="The assessment could not be opened" message={load.message} />
        ) : !response ? (
          <LoadFailed title="This assessment cannot be handed over" message="Only the latest version of an assessment is handed over." />
        ) : (
          <Body person={person} response={response} reload={reload} />
        )
      }
    </PersonFrame>
  );
}
