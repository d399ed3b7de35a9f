// A report as a printable PDF (A4, pdfkit): the report's heading, then each section with its
// figures, a bar chart drawn with every bar's value written beside it (nothing by colour alone)
// and its table, which carries its column headings onto every page it runs over. Every page has
// the report, site and period at the top and "Page n of N" with who produced it and when at the
// foot. A row that names a person carries that person's identifiers in the same cell, so every
// page that names someone identifies them.
import PDFDocument from 'pdfkit';
import type { ReportChart, ReportResult, ReportSection, ReportTable } from '../../../contract/channels/reports';
import { formatCell, formatValue, periodText, producedText } from './report-format';

const MARGIN = { top: 64, bottom: 56, left: 50, right: 50 };
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const NHS_BLUE = '#005eb8';
const TEXT = '#212b32';
const GREY = '#4c6272';
const SERIES_SHADES = ['#005eb8', '#41b6e6', '#330072', '#007f3b', '#ed8b00'];

type Doc = PDFKit.PDFDocument;

function bottom(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= bottom(doc)) return false;
  doc.addPage();
  return true;
}

function heading(doc: Doc, text: string, size: number): void {
  ensureRoom(doc, size * 3);
  doc.font(BOLD).fontSize(size).fillColor(TEXT).text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function paragraph(doc: Doc, text: string, size = 10, colour = TEXT): void {
  doc.font(FONT).fontSize(size).fillColor(colour);
  ensureRoom(doc, doc.heightOfString(text, { width: contentWidth(doc) }));
  doc.text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
}

function figures(doc: Doc, section: ReportSection): void {
  const labelWidth = contentWidth(doc) * 0.6;
  for (const f of section.figures) {
    ensureRoom(doc, 16);
    const y = doc.y;
    doc.font(FONT).fontSize(10).fillColor(GREY).text(f.label, MARGIN.left, y, { width: labelWidth });
    doc.font(BOLD).fontSize(10).fillColor(TEXT).text(formatValue(f.value, f.unit), MARGIN.left + labelWidth, y, { width: contentWidth(doc) - labelWidth });
    doc.y = Math.max(doc.y, y + 14);
  }
  doc.moveDown(0.5);
}

function chart(doc: Doc, c: ReportChart): void {
  const max = Math.max(1, ...c.data.flatMap((d) => c.series.map((s) => (typeof d[s.key] === 'number' ? (d[s.key] as number) : 0))));
  const total = (d: ReportChart['data'][number]) => c.series.reduce((n, s) => n + (typeof d[s.key] === 'number' ? (d[s.key] as number) : 0), 0);
  const scaleMax = c.stacked ? Math.max(1, ...c.data.map(total)) : max;
  const labelWidth = 150;
  const barArea = contentWidth(doc) - labelWidth - 120;
  const barHeight = 10;
  heading(doc, c.title, 11);
  for (const d of c.data) {
    const rows = c.stacked ? 1 : c.series.length;
    ensureRoom(doc, rows * (barHeight + 4) + 6);
    const top = doc.y;
    doc.font(FONT).fontSize(9).fillColor(TEXT).text(String(d[c.categoryKey] ?? ''), MARGIN.left, top, { width: labelWidth - 8 });
    let x = MARGIN.left + labelWidth;
    c.series.forEach((s, i) => {
      const v = typeof d[s.key] === 'number' ? (d[s.key] as number) : 0;
      const w = (v / scaleMax) * barArea;
      const y = c.stacked ? top : top + i * (barHeight + 4);
      if (w > 0) doc.rect(c.stacked ? x : MARGIN.left + labelWidth, y, w, barHeight).fill(SERIES_SHADES[i % SERIES_SHADES.length] ?? NHS_BLUE);
      if (c.stacked) x += w;
      else doc.font(FONT).fontSize(8).fillColor(TEXT).text(`${s.label}: ${v}`, MARGIN.left + labelWidth + w + 4, y + 1, { width: 200, lineBreak: false });
    });
    if (c.stacked) {
      const parts = c.series.map((s) => `${s.label} ${typeof d[s.key] === 'number' ? (d[s.key] as number) : 0}`).join(', ');
      doc.font(FONT).fontSize(8).fillColor(TEXT).text(parts, x + 4, top + 1, { width: Math.max(60, MARGIN.left + contentWidth(doc) - x - 4) });
    }
    doc.y = Math.max(doc.y, top + rows * (barHeight + 4) + 4);
  }
  doc.moveDown(0.5);
}

function table(doc: Doc, t: ReportTable): void {
  const width = contentWidth(doc);
  const first = t.columns.length > 1 ? width * 0.42 : width;
  const rest = t.columns.length > 1 ? (width - first) / (t.columns.length - 1) : 0;
  const widths = t.columns.map((_, i) => (i === 0 ? first : rest));
  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? BOLD : FONT).fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? rest) - 6 }))) + 6;
    const top = doc.y;
    cells.forEach((c, i) => doc.fillColor(TEXT).text(c, (xs[i] ?? MARGIN.left) + 3, top + 3, { width: (widths[i] ?? rest) - 6, align: i === 0 ? 'left' : 'right' }));
    doc.moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + width, top + height).lineWidth(bold ? 1 : 0.5).strokeColor(bold ? TEXT : '#d8dde0').stroke();
    doc.y = top + height;
    return height;
  };
  const headings = t.columns.map((c) => c.label);
  ensureRoom(doc, 40);
  drawRow(headings, true);
  for (const row of t.rows) {
    const cells = t.columns.map((c) => formatCell(row[c.id], c.kind));
    doc.font(FONT).fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (widths[i] ?? rest) - 6 }))) + 6;
    if (ensureRoom(doc, height)) drawRow(headings, true);
    drawRow(cells, false);
  }
  doc.moveDown(0.8);
}

