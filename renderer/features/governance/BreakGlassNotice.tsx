// On a record opened by break-glass: a standing notice that access is emergency access, until when,
// and the way to end it now. Shown while this user holds an unexpired grant for the person.
import { useEffect, useState } from 'react';
import { useApp } from '../../app/store-context';
import { formatClinicalDateTime } from '../../format/person-format';

export function BreakGlassNotice({ personId }: { personId: string }) {
  const grant = useApp((s) => s.grants[personId] ?? null);
  const end = useApp((s) => s.endBreakGlass);
  const [now, setNow] = useState(() => new Date());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Re-checked every half minute, so the notice does not outlive the grant.
  useEffect(() => {
    if (!grant) return;
    const timer = window.setInterval(() => setNow(new Date()), 30_000);
    return () => window.clearInterval(timer);
  }, [grant]);

  if (!grant) return null;
  const expired = new Date(grant.expiresAt).getTime() <= now.getTime();

  async function endNow() {
    if (busy) return;
    setBusy(true);
    const result = await end(personId);
    setBusy(false);
    if (!result.ok) setProblem(result.error.message);
  }

  return (
    <div className="nhsuk-notification-banner" role="region" aria-labelledby="break-glass-title" data-testid="break-glass-notice">
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id="break-glass-title">
          Emergency access (break-glass)
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading" data-testid="break-glass-expiry">
          {expired
            ? `Your emergency access to this record ended at ${formatClinicalDateTime(grant.expiresAt)}.`
            : `You are viewing this record under emergency access until ${formatClinicalDateTime(grant.expiresAt)}.`}
        </p>
        <p className="nhsuk-body">Your reason: {grant.reason}. Everything you open is recorded and will be reviewed.</p>
        {problem ? (
          <p className="nhsuk-error-message" role="alert">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {problem}
          </p>
        ) : null}
        {expired ? null : (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" aria-disabled={busy} onClick={() => void endNow()}>
            {busy ? 'Ending emergency access…' : 'End emergency access'}
          </button>
        )}
      </div>
    </div>
  );
}
