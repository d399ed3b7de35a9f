// The sync status area, on every screen while signed in: last successful sync, changes waiting,
// progress of a long download, problems in plain words, refused changes and open conflicts. It
// reads the status in the background (not counted as activity) and after every change notice.
import { useEffect } from 'react';
import { useChannelQuery } from '../../app/server-state';
import { useApp } from '../../app/store-context';
import { syncStatusLine } from './sync-status-text';

const REFRESH_MS = 15_000;

export function SyncStatusArea() {
  const navigate = useApp((s) => s.navigate);
  const active = useApp((s) => s.session !== null && s.lock === null && !s.session.mustChangePassword);
  const noticeSeq = useApp((s) => s.noticeSeq);
  const query = useChannelQuery('sync.status', {}, { enabled: active, refetchIntervalMs: REFRESH_MS });
  const { refetch } = query;
  useEffect(() => {
    if (active) void refetch();
  }, [active, noticeSeq, refetch]);

  const status = query.data;
  if (!active || !status) return null;
  const line = syncStatusLine(status);
  return (
    <div className={`sonar-sync-status sonar-sync-status--${line.tone}`} role="status" aria-live="polite" data-testid="sync-status">
      <div className="nhsuk-width-container sonar-sync-status__inner">
        <span className="sonar-sync-status__text">{line.text}</span>
        {line.detail ? <span className="sonar-sync-status__detail">{line.detail}</span> : null}
        {status.refused > 0 ? <strong className="nhsuk-tag nhsuk-tag--red">{status.refused} refused by the central</strong> : null}
        {status.openConflicts > 0 ? <strong className="nhsuk-tag nhsuk-tag--orange">{status.openConflicts} conflict{status.openConflicts === 1 ? '' : 's'} to resolve</strong> : null}
        <a
          href="#sync"
          className="sonar-sync-status__link"
          onClick={(e) => {
            e.preventDefault();
            navigate({ name: 'sync' });
          }}
        >
          Sync details
        </a>
      </div>
    </div>
  );
}
