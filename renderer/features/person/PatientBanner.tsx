// The patient banner (UX.md, NHS CUI): FAMILY name in capitals, given names and title; born date
// dd-Mmm-yyyy with age; sex; NHS No. Labels are plainer than values and carry no colon; anything
// unknown reads "Not known".
import type { Ref } from 'react';
import type { PersonSummary } from '../../../contract/channels/patients';
import { bornText, nhsNumberText, sexLabels } from '../../format/person-format';

interface Props {
  person: PersonSummary;
  today: string;
  headingRef?: Ref<HTMLHeadingElement>;
}

export function PatientBanner({ person, today, headingRef }: Props) {
  const given = [person.givenNames, person.title ? `(${person.title})` : ''].filter(Boolean).join(' ');
  return (
    <section className="sonar-banner" aria-label="Patient" data-testid="patient-banner">
      <h1 className="sonar-banner__name" ref={headingRef} tabIndex={-1}>
        <span className="sonar-banner__family" data-testid="banner-family-name">
          {person.familyName.toUpperCase()}
        </span>
        {given ? `, ${given}` : ''}
      </h1>
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
      </dl>
    </section>
  );
}
