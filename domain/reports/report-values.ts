// How a report's values are written, the same on screen, in CSV and in PDF: whole numbers for
// counts and minutes, one decimal place for percents, "Not known" for a value that could not be
// measured (never a blank that looks like zero), and a person always with their identifiers.

export type ReportValueKind = 'text' | 'count' | 'percent' | 'minutes' | 'person';
export type ReportCellValue = string | number | null | { name: string; identifiers: string };

export const NOT_KNOWN = 'Not known';

export function reportValueText(value: number | null, kind: ReportValueKind): string {
  if (value === null) return NOT_KNOWN;
  if (kind === 'percent') return `${value.toFixed(1)}%`;
  if (kind === 'minutes') return `${Math.round(value)} min`;
  return String(value);
}

export function reportCellText(cell: ReportCellValue | undefined, kind: ReportValueKind): string {
  if (cell === undefined || cell === null) return kind === 'text' ? '' : NOT_KNOWN;
  if (typeof cell === 'object') return `${cell.name} (${cell.identifiers})`;
  if (typeof cell === 'string') return cell;
  return reportValueText(cell, kind);
}
