// Tasks at this site, so no due review, letter, result or appointment is lost: given to me, on my
// team's list (or a chosen team's), or every open task at the site. Escalated first, then overdue,
// then soonest due. Each row names the person as the banner does and opens their record.
import { useState } from 'react';
import type { Task } from '../../../contract/channels/tasks';
import { teamLabels, teamSchema, teamsOf, type Team } from '../../../domain/access/teams';
import { bannerName } from '../../../domain/person/person-name';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { bornText, localIsoDate, nhsNumberText } from '../../format/person-format';
import { LoadFailed } from '../forms/LoadFailed';
import { useChannel } from '../sms/use-channel';
import { TaskDue } from './TaskDue';
import { TaskWho } from './TaskLine';

export type TaskScope = 'mine' | 'team' | 'site';

const scopeLabels: Record<TaskScope, string> = { mine: 'My tasks', team: 'Team tasks', site: 'All tasks at this site' };

export function TaskTable({ tasks, testId, caption }: { tasks: Task[]; testId: string; caption: string }) {
  const navigate = useApp((s) => s.navigate);
  const now = new Date();
  const today = localIsoDate(now);
  return (
    <table className="nhsuk-table" data-testid={testId}>
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">Due</th>
          <th className="nhsuk-table__header" scope="col">Task</th>
          <th className="nhsuk-table__header" scope="col">Person</th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {tasks.map((t) => (
          <tr className="nhsuk-table__row" key={t.id} data-testid="site-task">
            <td className="nhsuk-table__cell">
              <TaskDue task={t} now={now} />
            </td>
            <td className="nhsuk-table__cell">
              {t.title}
              <span className="sonar-block nhsuk-body-s">{t.kindLabel}</span>
              {t.detail ? <span className="sonar-block nhsuk-body-s">{t.detail}</span> : null}
              <TaskWho task={t} />
            </td>
            <td className="nhsuk-table__cell">
              <a
                href={`#person-${t.personId}`}
                className="sonar-strong-link"
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ name: 'record', personId: t.personId });
                }}
              >
                {t.person ? bannerName(t.person) : 'Open the record'}
              </a>
              {t.person ? (
                <span className="sonar-task-person">
                  <span className="sonar-label">Born</span> {bornText(t.person.birthDate, today)}{' '}
                  <span className="sonar-nowrap">
                    <span className="sonar-label">NHS No.</span> {nhsNumberText(t.person.nhsNumber)}
                  </span>
                </span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function counts(tasks: readonly Task[]): string {
  const escalated = tasks.filter((t) => t.urgency === 'escalated').length;
  const overdue = tasks.filter((t) => t.urgency === 'overdue').length;
  return `${tasks.length} open ${tasks.length === 1 ? 'task' : 'tasks'}${escalated > 0 ? `, ${escalated} escalated` : ''}${overdue > 0 ? `, ${overdue} overdue` : ''}`;
}

export function TaskList({ scope, team }: { scope: TaskScope; team: Team | null }) {
  const { load } = useChannel('tasks.list', { personId: null, status: 'open', scope, team });
  if (load.state === 'loading') return <p role="status">Loading tasks…</p>;
  if (load.state === 'failed') return <LoadFailed title="The tasks could not be loaded" message={load.error.message} />;
  const { tasks, truncated } = load.value;
  return (
    <>
      {truncated ? (
        <p className="nhsuk-error-message" role="alert" data-testid="tasks-truncated">
          Only the first 500 tasks are shown: choose a team or open your own list to see the rest.
        </p>
      ) : null}
      {tasks.length === 0 ? (
        <p data-testid="no-tasks">{scope === 'mine' ? 'No open tasks are given to you.' : scope === 'team' ? 'There are no open tasks on this list.' : 'There are no open tasks at this site.'}</p>
      ) : (
        <TaskTable tasks={tasks} testId={scope === 'site' ? 'site-tasks' : `${scope}-tasks`} caption={`${counts(tasks)}, escalated and overdue first`} />
      )}
    </>
  );
}

export function TasksScreen({ scope: initial = 'site' }: { scope?: TaskScope }) {
  usePageTitle('Tasks');
  const session = useApp((s) => s.session);
  const [scope, setScope] = useState<TaskScope>(initial);
  const manager = session?.user.roles.includes('team_manager') ?? false;
  const myTeams = manager ? teamSchema.options : teamsOf(session?.user.roles ?? []);
  const [team, setTeam] = useState<Team | null>(null);
  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Tasks</PageHeading>
      <nav aria-label="Which tasks" className="sonar-button-row nhsuk-u-margin-bottom-4">
        {(['mine', 'team', 'site'] as const).map((s) => (
          <button key={s} type="button" className={`nhsuk-button nhsuk-button--small${s === scope ? '' : ' nhsuk-button--secondary'}`} aria-pressed={s === scope} onClick={() => setScope(s)}>
            {scopeLabels[s]}
          </button>
        ))}
      </nav>
      {scope === 'team' && myTeams.length > 1 ? (
        <SelectField
          id="tasks-team"
          label="Team"
          value={team ?? ''}
          options={[{ value: '', label: 'All my teams' }, ...myTeams.map((t) => ({ value: t, label: teamLabels[t] }))]}
          onValueChange={(v) => setTeam(v === '' ? null : teamSchema.parse(v))}
        />
      ) : null}
      <h2 className="nhsuk-heading-m">{scopeLabels[scope]}</h2>
      <TaskList key={`${scope}:${team ?? ''}`} scope={scope} team={scope === 'team' ? team : null} />
    </>
  );
}
