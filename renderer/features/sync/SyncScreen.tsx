// Sync details: the status in full, "Sync now", and every change the central refused (kept here
// with its reason, never dropped: site IT or the clinician puts it right).
import { useCallback, useEffect, useState } from 'react';
import { useChannelQuery } from '../../app/server-state';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { PageHeading } from '../../components/PageHeading';
import { formatClinicalDateTime } from '../../format/person-format';
import { syncStatusLine } from './sync-status-text';

export function SyncScreen() {
  usePageTitle('Sync with the central record');
  const call = useApp((s) => s.call);
  const noticeSeq = useApp((s) => s.noticeSeq);
  const statusQuery = useChannelQuery('sync.status', {});
  const refusedQuery = useChannelQuery('sync.refused', {});
  const status = statusQuery.data ?? null;
  const refused = refusedQuery.data?.events ?? [];
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { refetch: refetchStatus } = statusQuery;
  const { refetch: refetchRefused } = refusedQuery;
  const load = useCallback(() => {
    void refetchStatus();
    void refetchRefused();
  }, [refetchStatus, refetchRefused]);
  useEffect(load, [load, noticeSeq]);

  async function syncNow() {
    setBusy(true);
    setError(null);
    const r = await call('sync.now', {});
    setBusy(false);
    if (!r.ok) setError(r.error.message);
    else if (r.value.problem) setError(r.value.problem);
    else setDone(`Sent ${r.value.pushed}, received ${r.value.received}${r.value.refused ? `; ${r.value.refused} refused` : ''}${r.value.conflicts ? `; ${r.value.conflicts} in conflict` : ''}.`);
    load();
  }

  const line = status ? syncStatusLine(status) : null;
  return (
    <>
      <PageHeading>Sync with the central record</PageHeading>
      <DoneMessage text={done} testId="sync-done" />
      {error ? (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__heading">Sync did not finish</h2>
          <div className="nhsuk-error-summary__body">
            <p>{error}</p>
          </div>
        </div>
      ) : null}
      {status && line ? (
        <dl className="nhsuk-summary-list" data-testid="sync-details">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Now</dt>
            <dd className="nhsuk-summary-list__value">
              {line.text}
              {line.detail ? <p className="nhsuk-body-s">{line.detail}</p> : null}
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Last sent</dt>
            <dd className="nhsuk-summary-list__value">{status.lastPushAt ? formatClinicalDateTime(status.lastPushAt) : 'Not yet'}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Last received</dt>
            <dd className="nhsuk-summary-list__value">{status.lastPullAt ? formatClinicalDateTime(status.lastPullAt) : 'Not yet'}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Waiting to send</dt>
            <dd className="nhsuk-summary-list__value">{status.waitingToSend}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Conflicts to resolve</dt>
            <dd className="nhsuk-summary-list__value">{status.openConflicts}: each is a task on the person&apos;s record</dd>
          </div>
        </dl>
      ) : (
        <p role="status">Reading the sync status…</p>
      )}
      {status?.mode === 'on' ? (
        <button type="button" className="nhsuk-button" aria-disabled={busy} onClick={() => void (busy ? undefined : syncNow())}>
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
      ) : null}
      <h2 className="nhsuk-heading-m">Changes the central refused</h2>
      {refused.length === 0 ? (
        <p>None.</p>
      ) : (
        <table className="nhsuk-table" data-testid="sync-refused">
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Recorded</th>
              <th className="nhsuk-table__header" scope="col">Change</th>
              <th className="nhsuk-table__header" scope="col">Why it was refused</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {refused.map((e) => (
              <tr className="nhsuk-table__row" key={e.eventId}>
                <td className="nhsuk-table__cell">{formatClinicalDateTime(e.recordedAt)}</td>
                <td className="nhsuk-table__cell">{e.type.replace(/[._]/g, ' ')}</td>
                <td className="nhsuk-table__cell">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
