// The printable release pack: for the person, the community service and the GP. The person's
// identifiers are in a table header the browser repeats on every printed page; the medicines facts
// (OST dose and the time of the last dose, naloxone) come first. Printing is audited.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import type { PersonRecord } from '../../../contract/channels/patients';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { useApp } from '../../app/store-context';
import { formatClinicalDateTime, localIsoDate } from '../../format/person-format';
import { LoadFailed } from '../forms/LoadFailed';
import { recordPrint } from '../governance/record-print';
import { PersonFrame } from '../person/PersonFrame';
import { naloxoneLabels } from './sms-labels';
import { useChannel } from './use-channel';
import { PrintedDocument } from '../person/PrintedDocument';

type SmsRecordView = ChannelOutput<'sms.record'>;

function Document({ person, record, siteName, printedBy }: { person: PersonRecord; record: SmsRecordView; siteName: string; printedBy: string }) {
  const plan = record.releasePlan!;
  const today = localIsoDate(new Date());
  const referral = plan.communityReferral;
  return (
    <PrintedDocument person={person} siteName={siteName} printedBy={printedBy} today={today} confidential="health information shared for continuity of care." testId="release-pack">
      <h1 className="sonar-print-doc__title">Release pack: continuity of substance misuse treatment</h1>
      <section className="sonar-print-doc__section" data-testid="pack-medicines">
        <h2>Medicines on release</h2>
        <dl className="sonar-print-doc__facts">
          <div className="sonar-print-doc__row">
            <dt>Opioid substitution treatment</dt>
            <dd>{plan.ost ? `${plan.ost.medicine}, ${plan.ost.doseMg} mg daily` : 'None'}</dd>
          </div>
          {plan.ost ? (
            <div className="sonar-print-doc__row">
              <dt>Last dose</dt>
              <dd data-testid="pack-last-dose">{formatClinicalDateTime(plan.ost.lastDoseAt)}</dd>
            </div>
          ) : null}
          <div className="sonar-print-doc__row">
            <dt>Naloxone</dt>
            <dd>
              {naloxoneLabels[plan.naloxone]}
              {plan.naloxoneNote ? `: ${plan.naloxoneNote}` : ''}
            </dd>
          </div>
        </dl>
        <p>Overdose risk is highest in the first weeks after release: tolerance falls in custody. Do not take an extra dose before the community prescriber has seen you.</p>
      </section>
      <section className="sonar-print-doc__section">
        <h2>Release</h2>
        <dl className="sonar-print-doc__facts">
          <div className="sonar-print-doc__row">
            <dt>Release date</dt>
            <dd data-testid="pack-release-date">{formatClinicalDate(plan.releaseOn)}</dd>
          </div>
          <div className="sonar-print-doc__row">
            <dt>Going to</dt>
            <dd>{plan.destination ?? 'Not known'}</dd>
          </div>
          <div className="sonar-print-doc__row">
            <dt>Community treatment</dt>
            <dd data-testid="pack-referral">
              {referral ? `${referral.provider} (${referral.serviceLabel}), referred ${formatClinicalDate(referral.referredOn)}` : 'No referral recorded'}
              {referral?.firstAppointmentAt ? `; first appointment ${formatClinicalDateTime(referral.firstAppointmentAt)}` : ''}
            </dd>
          </div>
          <div className="sonar-print-doc__row">
            <dt>Keyworkers here</dt>
            <dd>{record.keyworkers.length > 0 ? record.keyworkers.map((k) => k.workerName).join(', ') : 'Not known'}</dd>
          </div>
          <div className="sonar-print-doc__row">
            <dt>Follow-up</dt>
            <dd data-testid="pack-follow-up">
              {plan.followUp?.dueOn ? `The prison team will confirm engagement with community treatment by ${formatClinicalDate(plan.followUp.dueOn)}` : 'Not known'}
            </dd>
          </div>
        </dl>
        {plan.notes ? <p>{plan.notes}</p> : null}
      </section>
      <section className="sonar-print-doc__signatures">
        <p>Given to the person by: ________________________ Date: ____________</p>
      </section>
    </PrintedDocument>
  );
}

function Body({ person, record }: { person: PersonRecord; record: SmsRecordView }) {
  const call = useApp((s) => s.call);
  const site = useApp((s) => s.site);
  const user = useApp((s) => s.session?.user.fullName ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    document.body.classList.add('sonar-has-print-doc');
    return () => document.body.classList.remove('sonar-has-print-doc');
  }, []);
  if (!record.releasePlan) return <LoadFailed title="There is no release plan" message="Record the release plan first." />;
  async function print() {
    const r = await recordPrint(call, person.id, 'Release pack');
    setProblem(r.problem);
    window.print();
  }
  return (
    <>
      <div className="sonar-screen-only">
        <h1 className="nhsuk-heading-l">Release pack</h1>
        {problem ? <p className="nhsuk-error-message">{problem}</p> : null}
        <button type="button" className="nhsuk-button" onClick={() => void print()}>
          Print the release pack
        </button>
      </div>
      <div className="sonar-print-preview">
        <Document person={person} record={record} siteName={site?.siteName ?? ''} printedBy={user} />
      </div>
    </>
  );
}

export function ReleasePackScreen({ personId }: { personId: string }) {
  const { load } = useChannel('sms.record', { personId });
  return (
    <PersonFrame personId={personId} title="Release pack" back={{ route: { name: 'record', personId }, label: 'Back to the record' }}>
      {(person) =>
        load.state === 'loading' ? <p role="status">Loading…</p> : load.state === 'failed' ? <LoadFailed title="The release pack could not be made" message={load.error.message} /> : <Body person={person} record={load.value} />
      }
    </PersonFrame>
  );
}
