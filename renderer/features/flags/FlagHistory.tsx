// A flag's versions, oldest first: raised, each update (a later result or a clinician's judgement)
// and its end, with who, when and where. Loaded when opened.
import { useState } from 'react';
import type { FlagVersion } from '../../../contract/channels/flags';
import { useApp } from '../../app/store-context';
import { formatClinicalDateTime } from '../../format/person-format';
import { flagSeverityText } from '../../format/severity-format';

const KIND: Record<FlagVersion['kind'], string> = { raised: 'Raised', updated: 'Updated', ended: 'Ended' };

export function FlagHistory({ personId, flagId, label }: { personId: string; flagId: string; label: string }) {
  const call = useApp((s) => s.call);
  const [versions, setVersions] = useState<FlagVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  function load(open: boolean) {
    if (!open || versions) return;
    void call('flags.history', { personId, flagId }).then((r) => (r.ok ? setVersions(r.value.versions) : setError(r.error.message)));
  }

  return (
    <details className="nhsuk-details sonar-flag-history" onToggle={(e) => load((e.target as HTMLDetailsElement).open)} data-testid="flag-history">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          History<span className="nhsuk-u-visually-hidden"> of {label}</span>
        </span>
      </summary>
      <div className="nhsuk-details__text">
        {error ? <p className="nhsuk-error-message">{error}</p> : null}
        {versions === null && !error ? <p>Loading…</p> : null}
        {versions ? (
          <ol className="nhsuk-list">
            {versions.map((v, i) => (
              <li key={i}>
                <strong>{KIND[v.kind]}</strong> {formatClinicalDateTime(v.at)} by {v.byName} ({v.originSite})
                {v.severity ? `, ${flagSeverityText(v.severity)}` : ''}: {v.reason}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </details>
  );
}
