// The governance lead's KPI page, rendered on the server as plain HTML: no script at all, one
// stylesheet from the same origin (kpi-style.ts), NHS.UK patterns (skip link, error summary,
// date input, tables with row and column headers, inset text). Everything that came from outside
// this file (site names, typed dates) is escaped. Tables scroll sideways inside a focusable region
// so a keyboard user can reach every site's column.
import { MAX_PERIOD_DAYS, periodQuery, type DateField, type DatePart, type PeriodFieldValues, type PeriodProblem } from './kpi-period';
import { cellText, longDate, longDateTime, MARKS } from './kpi-format';
import type { KpiTable } from './kpi-tables';

export const PAGE_PATH = '/governance/kpis';
export const CSV_PATH = '/governance/kpis.csv';
export const STYLE_PATH = '/governance/kpis.css';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

export interface PageInput {
  lead: { id: string; name: string };
  values: PeriodFieldValues;
  problems: PeriodProblem[];
  /** Present when the period was read: the figures to show. */
  result?: { from: string; to: string; tables: KpiTable[]; asAt: Date };
}

const LEGENDS: Record<DateField, string> = { from: 'From', to: 'To' };
const PART_LABELS: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' };

function dateInput(field: DateField, values: Record<DatePart, string>, problem: PeriodProblem | undefined): string {
  const hintId = `${field}-hint`;
  const errorId = `${field}-error`;
  const describedBy = problem ? `${hintId} ${errorId}` : hintId;
  const inputs = (['day', 'month', 'year'] as const)
    .map((part) => {
      const id = `${field}-${part}`;
      const invalid = problem?.parts.includes(part) ?? false;
      return `<div class="date-input__item">
          <label class="label" for="${id}">${PART_LABELS[part]}</label>
          <input class="input input--width-${part === 'year' ? 4 : 2}${invalid ? ' input--error' : ''}" id="${id}" name="${id}" type="text" inputmode="numeric" autocomplete="off" value="${escapeHtml(values[part])}"${invalid ? ' aria-invalid="true"' : ''}>
        </div>`;
    })
    .join('\n');
  return `<div class="form-group${problem ? ' form-group--error' : ''}">
    <fieldset class="fieldset" role="group" aria-describedby="${describedBy}">
      <legend class="fieldset__legend">${LEGENDS[field]}</legend>
      <div class="hint" id="${hintId}">For example, ${field === 'from' ? '1 3 2025' : '31 3 2025'}</div>
      ${problem ? `<p class="error-message" id="${errorId}"><span class="visually-hidden">Error:</span> ${escapeHtml(problem.message)}</p>` : ''}
      <div class="date-input">${inputs}</div>
    </fieldset>
  </div>`;
}

function errorSummary(problems: readonly PeriodProblem[]): string {
  if (problems.length === 0) return '';
  const items = problems.map((p) => `<li><a href="#${p.field}-${p.parts[0] ?? 'day'}">${escapeHtml(p.message)}</a></li>`).join('');
  return `<div class="error-summary" aria-labelledby="error-summary-title" role="alert" tabindex="-1" autofocus>
    <h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>
    <ul class="error-summary__list">${items}</ul>
  </div>`;
}

function cell(text: string, state: string): string {
  if (state === 'small') return `<td class="num">&lt;5<span class="visually-hidden"> (1 to 4, hidden)</span></td>`;
  if (state === 'hidden') return `<td class="num">*<span class="visually-hidden"> (hidden)</span></td>`;
  if (state === 'none') return `<td class="num">–<span class="visually-hidden"> (nothing to measure)</span></td>`;
  return `<td class="num">${escapeHtml(text)}</td>`;
}

