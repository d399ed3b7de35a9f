// The governance pages' stylesheet, served from the central itself (the page's CSP allows styles
// from its own origin only, and nothing else). NHS.UK colours, type and focus styles, written out
// plainly: no web fonts, no images, nothing fetched from elsewhere.
export const KPI_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { background: #f0f4f5; }
body { margin: 0; font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 1rem; line-height: 1.5; color: #212b32; }
.width { max-width: 1100px; margin: 0 auto; padding: 0 16px; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 8px 16px; background: #ffeb3b; color: #212b32; }
.skip-link:focus { left: 16px; z-index: 10; outline: 4px solid transparent; box-shadow: 0 -2px #ffeb3b, 0 4px #212b32; text-decoration: none; }
.header { background: #005eb8; color: #fff; padding: 16px 0; }
.header__inner { display: flex; flex-wrap: wrap; gap: 16px; align-items: baseline; }
.header__service { font-weight: 700; font-size: 1.25rem; }
.header__area { font-size: 1rem; }
.main { padding: 24px 0 40px; }
.main:focus { outline: none; }
h1 { font-size: 2rem; line-height: 1.25; margin: 0 0 16px; }
h2 { font-size: 1.5rem; line-height: 1.3; margin: 32px 0 12px; }
p { margin: 0 0 16px; max-width: 44em; }
.lede { font-size: 1.2rem; }
a { color: #005eb8; }
a:visited { color: #330072; }
a:hover { color: #7c2855; }
a:focus, .table-scroll:focus, .error-summary:focus { outline: 4px solid transparent; background: #ffeb3b; color: #212b32; box-shadow: 0 -2px #ffeb3b, 0 4px #212b32; text-decoration: none; }
.table-scroll:focus { background: #fff; box-shadow: 0 0 0 4px #ffeb3b, 0 0 0 8px #212b32; }
.visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; white-space: nowrap !important; border: 0 !important; }
.period-form { background: #fff; padding: 16px 24px 24px; margin: 0 0 24px; border: 1px solid #d8dde0; }
.form-title { margin-top: 8px; }
.form-group { margin-bottom: 24px; }
.form-group--error { border-left: 4px solid #d5281b; padding-left: 16px; }
.fieldset { margin: 0; padding: 0; border: 0; }
.fieldset__legend { font-weight: 700; font-size: 1.2rem; margin-bottom: 4px; }
.hint { color: #4c6272; margin-bottom: 8px; }
.error-message { color: #d5281b; font-weight: 700; margin: 0 0 8px; }
.date-input { display: flex; flex-wrap: wrap; gap: 16px; }
.date-input__item { display: flex; flex-direction: column; }
.label { margin-bottom: 4px; }
.input { font: inherit; padding: 4px 8px; height: 40px; border: 2px solid #4c6272; border-radius: 0; background: #fff; color: #212b32; }
.input--width-2 { width: 5.4ex; }
.input--width-4 { width: 9ex; }
.input--error { border-color: #d5281b; }
.input:focus { outline: 4px solid #ffeb3b; outline-offset: 0; box-shadow: inset 0 0 0 2px #212b32; border-color: #212b32; }
.button { font: inherit; font-weight: 600; font-size: 1.1rem; color: #fff; background: #007f3b; border: 2px solid transparent; border-radius: 4px; padding: 10px 16px; box-shadow: 0 4px 0 #00401e; cursor: pointer; }
.button:hover { background: #00662f; }
.button:focus { background: #ffeb3b; color: #212b32; box-shadow: 0 4px 0 #212b32; outline: 4px solid transparent; }
.error-summary { border: 4px solid #d5281b; background: #fff; padding: 16px 24px; margin-bottom: 32px; }
.error-summary__title { margin-top: 0; }
.error-summary__list { margin: 0; padding-left: 0; list-style: none; }
.error-summary__list a { color: #d5281b; font-weight: 700; }
.period { margin-top: 8px; }
.download { font-weight: 700; }
.inset { background: #fff; border-left: 8px solid #005eb8; padding: 8px 24px; margin: 24px 0; }
.inset h2 { font-size: 1.2rem; margin-top: 8px; }
.contents ol { margin: 0; padding-left: 24px; }
.contents h2 { font-size: 1.2rem; }
.kpi { margin-top: 40px; }
.table-scroll { overflow-x: auto; background: #fff; border: 1px solid #d8dde0; margin-bottom: 12px; }
.table { border-collapse: collapse; min-width: 100%; font-size: 0.95rem; }
.table__caption { text-align: left; font-weight: 700; padding: 12px 12px 8px; }
.table th, .table td { border-bottom: 1px solid #d8dde0; padding: 8px 12px; text-align: left; vertical-align: top; }
.table thead th { border-bottom: 2px solid #212b32; }
.table .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.table tbody th { font-weight: 400; min-width: 16em; }
.table td:last-child, .table thead th:last-child { font-weight: 700; background: #f0f4f5; }
.site-code { display: block; font-weight: 700; }
.site-name { display: block; font-weight: 400; color: #4c6272; white-space: normal; min-width: 6em; }
.notes { color: #4c6272; padding-left: 20px; }
.footer { border-top: 4px solid #005eb8; background: #d8dde0; padding: 16px 0; font-size: 0.9rem; }
`;
