// The patient banner (NHS CUI), on every screen showing a person: FAMILY name in capitals,
// given names and title; born date dd-Mmm-yyyy with age; sex; NHS No. and the other identifiers
// in use; the current stay; and the active risk flags with who set them and why. Labels are
// plainer than values and carry no colon; anything unknown reads "Not known".
import type { Ref } from 'react';
import type { PersonRecord } from '../../../contract/channels/patients';
import { identifierViews } from '../../format/identifier-format';
import { bornText, nhsNumberText, sexLabels } from '../../format/person-format';
import { currentStayText } from '../../format/stay-format';
import { BannerFlags } from './BannerFlags';

interface Props {
  person: PersonRecord;
  today: string;
  headingRef?: Ref<HTMLHeadingElement>;
  /** The record page names the person as its heading; other person screens have their own h1. */
  nameIsHeading?: boolean;
}

export function PatientBanner({ person, today, headingRef, nameIsHeading = true }: Props) {
  const given = [person.givenNames, person.title ? `(${person.title})` : ''].filter(Boolean).join(' ');
  const name = (
    <>
      <span className="sonar-banner__family" data-testid="banner-family-name">
        {person.familyName.toUpperCase()}
      </span>
      {given ? `, ${given}` : ''}
    </>
  );
  const others = identifierViews(person.identifiers, { withNhs: false });
  const risky = person.activeFlags.some((f) => f.severity === 'high' || f.severity === 'severe');
  return (
    <section className={`sonar-banner${risky ? ' sonar-banner--risk' : ''}`} aria-label="Patient" data-testid="patient-banner">
      {nameIsHeading ? (
        <h1 className="sonar-banner__name" ref={headingRef} tabIndex={-1}>
          {name}
        </h1>
      ) : (
        <p className="sonar-banner__name sonar-banner__name--small" data-testid="banner-name">
          {name}
        </p>
      )}
      <dl className="sonar-banner__details">
        <div className="sonar-banner__item">
          <dt>Born</dt> <dd data-testid="banner-born">{bornText(person.birthDate, today)}</dd>
        </div>
        <div className="sonar-banner__item">
          <dt>Sex</dt> <dd data-testid="banner-sex">{sexLabels[person.sex]}</dd>
        </div>
        <div className="sonar-banner__item">
          <dt>NHS No.</dt> <dd data-testid="banner-nhs-number">{nhsNumberText(person.nhsNumber)}</dd>
        </div>
        {others.map((i) => (
          <div className="sonar-banner__item" key={`${i.type}:${i.value}`} data-testid="banner-identifier">
            <dt>
              <abbr title={i.longLabel} className="sonar-abbr">
                {i.label}
              </abbr>
            </dt>{' '}
            <dd className="sonar-nowrap">{i.value}</dd>
          </div>
        ))}
      </dl>
      <dl className="sonar-banner__details sonar-banner__details--second">
        <div className="sonar-banner__item">
          <dt>Stay</dt> <dd data-testid="banner-stay">{currentStayText(person.currentStay)}</dd>
        </div>
        {person.taskAlerts.length > 0 ? (
          <div className="sonar-banner__item" data-testid="banner-task-alerts">
            <dt>Tasks</dt>{' '}
            <dd>
              {person.taskAlerts.some((t) => t.kind === 'handover') ? <strong className="nhsuk-tag nhsuk-tag--red sonar-tag-gap">Handover not recorded</strong> : null}
              {person.taskAlerts.some((t) => t.escalated && t.kind !== 'handover') ? (
                <strong className="nhsuk-tag nhsuk-tag--red sonar-tag-gap" data-testid="banner-escalated">
                  {person.taskAlerts.filter((t) => t.escalated && t.kind !== 'handover').length} escalated
                </strong>
              ) : null}
              {person.taskAlerts.some((t) => t.overdue && !t.escalated && t.kind !== 'handover') ? (
                <strong className="nhsuk-tag nhsuk-tag--orange sonar-tag-gap" data-testid="banner-overdue">
                  {person.taskAlerts.filter((t) => t.overdue && !t.escalated && t.kind !== 'handover').length} overdue
                </strong>
              ) : null}
            </dd>
          </div>
        ) : null}
      </dl>
      <BannerFlags flags={person.activeFlags} />
    </section>
  );
}
