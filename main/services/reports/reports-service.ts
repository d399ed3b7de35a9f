// The report channels: list what can be run, start a run (in the worker), follow it, export the
// finished result as CSV or PDF. Runs belong to the person who started them. Each call is one
// audit row; an export's row names the run, the format and a digest of the file handed over.
import { createHash } from 'node:crypto';
import type { ChannelOutput, ParsedInput } from '../../../contract/channels';
import { rolePermissions } from '../../../domain/access/roles';
import { teamLabels, teamSchema } from '../../../domain/access/teams';
import { periodProblem, reportPeriod, MAX_REPORT_DAYS } from '../../../domain/reports/period';
import type { CodeMap } from '../../../domain/reports/coded-events/code-map';
import type { Call } from '../call';
import { ServiceError } from '../service-error';
import { reportDefinitions } from './index';
import { reportCsv } from './report-csv';
import { exportFileName } from './report-format';
import { reportPdf } from './report-pdf';
import type { ReportRuns } from './report-runs';

export function createReportsService(runs: ReportRuns, codeMaps: readonly CodeMap[]) {
  return {
    list(_input: ParsedInput<'reports.list'>, call: Call): ChannelOutput<'reports.list'> {
      const workers = call.reads.users
        .list()
        .filter((u) => !u.disabled && u.roles.some((r) => rolePermissions[r].includes('patient.view')))
        .map((u) => ({ id: u.id, fullName: u.fullName }))
        .sort((a, b) => a.fullName.localeCompare(b.fullName));
      return {
        reports: Object.values(reportDefinitions).map((d) => ({ id: d.id, title: d.title, description: d.description, filters: [...d.filters] })),
        workers,
        teams: teamSchema.options.map((id) => ({ id, label: teamLabels[id] })),
      };
    },

    start(input: ParsedInput<'reports.start'>, call: Call): ChannelOutput<'reports.start'> {
      const session = call.requireSession();
      const definition = reportDefinitions[input.reportId];
      const problem = periodProblem(input.from, input.to);
      if (problem === 'end_before_start') throw new ServiceError('invalid_input', 'The end date must be the same as or after the start date.', 'to');
      if (problem === 'too_long') throw new ServiceError('invalid_input', `A report covers at most ${MAX_REPORT_DAYS} days: choose a shorter period.`, 'to');
      let workerName: string | null = null;
      if (input.workerId !== null) {
        if (!definition.filters.includes('worker')) {
          throw new ServiceError('invalid_input', `${definition.title} is for the whole site: it cannot be narrowed to one member of staff.`, 'workerId');
        }
        const worker = call.reads.users.findById(input.workerId);
        if (!worker) throw new ServiceError('invalid_input', 'There is no member of staff with this id at this site.', 'workerId');
        workerName = worker.fullName;
      }
      if (input.team !== null && !definition.filters.includes('team')) {
        throw new ServiceError('invalid_input', `${definition.title} is for the whole site: it cannot be narrowed to one team.`, 'team');
      }
      const runId = call.env.newId();
      const ctx = { site: call.site, period: reportPeriod(input.from, input.to), now: call.env.now().toISOString(), workerId: input.workerId, team: input.team, codeMaps };
      const teamName = input.team === null ? null : teamLabels[input.team];
      runs.start(runId, definition, ctx, { userId: session.userId, fullName: session.fullName }, { workerName, teamName, siteName: call.site.siteName });
      call.note = { detail: { runId, reportId: input.reportId, from: input.from, to: input.to, workerId: input.workerId, team: input.team } };
      return { runId };
    },

    async progress(input: ParsedInput<'reports.progress'>, call: Call): Promise<ChannelOutput<'reports.progress'>> {
      const session = call.requireSession();
      call.note = { detail: { runId: input.runId } };
      const progress = await runs.progress(input.runId, session.userId, input.seen);
      if (!progress) throw new ServiceError('not_found', 'This report run is no longer held: run the report again.');
      return progress;
    },

    async export(input: ParsedInput<'reports.export'>, call: Call): Promise<ChannelOutput<'reports.export'>> {
      const session = call.requireSession();
      const found = runs.result(input.runId, session.userId);
      if (!found.ok) {
        if (found.why === 'running') throw new ServiceError('conflict', 'The report is still running: export it when it has finished.');
        if (found.why === 'failed') throw new ServiceError('conflict', 'The report could not be produced, so there is nothing to export. Run it again.');
        throw new ServiceError('not_found', 'This report run is no longer held: run the report again, then export it.');
      }
      const result = found.result;
      if (input.format === 'return' && result.returnFile === null) throw new ServiceError('invalid_input', `${result.title} has no return file: download it as CSV or PDF.`, 'format');
      const file =
        input.format === 'return'
          ? { content: result.returnFile ?? '', encoding: 'utf8' as const, mediaType: 'text/csv; charset=utf-8' }
          : input.format === 'csv'
            ? { content: reportCsv(result), encoding: 'utf8' as const, mediaType: 'text/csv; charset=utf-8' }
            : { content: (await reportPdf(result)).toString('base64'), encoding: 'base64' as const, mediaType: 'application/pdf' };
      const raw = Buffer.from(file.content, file.encoding === 'base64' ? 'base64' : 'utf8');
      const fileName = exportFileName(result, input.format === 'return' ? 'return.csv' : input.format);
      call.note = {
        detail: { runId: result.runId, reportId: result.reportId, from: result.from, to: result.to, workerId: result.workerId, teamName: result.teamName, format: input.format, fileName, bytes: raw.length, sha256: createHash('sha256').update(raw).digest('hex') },
      };
      return { fileName, mediaType: file.mediaType, encoding: file.encoding, content: file.content, bytes: raw.length };
    },
  };
}
