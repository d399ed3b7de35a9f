// The need-to-know summary for police, social care and voluntary-sector partners: who the person
// is, since when they are in custody here, the handling advice clinicians chose to share, and whom
// to contact. Never notes, assessments or substance-use detail (the router refuses them too).
import { flagSeverityText, severityTagClass } from '../../format/severity-format';
import { useEffect, useRef } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import type { RpcError } from '../../../contract/result';
import { bannerName } from '../../../domain/person/person-name';
import { usePageTitle } from '../../app/page-title';
import { useChannelQuery } from '../../app/server-state';
import { useApp } from '../../app/store-context';
import { BackLink } from '../../components/BackLink';
import { NoticeBanner } from '../../components/NoticeBanner';
import { bornText, formatClinicalDateTime, localIsoDate, NOT_KNOWN } from '../../format/person-format';

type Summary = ChannelOutput<'patients.summary'>;
type Load = { state: 'loading' } | { state: 'failed'; error: RpcError } | { state: 'loaded'; summary: Summary };

function failureText(error: RpcError): string {
  if (error.code === 'break_glass_required') return 'This person is not in the care of the healthcare team at this site, so their summary cannot be shown here.';
  return error.message;
}

export function PartnerSummaryScreen({ personId }: { personId: string }) {
  const notice = useApp((s) => s.notice);
  // Through the server-state cache: handling advice a clinician adds (here, or at another site by
  // sync) reaches the officer's open summary without a reload.
  const query = useChannelQuery('patients.summary', { personId });
  const load: Load = query.data ? { state: 'loaded', summary: query.data } : query.error ? { state: 'failed', error: query.error.rpc } : { state: 'loading' };
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(load.state === 'loaded' ? `Summary: ${bannerName(load.summary.person)}` : 'Summary');

  useEffect(() => {
    if (load.state === 'loaded') heading.current?.focus();
  }, [load.state]);

  const back = <BackLink route={{ name: 'search' }} label="Back to search" />;
  if (load.state === 'loading') {
    return (
      <>
        {back}
        <p className="nhsuk-body" role="status">
          Opening the summary…
        </p>
      </>
    );
  }
  if (load.state === 'failed') {
    return (
      <>
        {back}
        <h1>The summary could not be shown</h1>
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="summary-error-title" data-testid="summary-error">
          <h2 className="nhsuk-error-summary__heading" id="summary-error-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{failureText(load.error)}</p>
          </div>
        </div>
      </>
    );
  }

  const { person, inCustodySince, advice, contacts } = load.summary;
  const today = localIsoDate(new Date());
  return (
    <>
      {back}
      <section className="sonar-banner" aria-label="Person" data-testid="summary-banner">
        <h1 className="sonar-banner__name" ref={heading} tabIndex={-1}>
          <span className="sonar-banner__family">{person.familyName.toUpperCase()}</span>, {person.givenNames}
        </h1>
        <dl className="nhsuk-summary-list nhsuk-u-margin-bottom-0">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Born</dt>
            <dd className="nhsuk-summary-list__value">{bornText(person.birthDate, today)}</dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">In custody since</dt>
            <dd className="nhsuk-summary-list__value" data-testid="in-custody-since">
              {inCustodySince ? formatClinicalDateTime(inCustodySince) : NOT_KNOWN}
            </dd>
          </div>
        </dl>
      </section>
      {notice ? <NoticeBanner notice={notice} /> : null}
      <p className="nhsuk-body">
        This is the need-to-know summary shared with partner agencies. The clinical record is held by the healthcare team; ask them if you need more.
      </p>
      <section aria-labelledby="advice-title" className="sonar-section">
        <h2 className="nhsuk-heading-m" id="advice-title">
          Handling advice
        </h2>
        {advice.length === 0 ? (
          <p className="nhsuk-body" data-testid="no-advice">
            The healthcare team has shared no handling advice for this person.
          </p>
        ) : (
          <ul className="nhsuk-list" data-testid="handling-advice">
            {advice.map((a) => (
              <li key={`${a.label}:${a.since}`} className="nhsuk-inset-text nhsuk-u-margin-top-0">
                <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">
                  <strong className={severityTagClass(a.severity)}>{flagSeverityText(a.severity)}</strong> {a.label}
                </h3>
                <p className="nhsuk-body nhsuk-u-margin-bottom-1">{a.advice}</p>
                {a.fromClinician ? null : <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">General advice for this level of risk: the healthcare team has not written specific advice.</p>}
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">Since {formatClinicalDateTime(a.since)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="contacts-title" className="sonar-section">
        <h2 className="nhsuk-heading-m" id="contacts-title">
          Who to contact
        </h2>
        <dl className="nhsuk-summary-list" data-testid="contacts">
          {contacts.map((c) => (
            <div className="nhsuk-summary-list__row" key={`${c.name}:${c.role}`}>
              <dt className="nhsuk-summary-list__key">{c.name}</dt>
              <dd className="nhsuk-summary-list__value">{c.role}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
