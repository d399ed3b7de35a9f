// How a report's values are written, the same on screen, in CSV and in PDF: whole numbers for
// counts and minutes, one decimal place for percents and means, "Not known" for a value that could not be
// measured (never a blank that looks like zero), and a person always with their identifiers.

export type ReportValueKind = 'text' | 'count' | 'percent' | 'minutes' | 'person' | 'mean';
export type ReportCellValue = string | number | null | { name: string; identifiers: string };

export const NOT_KNOWN = 'Not known';

/** A duration in minutes as a clinician would say it: 20 min, 5 h 30 min, 3 days 4 h. */
export function durationText(minutes: number): string {
  const m = Math.round(minutes);
  const sign = m < 0 ? '-' : '';
  const abs = Math.abs(m);
  if (abs < 60) return `${sign}${abs} min`;
  const hours = Math.floor(abs / 60);
  if (hours < 24) return `${sign}${hours} h ${abs % 60} min`;
  const days = Math.floor(hours / 24);
  return `${sign}${days} ${days === 1 ? 'day' : 'days'} ${hours % 24} h`;
}

export function reportValueText(value: number | null, kind: ReportValueKind): string {
  if (value === null) return NOT_KNOWN;
  if (kind === 'percent') return `${value.toFixed(1)}%`;
  if (kind === 'mean') return value.toFixed(1);
  if (kind === 'minutes') return durationText(value);
  return String(value);
}

export function reportCellText(cell: ReportCellValue | undefined, kind: ReportValueKind): string {
  if (cell === undefined || cell === null) return kind === 'text' ? '' : NOT_KNOWN;
  if (typeof cell === 'object') return `${cell.name} (${cell.identifiers})`;
  if (typeof cell === 'string') return cell;
  return reportValueText(cell, kind);
}
