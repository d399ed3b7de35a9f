// The KPI tables as CSV: one row per KPI, measure and column (a site or the region), so the file
// loads straight into a spreadsheet or a statistics package. Exactly the figures the page shows,
// small counts hidden the same way; each hidden figure says why in its Note. UTF-8 with a byte-order
// mark and CRLF line ends (what spreadsheets expect); a text cell a spreadsheet would run as a
// formula starts with an apostrophe.
import { cellText, MARKS } from './kpi-format';
import type { KpiTable } from './kpi-tables';

const HEADER = ['Period start', 'Period end', 'KPI', 'Measure', 'Site code', 'Site', 'Value', 'Note'];

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function kpiCsv(tables: readonly KpiTable[], period: { from: string; to: string }): string {
  const lines = [HEADER];
  for (const table of tables) {
    for (const row of table.rows) {
      row.cells.forEach((cell, i) => {
        const column = table.columns[i]!;
        const note = cell.state === 'shown' ? '' : MARKS[cell.state].meaning;
        lines.push([period.from, period.to, table.title, row.label, column.code, column.name, cellText(cell, row.unit, true), note]);
      });
    }
  }
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function csvFileName(period: { from: string; to: string }): string {
  return `sonar-custody-kpis-${period.from}-to-${period.to}.csv`;
}
