// Reports (team managers): choose a report and its period (and a member of staff or a team where
// the report counts people's work), run it in the background with its progress shown, then read it
// and export it. Keyboard first: the form is in reading order and the result takes the focus.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../contract/channels';
import type { ReportId, ReportResult } from '../../../contract/channels/reports';
import type { Team } from '../../../domain/access/teams';
import { usePageTitle } from '../../app/page-title';
import { useChannelQuery } from '../../app/server-state';
import { useApp } from '../../app/store-context';
import { useFormErrors } from '../../app/use-form-errors';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { DateField } from '../consent/CheckboxesField';
import { checkDate, draftFromLocalDate, type DateDraft } from '../consent/date-only';
import { lastMonth } from './report-values';
import { ReportView } from './ReportView';

type Catalogue = ChannelOutput<'reports.list'>;
type Field = 'reportId' | 'from' | 'to' | 'workerId' | 'team';
const fields: readonly Field[] = ['reportId', 'from', 'to', 'workerId', 'team'];
type Run = { state: 'idle' } | { state: 'running'; done: number; total: number; step: string } | { state: 'done'; result: ReportResult } | { state: 'failed'; message: string };

export function ReportsScreen() {
  usePageTitle('Reports');
  const call = useApp((s) => s.call);
  // The reports this user may run, through the server-state cache like every other screen.
  const catalogueQuery = useChannelQuery('reports.list', {});
  const catalogue: Catalogue | null = catalogueQuery.data ?? null;
  const loadError = catalogueQuery.error ? catalogueQuery.error.rpc.message : null;
  const [picked, setReportId] = useState<ReportId | ''>('');
  const reportId: ReportId | '' = picked || (catalogue?.reports[0]?.id ?? '');
  const [from, setFrom] = useState<DateDraft>(() => draftFromLocalDate(lastMonth(new Date()).from));
  const [to, setTo] = useState<DateDraft>(() => draftFromLocalDate(lastMonth(new Date()).to));
  const [workerId, setWorkerId] = useState('');
  const [team, setTeam] = useState<Team | ''>('');
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const form = useFormErrors(fields);
  const resultRef = useRef<HTMLDivElement>(null);
  const current = useRef(0);

  useEffect(() => {
    if (run.state === 'done' || run.state === 'failed') resultRef.current?.focus();
  }, [run.state]);

  useEffect(
    () => () => {
      current.current++;
    },
    [],
  );

  const chosen = catalogue?.reports.find((r) => r.id === reportId) ?? null;
  const byWorker = chosen?.filters.includes('worker') ?? false;
  const byTeam = chosen?.filters.includes('team') ?? false;

  async function follow(runId: string, attempt: number) {
    let seen = 0;
    for (;;) {
      const p = await call('reports.progress', { runId, seen });
      if (attempt !== current.current) return;
      if (!p.ok) return setRun({ state: 'failed', message: p.error.message });
      if (p.value.state !== 'running') return setRun(p.value);
      seen = p.value.done;
      setRun(p.value);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (run.state === 'running') return;
    const start = checkDate(from, 'Start date');
    const end = checkDate(to, 'End date');
    const errors: Partial<Record<Field, { message: string; target?: string; parts?: string[] }>> = {};
    if (reportId === '') errors.reportId = { message: 'Choose a report' };
    if (!start.ok) errors.from = { message: start.message, target: `report-from-${start.parts[0] ?? 'day'}`, parts: start.parts };
    if (!end.ok) errors.to = { message: end.message, target: `report-to-${end.parts[0] ?? 'day'}`, parts: end.parts };
    else if (start.ok && end.iso < start.iso) errors.to = { message: 'End date must be the same as or after the start date', target: 'report-to-day' };
    if (Object.keys(errors).length > 0 || !start.ok || !end.ok || reportId === '') {
      form.show(errors);
      return;
    }
    form.clear();
    const attempt = ++current.current;
    setRun({ state: 'running', done: 0, total: 0, step: 'Starting' });
    const started = await call('reports.start', { reportId, from: start.iso, to: end.iso, workerId: byWorker && workerId ? workerId : null, team: byTeam && team ? team : null });
    if (attempt !== current.current) return;
    if (!started.ok) {
      setRun({ state: 'idle' });
      form.showServer(started.error, { from: 'report-from-day', to: 'report-to-day', workerId: 'report-worker', team: 'report-team', reportId: 'report-id' });
      return;
    }
    await follow(started.value.runId, attempt);
  }

  return (
    <>
      <PageHeading className="nhsuk-heading-xl">Reports</PageHeading>
      <p className="nhsuk-body">Figures for this site over a period you choose. Each report runs in the background; you can export what it shows as CSV or PDF.</p>
      {loadError ? (
        <div className="nhsuk-error-summary" role="alert">
          <h2 className="nhsuk-error-summary__heading">The reports could not be loaded</h2>
          <div className="nhsuk-error-summary__body">
            <p>{loadError}</p>
          </div>
        </div>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)} className="sonar-panel" data-testid="report-form">
        <ErrorSummary items={form.items} focusKey={form.focusKey} idPrefix="report-" />
        <SelectField
          id="report-id"
          label="Report"
          value={reportId}
          options={(catalogue?.reports ?? []).map((r) => ({ value: r.id, label: r.title }))}
          onValueChange={(v) => setReportId(v as ReportId)}
          hint={chosen?.description}
          error={form.errors.reportId?.message}
        />
        <DateField id="report-from" legend="Start date" value={from} onChange={setFrom} error={form.errors.from} />
        <DateField id="report-to" legend="End date" value={to} onChange={setTo} error={form.errors.to} />
        {byWorker ? (
          <SelectField
            id="report-worker"
            label="Staff member"
            value={workerId}
            options={[{ value: '', label: 'Everyone' }, ...(catalogue?.workers ?? []).map((w) => ({ value: w.id, label: w.fullName }))]}
            onValueChange={setWorkerId}
            error={form.errors.workerId?.message}
          />
        ) : null}
        {byTeam ? (
          <SelectField
            id="report-team"
            label="Team"
            value={team}
            options={[{ value: '', label: 'Every team' }, ...(catalogue?.teams ?? []).map((t) => ({ value: t.id, label: t.label }))]}
            onValueChange={(v) => setTeam(v as Team | '')}
            error={form.errors.team?.message}
          />
        ) : null}
        <button type="submit" className="nhsuk-button" aria-disabled={run.state === 'running'}>
          {run.state === 'running' ? 'Running…' : 'Run report'}
        </button>
      </form>
      <div role="status" aria-live="polite" data-testid="report-progress">
        {run.state === 'running' ? (
          <>
            <p className="nhsuk-body">
              Running: {run.step}
              {run.total > 0 ? ` (step ${Math.min(run.done + 1, run.total)} of ${run.total})` : ''}
            </p>
            <progress className="sonar-report-progress" max={Math.max(run.total, 1)} value={run.done} aria-label="Report progress" />
          </>
        ) : null}
      </div>
      <div ref={resultRef} tabIndex={-1} className="sonar-report-result">
        {run.state === 'failed' ? (
          <div className="nhsuk-error-summary" role="alert" data-testid="report-failed">
            <h2 className="nhsuk-error-summary__heading">The report could not be produced</h2>
            <div className="nhsuk-error-summary__body">
              <p>{run.message}</p>
            </div>
          </div>
        ) : null}
        {run.state === 'done' ? <ReportView result={run.result} /> : null}
      </div>
    </>
  );
}
