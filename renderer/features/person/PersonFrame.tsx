// Every screen about one person: a way back, the patient banner first (always), any notice
// carried to this screen below it, then the screen's own content.
import { useEffect, useRef, type ReactNode } from 'react';
import type { PersonRecord } from '../../../contract/channels/patients';
import { bannerName } from '../../../domain/person/person-name';
import type { Route } from '../../app/navigation-slice';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { BackLink } from '../../components/BackLink';
import { NoticeBanner } from '../../components/NoticeBanner';
import { localIsoDate } from '../../format/person-format';
import { PatientBanner } from './PatientBanner';
import { usePerson } from './use-person';

interface Props {
  personId: string;
  /** The screen's name, for the window title after the person's name. */
  title?: string;
  back: { route: Route; label: string };
  /** The record page names the person as its h1; other screens have their own heading. */
  nameIsHeading?: boolean;
  children(person: PersonRecord, reload: () => void): ReactNode;
}

export function PersonFrame({ personId, title, back, nameIsHeading = false, children }: Props) {
  const notice = useApp((s) => s.notice);
  const { load, reload } = usePerson(personId);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = load.state === 'loaded' ? bannerName(load.person) : 'Person record';
  usePageTitle(title ? `${title}: ${name}` : name);

  useEffect(() => {
    if (load.state === 'loaded' && nameIsHeading) heading.current?.focus();
  }, [load.state, nameIsHeading]);

  const backLink = <BackLink route={back.route} label={back.label} />;
  if (load.state === 'loading') {
    return (
      <>
        {backLink}
        <p className="nhsuk-body" role="status">
          Opening the record…
        </p>
      </>
    );
  }
  if (load.state === 'failed') {
    return (
      <>
        {backLink}
        <h1>The record could not be opened</h1>
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="record-error-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__heading" id="record-error-title">
            There is a problem
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{load.error.message}</p>
          </div>
        </div>
      </>
    );
  }
  return (
    <>
      {backLink}
      <PatientBanner person={load.person} today={localIsoDate(new Date())} headingRef={heading} nameIsHeading={nameIsHeading} />
      {notice ? <NoticeBanner notice={notice} /> : null}
      {children(load.person, reload)}
    </>
  );
}
