// "Tasks": every open task at this site, soonest due first, so no due assessment or appointment
// is lost. Each row names the person as the banner does and opens their record.
import { roleLabels } from '../../../domain/access/roles';
import { useEffect, useState } from 'react';
import type { Task } from '../../../contract/channels/tasks';
import { bannerName } from '../../../domain/person/person-name';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { bornText, localIsoDate, nhsNumberText } from '../../format/person-format';
import { isOverdue } from '../../format/relative-due';
import { TaskDue } from './TaskDue';
import { PageHeading } from '../../components/PageHeading';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; tasks: Task[] };

export function TasksScreen() {
  usePageTitle('Tasks');
  const call = useApp((s) => s.call);
  const navigate = useApp((s) => s.navigate);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const now = new Date();
  const today = localIsoDate(now);

  useEffect(() => {
    let current = true;
    void call('tasks.list', { personId: null, status: 'open' }).then((r) => {
      if (!current) return;
      setLoad(r.ok ? { state: 'loaded', tasks: [...r.value.tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt)) } : { state: 'failed', message: r.error.message });
    });
    return () => {
      current = false;
    };
  }, [call]);

  const overdue = load.state === 'loaded' ? load.tasks.filter((t) => isOverdue(t.dueAt, now)).length : 0;
  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Tasks</PageHeading>
      {load.state === 'loading' ? (
        <p role="status">Loading tasks…</p>
      ) : load.state === 'failed' ? (
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="tasks-error-title">
          <h2 className="nhsuk-error-summary__heading" id="tasks-error-title">
            The tasks could not be loaded
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{load.message}</p>
          </div>
        </div>
      ) : load.tasks.length === 0 ? (
        <p data-testid="no-tasks">There are no open tasks at this site.</p>
      ) : (
        <table className="nhsuk-table" data-testid="site-tasks">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            {load.tasks.length} open {load.tasks.length === 1 ? 'task' : 'tasks'}
            {overdue > 0 ? `, ${overdue} overdue` : ''}, soonest due first
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th className="nhsuk-table__header" scope="col">Due</th>
              <th className="nhsuk-table__header" scope="col">Task</th>
              <th className="nhsuk-table__header" scope="col">Person</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {load.tasks.map((t) => (
              <tr className="nhsuk-table__row" key={t.id} data-testid="site-task">
                <td className="nhsuk-table__cell">
                  <TaskDue dueAt={t.dueAt} now={now} />
                </td>
                <td className="nhsuk-table__cell">
                  {t.title}
                  {t.forRole ? <span className="sonar-block nhsuk-body-s">For {roleLabels[t.forRole].toLowerCase()}</span> : null}
                  {t.detail ? <span className="sonar-block nhsuk-body-s">{t.detail}</span> : null}
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
                      <span className="sonar-label">Born</span> {bornText(t.person.birthDate, today)} <span className="sonar-nowrap">
                        <span className="sonar-label">NHS No.</span> {nhsNumberText(t.person.nhsNumber)}
                      </span>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
