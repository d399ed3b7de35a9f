// What leaves the central: the KPI page and its CSV for the hand-counted fixture, fetched over
// mutual TLS with a governance lead's certificate. Small counts show as "<5", the figures that
// would give them away as "*" (worked out by hand below), no count of 1 to 4 appears anywhere,
// and the audit row of each download holds the SHA-256 of exactly the bytes handed over.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastestBackend } from '../../test/integration/central-support/backends';
import { startTestCentral, type TestCentral } from '../../test/integration/central-support/harness';
import { pushKpiFixture } from '../../test/integration/central-support/kpi-fixture';
import { httpsRequest, registerLead, type LeadCredentials } from '../../test/integration/central-support/lead-client';
import { rowsOf } from '../db/open';

const MARCH = 'from-day=1&from-month=3&from-year=2025&to-day=31&to-month=3&to-year=2025';

/** RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

describe('the KPI page and CSV for the hand-counted fixture', () => {
  let t: TestCentral;
  let lead: LeadCredentials;
  let csv = '';
  let rows: string[][] = [];
  const value = (kpi: string, measure: string, site: string) => rows.find((r) => r[2] === kpi && r[3] === measure && r[4] === site)?.[6];
  const FIRST = 'Time from arrival to the first health assessment';
  const OBSERVATION = 'Observation levels and rousing';

  beforeAll(async () => {
    t = await startTestCentral(fastestBackend());
    const creds = {
      CUSTA: await t.register('CUSTA', 'custody_healthcare'),
      CUSTB: await t.register('CUSTB', 'custody_healthcare'),
      PRISA: await t.register('PRISA', 'prison_healthcare'),
    };
    await pushKpiFixture((site) => t.client(creds[site as keyof typeof creds]));
    lead = await registerLead(t, 'j.okafor', 'Jo Okafor');
    const answer = await httpsRequest(`${t.url}/governance/kpis.csv?${MARCH}`, lead);
    if (!('status' in answer) || answer.status !== 200) throw new Error(`CSV download failed: ${JSON.stringify(answer).slice(0, 500)}`);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="sonar-custody-kpis-2025-03-01-to-2025-03-31.csv"');
    csv = answer.body;
    rows = csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1).map(fields);
  }, 180_000);
  afterAll(async () => t?.close());

  it('is one rectangular table: a byte-order mark, CRLF line ends, a header and a row per KPI, measure and column', () => {
    expect(csv.startsWith('\uFEFFPeriod start,Period end,KPI,Measure,Site code,Site,Value,Note\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    // 11 x 4 + 8 x 2 (the prison and the region) + 12 x 4 + 6 x 4 + 16 x 3 (two custody suites and the region), and the header.
    expect(rows.length).toBe(1 + 44 + 16 + 48 + 24 + 48);
    for (const r of rows) expect(r.length, r.join('|')).toBe(8);
  });

  it('shows the hand-counted figures that may be shown, and hides the ones that may not', () => {
    expect(['CUSTA', 'CUSTB', 'PRISA', 'REGION'].map((s) => value(FIRST, 'Detentions and stays begun', s))).toEqual(['12', '6', '9', '27']);
    expect(['CUSTA', 'CUSTB', 'PRISA', 'REGION'].map((s) => value(FIRST, 'Under 30 minutes', s))).toEqual(['<5', '<5', '<5', '8']);
    expect(['CUSTA', 'CUSTB', 'PRISA', 'REGION'].map((s) => value(FIRST, '30 to 59 minutes', s))).toEqual(['<5', '0', '<5', '6']);
    expect(['CUSTA', 'CUSTB', 'PRISA', 'REGION'].map((s) => value(FIRST, 'Median time to first assessment (minutes)', s))).toEqual(['45', '20', '45', '45']);
    expect(['CUSTA', 'CUSTB', 'PRISA', 'REGION'].map((s) => value(FIRST, '90 in 100 assessed within (minutes)', s))).toEqual(['300', '130', '500', '300']);
    const small = rows.find((r) => r[2] === FIRST && r[3] === 'Under 30 minutes' && r[4] === 'CUSTA');
    expect(small?.[7]).toBe('a count of 1 to 4, hidden so that nobody can be identified');
    // CUSTB's levels are 5, 1, 0, 0 of 6 assessments: level 2 is under 5, so level 1 (5) must go too, or 6 - 5 would give it away;
    // then the region's 11 would give CUSTB's 5 from CUSTA's 6, so CUSTA's level 1 goes as well.
    expect(['CUSTA', 'CUSTB', 'REGION'].map((s) => value(OBSERVATION, 'Level 1: general observation', s))).toEqual(['*', '*', '11']);
    expect(['CUSTA', 'CUSTB', 'REGION'].map((s) => value(OBSERVATION, 'Level 2: intermittent observation', s))).toEqual(['<5', '<5', '5']);
    expect(['CUSTA', 'CUSTB', 'REGION'].map((s) => value(OBSERVATION, 'Custody assessments', s))).toEqual(['12', '6', '18']);
    expect(value('Referrals to mental health and substance misuse services', 'Substance misuse service: all referrals', 'REGION')).toBe('8');
  });

  it('never shows a count of 1 to 4', () => {
    const counts = rows.slice(1).filter((r) => !/minutes\)|^Percent/.test(r[3] ?? ''));
    expect(counts.length).toBeGreaterThan(100);
    for (const r of counts) expect(['1', '2', '3', '4'], r.join('|')).not.toContain(r[6]);
  });

  it('records the download with the SHA-256 and size of the file handed over, then the page view', async () => {
    const page = await httpsRequest(`${t.url}/governance/kpis?${MARCH}`, lead);
    expect(page).toMatchObject({ status: 200 });
    const html = (page as { body: string }).body;
    expect(html).toContain('<span class="site-code">CUSTA</span><span class="site-name">CUSTA test site</span>');
    expect(html).toContain('1 March 2025 to 31 March 2025');
    expect(html).toContain(`href="/governance/kpis.csv?${MARCH.replace(/&/g, '&amp;')}"`);
    expect(html).toMatch(/<th scope="row">Under 30 minutes<\/th><td class="num">&lt;5<span class="visually-hidden"> \(1 to 4, hidden\)<\/span><\/td>/);
    const audit = rowsOf<{ outcome: string; user_name: string; detail: { format: string; sha256: string; bytes: number; from: string; to: string; sites: string[] } }>(
      await t.central.store.db.execute(sql`SELECT outcome, user_name, detail FROM disclosures WHERE kind = 'report_view' ORDER BY seq`),
    );
    expect(audit.map((a) => [a.outcome, a.user_name, a.detail.format])).toEqual([
      ['downloaded', 'Jo Okafor', 'csv'],
      ['viewed', 'Jo Okafor', 'html'],
    ]);
    expect(audit[0]!.detail).toMatchObject({ from: '2025-03-01', to: '2025-03-31', sites: ['CUSTA', 'CUSTB', 'PRISA'], bytes: Buffer.byteLength(csv), sha256: createHash('sha256').update(csv).digest('hex') });
    expect(audit[1]!.detail.sha256).toBe(createHash('sha256').update(html).digest('hex'));
  });
});
