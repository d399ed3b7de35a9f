// Record section: this person's open tasks at this site (escalated and overdue first), each closed
// only with an outcome of its kind, given to a worker or moved with a reason; what other sites
// still have to do for them (a letter awaited where they were before), read only; closed tasks
// with their outcome below. Letters, results, appointments and recalls are added here.
import { useState } from 'react';
import { useChannelQuery, useInvalidatePerson } from '../../app/server-state';
import { useApp } from '../../app/store-context';
import { DoneMessage } from '../../components/DoneMessage';
import { formatClinicalDateTime } from '../../format/person-format';
import { CloseTaskForm } from './CloseTaskForm';
import { CreateTaskForm } from './CreateTaskForm';
import { AssignTaskForm, RescheduleTaskForm } from './TaskChangeForms';
import { TaskDue } from './TaskDue';
import { TaskSummary } from './TaskLine';

type Open = { taskId: string; form: 'close' | 'assign' | 'move' } | { taskId: null; form: 'create' } | null;

export function TasksSection({ personId, onChanged }: { personId: string; onChanged?(): void }) {
  const canManage = useApp((s) => s.session?.user.permissions.includes('task.manage') ?? false);
  // Read through the shared cache: a change elsewhere on the record, or by sync, reads them again.
  const query = useChannelQuery('tasks.list', { personId, status: 'all' });
  const invalidate = useInvalidatePerson();
  const tasks = query.data?.tasks ?? null;
  const elsewhere = query.data?.elsewhere ?? [];
  const error = query.error && !query.data ? query.error.message : null;
  const [open, setOpen] = useState<Open>(null);
  const [done, setDone] = useState<string | null>(null);
  const now = new Date();
  const load = () => invalidate(personId);

  const pending = (tasks ?? []).filter((t) => t.status === 'open');
  const closed = (tasks ?? []).filter((t) => t.status !== 'open').sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''));
  const show = (o: Open) => {
    setOpen(o);
    setDone(null);
  };
  const finish = (message: string) => {
    setOpen(null);
    setDone(message);
    load();
    onChanged?.();
  };

  return (
    <section aria-labelledby="tasks-title" className="sonar-section" data-testid="tasks-section">
      <h2 id="tasks-title" className="nhsuk-heading-m">
        Tasks
      </h2>
      <DoneMessage text={done} testId="tasks-done" />
      {error ? <p className="nhsuk-error-message">{error}</p> : null}
      {tasks && pending.length === 0 ? <p>No open tasks.</p> : null}
      {pending.length > 0 ? (
        <ul className="nhsuk-list sonar-task-list">
          {pending.map((t) => (
            <li key={t.id} className="sonar-task" data-testid="person-task">
              <TaskSummary task={t} now={now} />
              {open?.taskId === t.id && open.form === 'close' ? (
                <CloseTaskForm task={t} onCancel={() => setOpen(null)} onDone={finish} />
              ) : open?.taskId === t.id && open.form === 'assign' ? (
                <AssignTaskForm task={t} onCancel={() => setOpen(null)} onDone={finish} />
              ) : open?.taskId === t.id && open.form === 'move' ? (
                <RescheduleTaskForm task={t} onCancel={() => setOpen(null)} onDone={finish} />
              ) : canManage ? (
                <div className="sonar-button-row nhsuk-u-margin-top-2">
                  {t.closable ? (
                    <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => show({ taskId: t.id, form: 'close' })}>
                      Close task<span className="nhsuk-u-visually-hidden">: {t.title}</span>
                    </button>
                  ) : (
                    <span className="nhsuk-body-s">Closes when it is done, from the substance misuse section.</span>
                  )}
                  <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => show({ taskId: t.id, form: 'assign' })}>
                    Give to<span className="nhsuk-u-visually-hidden">: {t.title}</span>
                  </button>
                  {t.reschedulable ? (
                    <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => show({ taskId: t.id, form: 'move' })}>
                      New due date<span className="nhsuk-u-visually-hidden">: {t.title}</span>
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {elsewhere.length > 0 ? (
        <div className="nhsuk-inset-text" data-testid="tasks-elsewhere">
          <h3 className="nhsuk-heading-s">Open at other sites</h3>
          <p className="nhsuk-body-s">Work another site still has to do for this person (read only here; that site closes it).</p>
          <ul className="nhsuk-list sonar-task-list">
            {elsewhere.map((t) => (
              <li key={t.id} className="sonar-task" data-testid="task-elsewhere">
                <p className="nhsuk-u-margin-bottom-1">
                  <strong>{t.title}</strong> <span className="nhsuk-tag nhsuk-tag--white sonar-tag-gap">{t.kindLabel}</span> at <strong className="sonar-origin">{t.siteCode}</strong>
                </p>
                {t.detail ? <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">{t.detail}</p> : null}
                <p className="nhsuk-u-margin-bottom-1">
                  <span className="sonar-label">Due</span> <TaskDue task={t} now={now} />
                  {t.assignee ? <span className="nhsuk-body-s">, with {t.assignee.name}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {canManage ? (
        open?.form === 'create' ? (
          <CreateTaskForm personId={personId} onCancel={() => setOpen(null)} onDone={finish} />
        ) : (
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => show({ taskId: null, form: 'create' })}>
            Add a task (letter, result, appointment, recall)
          </button>
        )
      ) : null}
      {closed.length > 0 ? (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Closed tasks ({closed.length})</span>
          </summary>
          <div className="nhsuk-details__text">
            <ul className="nhsuk-list" data-testid="closed-tasks">
              {closed.map((t) => (
                <li key={t.id}>
                  <strong>{t.title}</strong>: {t.result ?? (t.status === 'done' ? 'done' : 'cancelled')}
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
