// A person's record: the banner first, always, then what is known about the registration.
import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import type { RpcError } from '../../../contract/result';
import { bannerName } from '../../../domain/person/person-name';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { formatClinicalDateTime, localIsoDate } from '../../format/person-format';
import { NoticeBanner } from '../../components/NoticeBanner';
import { PatientBanner } from '../person/PatientBanner';

type Loaded = { state: 'loading' } | { state: 'failed'; error: RpcError } | { state: 'loaded'; person: ChannelOutput<'patients.get'> };

export function RecordScreen({ personId }: { personId: string }) {
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const site = useApp((s) => s.site);
  const notice = useApp((s) => s.notice);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(loaded.state === 'loaded' ? bannerName(loaded.person) : 'Person record');

  useEffect(() => {
    let current = true; // the answer for a record already left behind is dropped
    setLoaded({ state: 'loading' });
    void call('patients.get', { personId }).then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { state: 'loaded', person: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [call, personId]);

  useEffect(() => {
    if (loaded.state === 'loaded') heading.current?.focus();
  }, [loaded.state]);

  const back = (
    <a
      className="nhsuk-back-link"
      href="#search"
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'search' });
      }}
    >
      Back to search
    </a>
  );

  if (loaded.state === 'loading') {
    return (
      <>
        {back}
        <p className="nhsuk-body" role="status">
          Opening the record…
        </p>
      </>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <>
        {back}
        <h1>The record could not be opened</h1>
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="record-error-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__heading" id="record-error-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{loaded.error.message}</p>
          </div>
        </div>
      </>
    );
  }

  const person = loaded.person;
  const registeredHere = site && site.siteCode === person.originSite;
  return (
    <>
      {back}
      <PatientBanner person={person} today={localIsoDate(new Date())} headingRef={heading} />
      {notice ? <NoticeBanner notice={notice} /> : null}
      <h2 className="nhsuk-heading-m">Registration</h2>
      <dl className="nhsuk-summary-list" data-testid="registration">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Registered</dt>
          <dd className="nhsuk-summary-list__value">{formatClinicalDateTime(person.registeredAt)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Registered by</dt>
          <dd className="nhsuk-summary-list__value">{person.registeredBy}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Registered at</dt>
          <dd className="nhsuk-summary-list__value">{registeredHere ? `${site.siteName} (${person.originSite})` : person.originSite}</dd>
        </div>
      </dl>
    </>
  );
}
