// How a report's values, dates and file name are written in every export (the values by the same
// rules as on screen: domain/reports/report-values.ts).
import { format, parseISO } from 'date-fns';
import type { ReportCell, ReportColumn, ReportResult } from '../../../contract/channels/reports';
import { reportCellText, reportValueText } from '../../../domain/reports/report-values';
import { formatClinicalDateTime } from '../../../domain/person/clinical-time';

export { NOT_KNOWN } from '../../../domain/reports/report-values';

export const formatValue = reportValueText;

export function formatCell(cell: ReportCell | undefined, kind: ReportColumn['kind']): string {
  return reportCellText(cell, kind);
}

export const formatDay = (date: string) => format(parseISO(date), 'dd-MMM-yyyy');

export function periodText(r: Pick<ReportResult, 'from' | 'to'>): string {
  return r.from === r.to ? formatDay(r.from) : `${formatDay(r.from)} to ${formatDay(r.to)}`;
}

export function producedText(r: Pick<ReportResult, 'producedAt' | 'producedBy'>): string {
  return `${formatClinicalDateTime(r.producedAt)} by ${r.producedBy}`;
}

/** A file name with the report, site and period, safe on every file system. */
export function exportFileName(r: Pick<ReportResult, 'reportId' | 'siteCode' | 'from' | 'to'>, extension: string): string {
  return `${r.reportId}_${r.siteCode}_${r.from}_${r.to}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '-');
}
