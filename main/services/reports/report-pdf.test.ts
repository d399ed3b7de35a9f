import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../contract/channels/reports';
import { pdfPages } from '../../../test/e2e/support/pdf';
import { reportPdf } from './report-pdf';

function people(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    who: { name: `PERSON${String(i).padStart(3, '0')}, Test`, identifiers: `NHS No. 999 000 ${String(1000 + i)}, born 01-Jan-1980` },
    due: 'Overdue by 2 days',
  }));
}

const result = (rows: ReturnType<typeof people>): ReportResult => ({
  runId: 'r1',
  reportId: 'custody-kpis',
  title: 'Reviews due',
  siteCode: 'DEMOPR1',
  siteName: 'Demo Prison',
  from: '2026-11-01',
  to: '2026-11-30',
  workerId: 'w1',
  workerName: 'Sam Worker',
  teamName: null,
  producedAt: '2026-12-02T09:00:00.000Z',
  producedBy: 'Mo Manager',
  returnFile: null,
  sections: [
    {
      id: 'due',
      title: 'Reviews due',
      description: 'People with a review due.',
      figures: [{ id: 'n', label: 'People', value: rows.length, unit: 'count' }],
      table: {
        columns: [
          { id: 'who', label: 'Person', kind: 'person' },
          { id: 'due', label: 'Review', kind: 'text' },
        ],
        rows,
      },
      chart: { title: 'Reviews', stacked: true, categoryKey: 'k', valueLabel: 'People', series: [{ key: 'a', label: 'Due' }, { key: 'b', label: 'Overdue' }], data: [{ k: 'This week', a: 3, b: 2 }] },
      notes: [],
    },
  ],
});

describe('report PDF', () => {
  it('names each person with their identifiers, on every page, with the column headings repeated', async () => {
    const pages = await pdfPages(await reportPdf(result(people(120))));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    let named = 0;
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(text).toContain('Demo Prison (DEMOPR1)');
      expect(text).toContain('Staff member Sam Worker');
      const names = [...text.matchAll(/PERSON(\d{3}), Test/g)];
      if (names.length > 0) expect(text).toContain('Person Review');
      for (const m of names) {
        const i2 = Number(m[1]);
        expect(text).toContain(`PERSON${m[1]}, Test (NHS No. 999 000 ${1000 + i2}, born 01-Jan-1980)`);
        named++;
      }
    });
    expect(named).toBe(120);
  });

  it('writes every bar value in words beside the chart (nothing by colour alone)', async () => {
    const text = (await pdfPages(await reportPdf(result(people(1))))).join(' ');
    expect(text).toContain('This week');
    expect(text).toContain('Due 3, Overdue 2');
  });
});
