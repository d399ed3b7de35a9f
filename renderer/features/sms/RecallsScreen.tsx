// The recall list: people due or overdue for a review or recall, filtered by team, worker, due
// window and type, escalated and overdue first. Printed as a table whose heading (site, filters,
// when printed) the browser repeats on every page, with each person's identifiers on their row.
import { useEffect, useState } from 'react';
import type { ChannelInput } from '../../../contract/channels';
import { recallTypeSchema } from '../../../contract/channels/sms-plans';
import { teamLabels, teamSchema } from '../../../domain/access/teams';
import { bannerName } from '../../../domain/person/person-name';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { bornText, formatClinicalDateTime, localIsoDate, nhsNumberText } from '../../format/person-format';
import { LoadFailed } from '../forms/LoadFailed';
import { dueText } from '../tasks/TaskDue';
import { useChannel } from './use-channel';

type Filters = ChannelInput<'recalls.list'>;
const windows = [
  { value: 'overdue', label: 'Overdue' },
  { value: '7-days', label: 'Due in the next 7 days (and overdue)' },
  { value: '28-days', label: 'Due in the next 28 days (and overdue)' },
  { value: 'all', label: 'All open' },
] as const;

export function RecallsScreen() {
  usePageTitle('Recalls');
  const call = useApp((s) => s.call);
  const site = useApp((s) => s.site);
  const user = useApp((s) => s.session?.user.fullName ?? '');
  const [filters, setFilters] = useState<Filters>({ team: null, workerId: null, window: '28-days', type: null });
  const { load } = useChannel('recalls.list', filters);
  const workers = useChannel('tasks.workers', {});
  const [printProblem, setPrintProblem] = useState<string | null>(null);
  const now = new Date();
  const today = localIsoDate(now);
  useEffect(() => {
    document.body.classList.add('sonar-has-print-doc');
    return () => document.body.classList.remove('sonar-has-print-doc');
  }, []);

  async function print() {
    const r = await call('recalls.print', filters);
    setPrintProblem(r.ok ? null : `The print could not be recorded in the audit trail (${r.error.message}). The list is printed anyway; tell site IT.`);
    window.print();
  }

  const labels = load.state === 'loaded' ? load.value.typeLabels : null;
  const filterText = [
    windows.find((w) => w.value === filters.window)?.label,
    filters.team ? teamLabels[filters.team] : 'All teams',
    filters.workerId && workers.load.state === 'loaded' ? workers.load.value.workers.find((w) => w.id === filters.workerId)?.name : 'All workers',
    filters.type && labels ? labels[filters.type] : 'All types',
  ].join('; ');

  return (
    <>
      <div className="sonar-screen-only">
        <PageHeading className="nhsuk-heading-xl">Recalls</PageHeading>
        <div className="sonar-filters" data-testid="recall-filters">
          <SelectField
            id="recall-window"
            label="Due"
            value={filters.window ?? '28-days'}
            options={windows.map((w) => ({ value: w.value, label: w.label }))}
            onValueChange={(v) => setFilters((f) => ({ ...f, window: v as Filters['window'] }))}
          />
          <SelectField
            id="recall-type"
            label="Type"
            value={filters.type ?? ''}
            options={[{ value: '', label: 'All types' }, ...recallTypeSchema.options.map((t) => ({ value: t, label: labels?.[t] ?? t }))]}
            onValueChange={(v) => setFilters((f) => ({ ...f, type: v === '' ? null : recallTypeSchema.parse(v) }))}
          />
          <SelectField
            id="recall-team"
            label="Team"
            value={filters.team ?? ''}
            options={[{ value: '', label: 'All teams' }, ...teamSchema.options.map((t) => ({ value: t, label: teamLabels[t] }))]}
            onValueChange={(v) => setFilters((f) => ({ ...f, team: v === '' ? null : teamSchema.parse(v) }))}
          />
          <SelectField
            id="recall-worker"
            label="Worker"
            value={filters.workerId ?? ''}
            options={[{ value: '', label: 'All workers' }, ...(workers.load.state === 'loaded' ? workers.load.value.workers.map((w) => ({ value: w.id, label: w.name })) : [])]}
            onValueChange={(v) => setFilters((f) => ({ ...f, workerId: v === '' ? null : v }))}
          />
        </div>
        {printProblem ? <p className="nhsuk-error-message">{printProblem}</p> : null}
        <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => void print()}>
          Print the recall list
        </button>
      </div>
      {load.state === 'loading' ? <p role="status">Loading…</p> : null}
      {load.state === 'failed' ? <LoadFailed title="The recall list could not be loaded" message={load.error.message} /> : null}
      {load.state === 'loaded' ? (
        <>
          {load.value.truncated ? (
            <p className="nhsuk-error-message" role="alert">
              Only the first 500 are shown: narrow the filters to see the rest.
            </p>
          ) : null}
          <table className="nhsuk-table sonar-print-list" data-testid="recall-list">
            <caption className="nhsuk-table__caption nhsuk-table__caption--s">
              {load.value.rows.length} {load.value.rows.length === 1 ? 'person' : 'entries'} due: {filterText}
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="sonar-print-only">
                <th colSpan={4}>
                  Recall list, {site?.siteName ?? ''}: {filterText}. Printed {formatClinicalDateTime(now.toISOString())} by {user}. Confidential.
                </th>
              </tr>
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">Person and identifiers</th>
                <th className="nhsuk-table__header" scope="col">Type</th>
                <th className="nhsuk-table__header" scope="col">Due</th>
                <th className="nhsuk-table__header" scope="col">With</th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {load.value.rows.map((r) => (
                <tr className="nhsuk-table__row" key={r.taskId} data-testid="recall-row">
                  <td className="nhsuk-table__cell">
                    <strong>{bannerName(r.person)}</strong>
                    <span className="sonar-block nhsuk-body-s" data-testid="recall-identifiers">
                      Born {bornText(r.person.birthDate, today)}; NHS No. {nhsNumberText(r.person.nhsNumber)}; Prison No. {r.prisonNumber ?? 'Not known'}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    {r.typeLabel}
                    <span className="sonar-block nhsuk-body-s">{r.title}</span>
                  </td>
                  <td className="nhsuk-table__cell">
                    {r.urgency === 'escalated' ? <strong className="nhsuk-tag nhsuk-tag--red">Escalated</strong> : r.urgency === 'overdue' ? <strong className="nhsuk-tag nhsuk-tag--orange">Overdue</strong> : null}{' '}
                    {r.dueOn ? formatClinicalDate(r.dueOn) : formatClinicalDateTime(r.dueAt)}
                    <span className="sonar-block nhsuk-body-s">{dueText(r, now)}</span>
                  </td>
                  <td className="nhsuk-table__cell">{[r.assignee, r.team ? teamLabels[r.team] : null].filter(Boolean).join(', ') || 'Anyone at this site'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
