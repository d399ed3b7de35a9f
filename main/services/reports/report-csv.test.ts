import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../contract/channels/reports';
import { csvField, reportCsv } from './report-csv';

const result: ReportResult = {
  runId: 'r1',
  reportId: 'custody-kpis',
  title: 'Custody and reception KPIs',
  siteCode: 'DEMO01',
  siteName: 'Demo Custody Suite',
  from: '2026-11-01',
  to: '2026-11-30',
  workerId: null,
  workerName: null,
  teamName: null,
  producedAt: '2026-12-02T09:00:00.000Z',
  producedBy: '=HYPERLINK("x")',
  returnFile: null,
  sections: [
    {
      id: 's',
      title: 'A section, with a comma',
      description: 'Says "what" it counts',
      figures: [
        { id: 'a', label: 'Stays', value: 5, unit: 'count' },
        { id: 'b', label: 'Median', value: null, unit: 'minutes' },
      ],
      table: {
        columns: [
          { id: 'who', label: 'Person', kind: 'person' },
          { id: 'n', label: 'Count', kind: 'count' },
          { id: 'p', label: 'Percent', kind: 'percent' },
        ],
        rows: [{ who: { name: 'OKAFOR, Tunde', identifiers: 'NHS No. 943 476 5919' }, n: -1, p: 37.5 }],
      },
      chart: null,
      notes: ['A note'],
    },
  ],
};

describe('report CSV', () => {
  it('quotes fields with commas, quotes and line breaks, and writes numbers plain', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(-12)).toBe('-12');
    expect(csvField(null)).toBe('');
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    for (const bad of ['=1+1', '+1', '-cmd', '@SUM(A1)']) expect(csvField(bad).replace(/^"/, '').startsWith("'")).toBe(true);
  });

  it('is one rectangular grid with a byte-order mark and CRLF line ends', () => {
    const csv = reportCsv({ ...result, producedBy: 'Ada Admin' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Report,Custody and reception KPIs,',
      'Site,Demo Custody Suite (DEMO01),',
      'Period,01-Nov-2026 to 30-Nov-2026,',
      'Produced,02-Dec-2026 09:00 by Ada Admin,',
      ',,',
      'Section,"A section, with a comma",',
      'About,"Says ""what"" it counts",',
      'Stays,5,',
      'Median,,minutes',
      ',,',
      'Person,Count,Percent',
      '"OKAFOR, Tunde (NHS No. 943 476 5919)",-1,37.5',
      'Note,A note,',
      '',
    ]);
  });

  it('guards a staff name that would start a formula', () => {
    const lines = reportCsv({ ...result, workerName: '=HYPERLINK("x")' }).split('\r\n');
    expect(lines).toContain(`Staff member,"'=HYPERLINK(""x"")",`);
  });
});