function pageFurniture(doc: Doc, r: ReportResult): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const width = contentWidth(doc);
    // Text at the page edges must not start a new page: the margins are lifted while it is written.
    const saved = doc.page.margins;
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    doc.font(BOLD).fontSize(9).fillColor(NHS_BLUE).text(`SONAR  ${r.title}`, MARGIN.left, 28, { width, lineBreak: false });
    doc.font(FONT).fontSize(8).fillColor(GREY).text(`${r.siteName} (${r.siteCode})  Period ${periodText(r)}${r.workerName ? `  Staff member ${r.workerName}` : ''}${r.teamName ? `  Team ${r.teamName}` : ''}`, MARGIN.left, 40, { width, lineBreak: false });
    const foot = doc.page.height - MARGIN.bottom + 20;
    doc.font(FONT).fontSize(8).fillColor(GREY).text(`Page ${i - range.start + 1} of ${range.count}  Produced ${producedText(r)}`, MARGIN.left, foot, { width, lineBreak: false });
    doc.page.margins = saved;
  }
}

export function reportPdf(r: ReportResult): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, info: { Title: r.title, Author: 'SONAR', Subject: `${r.siteName} ${periodText(r)}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  heading(doc, r.title, 18);
  paragraph(doc, `${r.siteName} (${r.siteCode})`, 11);
  paragraph(doc, `Period ${periodText(r)}`, 11);
  if (r.workerName) paragraph(doc, `Staff member ${r.workerName}`, 11);
  if (r.teamName) paragraph(doc, `Team ${r.teamName}`, 11);
  paragraph(doc, `Produced ${producedText(r)}`, 10, GREY);
  doc.moveDown(1);
  for (const section of r.sections) {
    heading(doc, section.title, 14);
    paragraph(doc, section.description, 9, GREY);
    doc.moveDown(0.4);
    figures(doc, section);
    if (section.chart) chart(doc, section.chart);
    table(doc, section.table);
    for (const note of section.notes) paragraph(doc, note, 8, GREY);
    doc.moveDown(1);
  }
  pageFurniture(doc, r);
  doc.end();
  return done;
}
