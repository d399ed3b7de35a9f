// A report as CSV (RFC 4180: comma-separated, double quotes doubled, CRLF line ends), UTF-8 with
// a byte-order mark so spreadsheet programs read names correctly. One rectangular grid: the
// report's heading lines, then each section's figures and table, every line padded to the same
// width. Numbers are plain (12, 37.5) so they can be summed; a cell a spreadsheet would run as a
// formula (=, +, -, @ at the start of text) is written with a leading apostrophe.
import type { ReportCell, ReportColumn, ReportResult } from '../../../contract/channels/reports';
import { formatCell, periodText, producedText } from './report-format';

type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellValue(cell: ReportCell | undefined, column: ReportColumn): Cell {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'number') return cell;
  return formatCell(cell, column.kind);
}

export function reportCsv(result: ReportResult): string {
  const lines: Cell[][] = [
    ['Report', result.title],
    ['Site', `${result.siteName} (${result.siteCode})`],
    ['Period', periodText(result)],
  ];
  if (result.workerName) lines.push(['Staff member', result.workerName]);
  if (result.teamName) lines.push(['Team', result.teamName]);
  lines.push(['Produced', producedText(result)]);
  for (const section of result.sections) {
    lines.push([], ['Section', section.title], ['About', section.description]);
    for (const f of section.figures) lines.push([f.label, f.value, f.unit === 'count' ? null : f.unit]);
    lines.push([]);
    lines.push(section.table.columns.map((c) => c.label));
    for (const row of section.table.rows) lines.push(section.table.columns.map((c) => cellValue(row[c.id], c)));
    for (const note of section.notes) lines.push(['Note', note]);
  }
  const width = Math.max(...lines.map((l) => l.length));
  return `\uFEFF${lines.map((l) => [...l, ...Array<Cell>(width - l.length).fill(null)].map(csvField).join(',')).join('\r\n')}\r\n`;
}
