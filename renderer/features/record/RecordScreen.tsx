// A person's record: the banner first, always, then a contents list and the sections a reception
// nurse works through: stay, risk flags, assessments, tasks, referrals, consent, identifiers and
// registration.
import { ConflictsSection } from '../sync/ConflictsSection';
import type { PersonRecord } from '../../../contract/channels/patients';
import { useApp } from '../../app/store-context';
import { FlagsSection } from '../flags/FlagsSection';
import { BreakGlassNotice } from '../governance/BreakGlassNotice';
import { AssessmentsSection } from '../forms/AssessmentsSection';
import { ConsentSection } from '../consent/ConsentSection';
import { IdentitySection } from '../identity/IdentitySection';
import { PersonFrame } from '../person/PersonFrame';
import { ReferralsSection } from '../referrals/ReferralsSection';
import { StaySection } from '../stays/StaySection';
import { TasksSection } from '../tasks/TasksSection';
import { SmsSection } from '../sms/SmsSection';
import { formatClinicalDateTime } from '../../format/person-format';
import { ExportRecord } from './ExportRecord';
import { RecordContents } from './RecordContents';

function Registration({ person }: { person: PersonRecord }) {
  const site = useApp((s) => s.site);
  const registeredHere = site && site.siteCode === person.originSite;
  return (
    <section aria-labelledby="registration-title" className="sonar-section">
      <h2 className="nhsuk-heading-m" id="registration-title">
        Registration
      </h2>
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
    </section>
  );
}

export function RecordScreen({ personId }: { personId: string }) {
  return (
    <PersonFrame personId={personId} back={{ route: { name: 'search' }, label: 'Back to search' }} nameIsHeading>
      {(person, reload) => (
        <>
          <BreakGlassNotice personId={person.id} />
          <RecordContents />
          <ConflictsSection personId={person.id} onChanged={reload} />
          <StaySection person={person} onChanged={reload} />
          <FlagsSection person={person} onChanged={reload} />
          <AssessmentsSection personId={person.id} />
          <TasksSection personId={person.id} onChanged={reload} />
          <SmsSection personId={person.id} onChanged={reload} />
          <ReferralsSection personId={person.id} />
          <ConsentSection personId={person.id} />
          <IdentitySection person={person} onChanged={reload} />
          <Registration person={person} />
          <ExportRecord personId={person.id} />
        </>
      )}
    </PersonFrame>
  );
}