function kpiTable(t: KpiTable): string {
  const head = t.columns
    .map((c) => `<th scope="col" class="num"><span class="site-code">${escapeHtml(c.code)}</span><span class="site-name">${escapeHtml(c.name)}</span></th>`)
    .join('');
  const rows = t.rows
    .map((r) => `<tr><th scope="row">${escapeHtml(r.label)}</th>${r.cells.map((c) => cell(cellText(c, r.unit), c.state)).join('')}</tr>`)
    .join('\n');
  const notes = t.notes.length > 0 ? `<ul class="notes">${t.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  return `<section class="kpi" aria-labelledby="${t.id}">
    <h2 id="${t.id}">${escapeHtml(t.title)}</h2>
    <p>${escapeHtml(t.description)}</p>
    <div class="table-scroll" role="region" aria-labelledby="${t.id}-caption" tabindex="0">
      <table class="table">
        <caption class="table__caption" id="${t.id}-caption">${escapeHtml(t.title)}, by site and for the region</caption>
        <thead><tr><th scope="col">Measure</th>${head}</tr></thead>
        <tbody>${rows}</tbody>
      </table>
    </div>
    ${notes}
  </section>`;
}

function figures(result: NonNullable<PageInput['result']>): string {
  const query = escapeHtml(periodQuery(result.from, result.to));
  const contents = result.tables.map((t) => `<li><a href="#${t.id}">${escapeHtml(t.title)}</a></li>`).join('');
  return `<h2 class="period" id="period">${escapeHtml(longDate(result.from))} to ${escapeHtml(longDate(result.to))}</h2>
    <p>Detentions and prison stays that began from the start of ${escapeHtml(longDate(result.from))} to the end of ${escapeHtml(longDate(result.to))} (UK time),
      as the central record stood at ${escapeHtml(longDateTime(result.asAt))}. Each site is the site where the stay began.</p>
    <p><a class="download" href="${CSV_PATH}?${query}" download>Download these figures (CSV)</a></p>
    <div class="inset" id="small-numbers">
      <h2>Small numbers are hidden</h2>
      <p>Only totals leave the central record: no person is named on this page or in the download. A count of 1 to 4 is shown as
        <strong>${escapeHtml(MARKS.small.text)}</strong>. A figure shown as <strong>${escapeHtml(MARKS.hidden.text)}</strong> is ${escapeHtml(MARKS.hidden.meaning)}.
        <strong>${escapeHtml(MARKS.none.text)}</strong> means ${escapeHtml(MARKS.none.meaning)}.</p>
    </div>
    <nav class="contents" aria-label="KPIs on this page"><h2>KPIs on this page</h2><ol>${contents}</ol></nav>
    ${result.tables.map(kpiTable).join('\n')}`;
}

export function kpiPage(input: PageInput): string {
  const problem = (field: DateField) => input.problems.find((p) => p.field === field);
  const title = input.result ? `Custody and reception KPIs, ${longDate(input.result.from)} to ${longDate(input.result.to)}` : 'Custody and reception KPIs';
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${input.problems.length > 0 ? 'Error: ' : ''}${escapeHtml(title)} – SONAR central record</title>
  <link rel="stylesheet" href="${STYLE_PATH}">
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="header"><div class="width header__inner"><span class="header__service">SONAR central record</span><span class="header__area">Regional governance</span></div></header>
  <div class="width">
    <main class="main" id="main" tabindex="-1">
      ${errorSummary(input.problems)}
      <h1>Custody and reception KPIs across the region</h1>
      <p class="lede">The same measures each site's own report gives, for every site side by side and for the whole region.</p>
      <form class="period-form" method="get" action="${PAGE_PATH}" novalidate>
        <h2 class="form-title">Choose the period</h2>
        <p class="hint">Whole days, up to ${MAX_PERIOD_DAYS} days. Stays are counted in the period they began.</p>
        ${dateInput('from', input.values.from, problem('from'))}
        ${dateInput('to', input.values.to, problem('to'))}
        <button class="button" type="submit">Show figures</button>
      </form>
      ${input.result ? figures(input.result) : ''}
    </main>
  </div>
  <footer class="footer"><div class="width">
    <p>Signed in with the governance lead certificate of ${escapeHtml(input.lead.name)} (${escapeHtml(input.lead.id)}).
      Every view and download of these figures is recorded in the central record's audit.</p>
  </div></footer>
</body>
</html>
`;
}

/** The page a certificate that may not see the governance pages gets (403). */
export function refusedPage(message: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>You cannot open this page – SONAR central record</title>
<link rel="stylesheet" href="${STYLE_PATH}"></head>
<body><header class="header"><div class="width header__inner"><span class="header__service">SONAR central record</span></div></header>
<div class="width"><main class="main" id="main"><h1>You cannot open this page</h1><p>${escapeHtml(message)}</p>
<p>The region's governance pages open only with a governance lead's certificate. Ask the region's administrator if you need one.</p></main></div></body>
</html>
`;
}
