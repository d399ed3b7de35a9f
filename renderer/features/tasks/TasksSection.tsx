// Record section: this person's open tasks at this site, soonest first, each closed with an
// outcome; closed tasks stay listed below.
import { roleLabels } from '../../../domain/access/roles';
import { useCallback, useEffect, useState } from 'react';
import type { Task } from '../../../contract/channels/tasks';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { formatClinicalDateTime } from '../../format/person-format';
import { CloseTaskForm } from './CloseTaskForm';
import { TaskDue } from './TaskDue';

export function TasksSection({ personId, refreshKey }: { personId: string; refreshKey?: number }) {
  const call = useApp((s) => s.call);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const now = new Date();

  const load = useCallback(() => {
    void call('tasks.list', { personId, status: 'all' }).then((r) => {
      if (r.ok) {
        setTasks(r.value.tasks);
        setError(null);
      } else setError(r.error.message);
    });
  }, [call, personId]);
  useEffect(load, [load, refreshKey]);

  const open = (tasks ?? []).filter((t) => t.status === 'open').sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const closed = (tasks ?? []).filter((t) => t.status !== 'open');

  return (
    <section aria-labelledby="tasks-title" className="sonar-section" data-testid="tasks-section">
      <h2 id="tasks-title" className="nhsuk-heading-m">
        Tasks
      </h2>
      <DoneMessage text={done} testId="tasks-done" />
      {error ? <p className="nhsuk-error-message">{error}</p> : null}
      {tasks && open.length === 0 ? <p>No open tasks.</p> : null}
      {open.length > 0 ? (
        <ul className="nhsuk-list sonar-task-list">
          {open.map((t) => (
            <li key={t.id} className="sonar-task" data-testid="person-task">
              <p className="nhsuk-u-margin-bottom-1">
                <strong>{t.title}</strong>
                {t.forRole ? <span className="nhsuk-tag nhsuk-tag--white sonar-tag-gap">For {roleLabels[t.forRole].toLowerCase()}</span> : null}
              </p>
              {t.detail ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{t.detail}</p> : null}
              <p className="nhsuk-u-margin-bottom-2">
                <span className="sonar-label">Due</span> <TaskDue dueAt={t.dueAt} now={now} />
              </p>
              {closing === t.id ? (
                <CloseTaskForm
                  task={t}
                  onCancel={() => setClosing(null)}
                  onDone={(m) => {
                    setClosing(null);
                    setDone(m);
                    load();
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                  onClick={() => {
                    setClosing(t.id);
                    setDone(null);
                  }}
                >
                  Close task<span className="nhsuk-u-visually-hidden">: {t.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {closed.length > 0 ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Closed tasks ({closed.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            <ul className="nhsuk-list">
              {closed.map((t) => (
                <li key={t.id}>
                  <strong>{t.title}</strong>: {t.status === 'done' ? 'done' : 'cancelled'}
                  {t.closedAt ? `, ${formatClinicalDateTime(t.closedAt)}` : ''}
                  {t.closeNote ? `. ${t.closeNote}` : ''}
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </section>
  );
}
