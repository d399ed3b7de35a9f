// Active risk flags in the banner: severity in words (and a tag colour), the flag, who set it and
// when, and the criteria it was set on ("because ..."). Never hidden behind a click.
import type { Flag } from '../../../contract/channels/flags';
import { FromSite } from '../../components/FromSite';
import { formatClinicalDateTime } from '../../format/person-format';
import { flagSeverityText, severityTagClass } from '../../format/severity-format';

const order = { severe: 0, high: 1, moderate: 2, low: 3, none: 4 } as const;

export function BannerFlags({ flags }: { flags: readonly Flag[] }) {
  if (flags.length === 0) {
    return (
      <p className="sonar-banner__no-flags" data-testid="banner-flags">
        <span className="sonar-banner__label">Risk flags</span> None active
      </p>
    );
  }
  const sorted = [...flags].sort((a, b) => order[a.severity] - order[b.severity] || a.setAt.localeCompare(b.setAt));
  return (
    <div className="sonar-banner__flags" data-testid="banner-flags">
      <h2 className="sonar-banner__label sonar-banner__flags-title" id="banner-flags-title">
        Active risk flags ({flags.length})
      </h2>
      <ul className="sonar-flag-list" aria-labelledby="banner-flags-title">
        {sorted.map((f) => (
          <li key={f.id} className="sonar-flag" data-testid="banner-flag">
            <strong className={`${severityTagClass(f.severity)} sonar-flag__tag`}>{flagSeverityText(f.severity)}</strong>{' '}
            <strong className="sonar-flag__label">{f.label}</strong>
            <span className="sonar-flag__meta">
              {' '}
              set by {f.setByName}
              <FromSite site={f.originSite} />, {formatClinicalDateTime(f.setAt)}
            </span>
            <span className="sonar-flag__reason">
              <span className="sonar-flag__because">Because</span> {f.reason}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
