// The work lists: my work (tasks given to me, and my caseload), the team's referral inbox, and
// caseloads per worker with counts and overdue work. Each person is named as the banner does and
// opens their record.
import type { ChannelOutput } from '../../../contract/channels';
import { keyworkerKindLabels } from '../../../domain/access/teams';
import { bannerName } from '../../../domain/person/person-name';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { PageHeading } from '../../components/PageHeading';
import { bornText, formatClinicalDateTime, localIsoDate, nhsNumberText } from '../../format/person-format';
import { LoadFailed } from '../forms/LoadFailed';
import { TaskDue } from '../tasks/TaskDue';
import { TaskList } from '../tasks/TasksScreen';
import { ReferralLine } from './ReferralPanel';
import { useChannel } from './use-channel';

function PersonLink({ person }: { person: { id: string; familyName: string; givenNames: string; title: string | null; birthDate: string; nhsNumber: string | null } }) {
  const navigate = useApp((s) => s.navigate);
  const today = localIsoDate(new Date());
  return (
    <>
      <a
        href={`#person-${person.id}`}
        className="sonar-strong-link"
        onClick={(e) => {
          e.preventDefault();
          navigate({ name: 'record', personId: person.id });
        }}
      >
        {bannerName(person)}
      </a>
      <span className="sonar-task-person">
        <span className="sonar-label">Born</span> {bornText(person.birthDate, today)}{' '}
        <span className="sonar-nowrap">
          <span className="sonar-label">NHS No.</span> {nhsNumberText(person.nhsNumber)}
        </span>
      </span>
    </>
  );
}

type CaseloadView = ChannelOutput<'caseload.list'>;

function CaseloadPeople({ people, testId }: { people: CaseloadView['people']; testId: string }) {
  if (people.length === 0) return <p>No one on this caseload.</p>;
  return (
    <table className="nhsuk-table" data-testid={testId}>
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{people.length} on the caseload, soonest work first</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">Person</th>
          <th className="nhsuk-table__header" scope="col">Keyworker for</th>
          <th className="nhsuk-table__header" scope="col">Next due</th>
          <th className="nhsuk-table__header" scope="col">Open (overdue)</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {people.map((p) => (
          <tr className="nhsuk-table__row" key={p.person.id} data-testid="caseload-person">
            <td className="nhsuk-table__cell">
              <PersonLink person={p.person} />
            </td>
            <td className="nhsuk-table__cell">
              {p.kinds.map((k) => keyworkerKindLabels[k]).join(', ')}
              <span className="sonar-block nhsuk-body-s">since {formatClinicalDateTime(p.since)}</span>
            </td>
            <td className="nhsuk-table__cell">
              {p.nextDue ? (
                <>
                  {p.nextDue.title}
                  <span className="sonar-block">
                    <TaskDue task={p.nextDue} now={new Date()} />
                  </span>
                </>
              ) : (
                'Nothing due'
              )}
            </td>
            <td className="nhsuk-table__cell">
              {p.openTasks} ({p.overdueTasks})
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MyWorkScreen() {
  usePageTitle('My work');
  const session = useApp((s) => s.session);
  const holdsCaseload = session?.user.permissions.includes('caseload.manage') ?? false;
  const caseload = useChannel('caseload.list', { workerId: session?.user.id ?? null });
  return (
    <>
      <PageHeading className="nhsuk-heading-xl">My work</PageHeading>
      <h2 className="nhsuk-heading-m">Tasks given to me</h2>
      <TaskList scope="mine" team={null} />
      {holdsCaseload ? (
        <>
          <h2 className="nhsuk-heading-m">My caseload</h2>
          {caseload.load.state === 'loading' ? <p role="status">Loading…</p> : null}
          {caseload.load.state === 'failed' ? <LoadFailed title="The caseload could not be loaded" message={caseload.load.error.message} /> : null}
          {caseload.load.state === 'loaded' ? <CaseloadPeople people={caseload.load.value.people} testId="my-caseload" /> : null}
        </>
      ) : null}
    </>
  );
}

export function InboxScreen() {
  usePageTitle('Referrals');
  const { load } = useChannel('referrals.inbox', { service: null });
  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Referrals waiting for a decision</PageHeading>
      {load.state === 'loading' ? <p role="status">Loading…</p> : null}
      {load.state === 'failed' ? <LoadFailed title="The referrals could not be loaded" message={load.error.message} /> : null}
      {load.state === 'loaded' ? (
        load.value.referrals.length === 0 ? (
          <p data-testid="inbox-empty">No referrals are waiting for a decision.</p>
        ) : (
          <ul className="nhsuk-list" data-testid="inbox">
            {load.value.referrals.map((r) => (
              <li key={r.id} className="sonar-task" data-testid="inbox-referral">
                {r.person ? <PersonLink person={r.person} /> : null}
                <ReferralLine referral={r} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </>
  );
}

export function CaseloadScreen({ workerId }: { workerId: string | null }) {
  usePageTitle('Caseloads');
  const navigate = useApp((s) => s.navigate);
  const { load } = useChannel('caseload.list', { workerId });
  const chosen = load.state === 'loaded' ? load.value.workers.find((w) => w.id === workerId) : undefined;
  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Caseloads</PageHeading>
      {load.state === 'loading' ? <p role="status">Loading…</p> : null}
      {load.state === 'failed' ? <LoadFailed title="The caseloads could not be loaded" message={load.error.message} /> : null}
      {load.state === 'loaded' ? (
        <>
          <table className="nhsuk-table" data-testid="workers">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">Substance misuse keyworkers at this site</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">Worker</th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Clinical</th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Psychosocial</th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Open tasks</th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Overdue</th>
                <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Escalated</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {load.value.workers.map((w) => (
                <tr className="nhsuk-table__row" key={w.id} data-testid="worker">
                  <th className="nhsuk-table__cell" scope="row">
                    <a
                      href={`#worker-${w.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ name: 'caseloads', workerId: w.id });
                      }}
                    >
                      {w.name}
                    </a>
                  </th>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{w.clinical}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{w.psychosocial}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{w.openTasks}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{w.overdueTasks}</td>
                  <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{w.escalatedTasks > 0 ? <strong className="nhsuk-tag nhsuk-tag--red">{w.escalatedTasks} escalated</strong> : 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {chosen ? (
            <>
              <h2 className="nhsuk-heading-m">{chosen.name}&apos;s caseload</h2>
              <CaseloadPeople people={load.value.people} testId="worker-caseload" />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
