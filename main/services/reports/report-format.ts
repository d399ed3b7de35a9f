// How a report's values are written in every export, the same as on screen: whole numbers for
// counts and minutes, one decimal place for percents, dd-Mmm-yyyy dates, "Not known" for a value
// that could not be measured.
import { format, parseISO } from 'date-fns';
import type { ReportCell, ReportColumn, ReportFigure, ReportResult } from '../../../contract/channels/reports';
import { formatClinicalDateTime } from '../../../domain/person/clinical-time';

export const NOT_KNOWN = 'Not known';

export function formatValue(value: number | null, unit: ReportColumn['kind'] | ReportFigure['unit']): string {
  if (value === null) return NOT_KNOWN;
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'minutes':
      return `${Math.round(value)} min`;
    default:
      return String(value);
  }
}

export function formatCell(cell: ReportCell | undefined, kind: ReportColumn['kind']): string {
  if (cell === undefined || cell === null) return kind === 'text' ? '' : NOT_KNOWN;
  if (typeof cell === 'object') return `${cell.name} (${cell.identifiers})`;
  if (typeof cell === 'string') return cell;
  return formatValue(cell, kind);
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
