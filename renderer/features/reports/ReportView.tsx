// A finished report: what it covers and who produced it, the exports, then each section's figures,
// chart, table and notes. What is shown is exactly what an export writes (the same run).
import { useState } from 'react';
import type { ReportResult, ReportSection } from '../../../contract/channels/reports';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { reportCellText, reportValueText } from '../../../domain/reports/report-values';
import { formatClinicalDateTime } from '../../format/person-format';
import { useApp } from '../../app/store-context';
import { saveFile } from './download';
import { ReportChart } from './ReportChart';

const day = (iso: string) => formatClinicalDate(iso);

function Section({ section }: { section: ReportSection }) {
  const headingId = `report-${section.id}-title`;
  return (
    <section className="sonar-section" aria-labelledby={headingId} data-testid={`report-section-${section.id}`}>
      <h2 className="nhsuk-heading-m" id={headingId}>
        {section.title}
      </h2>
      <p className="nhsuk-body">{section.description}</p>
      <dl className="nhsuk-summary-list" data-testid="report-figures">
        {section.figures.map((f) => (
          <div className="nhsuk-summary-list__row" key={f.id}>
            <dt className="nhsuk-summary-list__key">{f.label}</dt>
            <dd className="nhsuk-summary-list__value" data-testid={`figure-${section.id}-${f.id}`}>
              {reportValueText(f.value, f.unit)}
            </dd>
          </div>
        ))}
      </dl>
      {section.chart ? <ReportChart chart={section.chart} id={`report-${section.id}-chart`} /> : null}
      <table className="nhsuk-table" data-testid="report-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{section.title}</caption>
        <thead className="nhsuk-table__head">
          <tr>
            {section.table.columns.map((c) => (
              <th key={c.id} scope="col" className={`nhsuk-table__header${c.kind === 'text' || c.kind === 'person' ? '' : ' nhsuk-table__header--numeric'}`}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {section.table.rows.map((row, i) => (
            <tr key={i} className="nhsuk-table__row">
              {section.table.columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.id} scope="row" className="nhsuk-table__cell">
                    {reportCellText(row[c.id], c.kind)}
                  </th>
                ) : (
                  <td key={c.id} className={`nhsuk-table__cell${c.kind === 'text' || c.kind === 'person' ? '' : ' nhsuk-table__cell--numeric'}`}>
                    {reportCellText(row[c.id], c.kind)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {section.notes.map((n) => (
        <p className="nhsuk-body-s" key={n}>
          {n}
        </p>
      ))}
    </section>
  );
}

export function ReportView({ result }: { result: ReportResult }) {
  const call = useApp((s) => s.call);
  const [busy, setBusy] = useState<'csv' | 'pdf' | 'return' | null>(null);
  const [message, setMessage] = useState<{ kind: 'done' | 'failed'; text: string } | null>(null);

  async function exportAs(format: 'csv' | 'pdf' | 'return') {
    if (busy) return;
    setBusy(format);
    setMessage(null);
    const r = await call('reports.export', { runId: result.runId, format });
    setBusy(null);
    if (!r.ok) {
      setMessage({ kind: 'failed', text: r.error.message });
      return;
    }
    saveFile(r.value);
    setMessage({ kind: 'done', text: `Saved ${r.value.fileName}` });
  }

  return (
    <div data-testid="report-result">
      <h2 className="nhsuk-heading-l">{result.title}</h2>
      <dl className="nhsuk-summary-list" data-testid="report-meta">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Site</dt>
          <dd className="nhsuk-summary-list__value">
            {result.siteName} ({result.siteCode})
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Period</dt>
          <dd className="nhsuk-summary-list__value" data-testid="report-period">
            {result.from === result.to ? day(result.from) : `${day(result.from)} to ${day(result.to)}`}
          </dd>
        </div>
        {result.workerName ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Staff member</dt>
            <dd className="nhsuk-summary-list__value">{result.workerName}</dd>
          </div>
        ) : null}
        {result.teamName ? (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Team</dt>
            <dd className="nhsuk-summary-list__value">{result.teamName}</dd>
          </div>
        ) : null}
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Produced</dt>
          <dd className="nhsuk-summary-list__value">
            {formatClinicalDateTime(result.producedAt)} by {result.producedBy}
          </dd>
        </div>
      </dl>
      <div className="sonar-button-row">
        <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={busy !== null} onClick={() => void exportAs('csv')}>
          {busy === 'csv' ? 'Preparing CSV…' : 'Download CSV'}
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-disabled={busy !== null} onClick={() => void exportAs('pdf')}>
          {busy === 'pdf' ? 'Preparing PDF…' : 'Download PDF'}
        </button>
        {result.returnFile !== null && (
          <button type="button" className="nhsuk-button" aria-disabled={busy !== null} onClick={() => void exportAs('return')}>
            {busy === 'return' ? 'Preparing return…' : 'Download return file (CSV)'}
          </button>
        )}
      </div>
      <p role="status" className={message?.kind === 'failed' ? 'nhsuk-error-message' : 'nhsuk-body'} data-testid="report-export-status">
        {message?.text ?? ''}
      </p>
      {result.sections.map((s) => (
        <Section key={s.id} section={s} />
      ))}
    </div>
  );
}
