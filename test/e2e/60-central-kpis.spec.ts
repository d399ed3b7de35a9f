// The region's governance lead, in Chromium with their own client certificate (made now, from the
// region CA, as `lead register --pkcs12` makes it): a central on loopback holding the hand-counted
// history of two custody suites and a prison, pushed by each site over mutual TLS. The lead opens
// the KPI page, types a period using the keyboard only, reads the tables (small counts hidden)
// and downloads the CSV. A site's certificate gets the refusal page instead.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { runAdminCommand } from '../../central/admin/commands';
import { leadKeyAndCsr, writeLeadPkcs12 } from '../../central/admin/lead-pkcs12';
import { startCentral, type Central } from '../../central/app/start-central';
import { CentralClient } from '../../main/sync/central-client';
import { pushKpiFixture } from '../integration/central-support/kpi-fixture';
import { siteKeyAndCsr } from '../integration/central-support/pki';
import { expectAccessible } from './support/axe';

test.describe.configure({ mode: 'serial' });

let central: Central;
let dir: string;
let leadPfx: { pfxPath: string; passphrase: string };
let siteCert: { cert: Buffer; key: Buffer };
const clients: CentralClient[] = [];
const contexts: BrowserContext[] = [];

const admin = () => ({ store: central.store, ca: central.ca, now: () => new Date(), afterIdentityChange: () => central.server.identities.clear() });

async function registerSite(code: string, orgType: 'custody_healthcare' | 'prison_healthcare') {
  const { keyPem, csrPem } = await siteKeyAndCsr(code);
  const r = (await runAdminCommand(admin(), { command: 'site.register', csrPem, code, orgType, name: `${code} e2e site`, days: 30 })) as { certificatePem: string; caPem: string };
  return { code, keyPem, certPem: r.certificatePem, caPem: r.caPem };
}

/** A browser context that presents a client certificate to the central (and accepts the region CA's server certificate). */
async function contextWith(browser: Browser, cert: { pfxPath: string; passphrase: string } | { cert: Buffer; key: Buffer }): Promise<BrowserContext> {
  const context = await browser.newContext({ clientCertificates: [{ origin: central.url, ...cert }], ignoreHTTPSErrors: true, acceptDownloads: true });
  contexts.push(context);
  return context;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'sonar-e2e-kpis-'));
  central = await startCentral({ dataDir: join(dir, 'central'), databaseUrl: null, host: '127.0.0.1', port: 0, serverNames: ['localhost', '127.0.0.1'], crlPollMs: 1000, poolSize: 2 });
  const sites = { CUSTA: await registerSite('CUSTA', 'custody_healthcare'), CUSTB: await registerSite('CUSTB', 'custody_healthcare'), PRISA: await registerSite('PRISA', 'prison_healthcare') };
  await pushKpiFixture((code) => {
    const s = sites[code as keyof typeof sites];
    const client = new CentralClient({ url: central.url, site: code, certPem: s.certPem, keyPem: s.keyPem, caPem: s.caPem, timeoutMs: 30_000 });
    clients.push(client);
    return client;
  });
  siteCert = { cert: Buffer.from(sites.CUSTA.certPem), key: Buffer.from(sites.CUSTA.keyPem) };
  const made = await leadKeyAndCsr('j.okafor');
  const registered = (await runAdminCommand(admin(), { command: 'lead.register', csrPem: made.csrPem, id: 'j.okafor', name: 'Jo Okafor', days: 30 })) as {
    certificatePem: string;
    caPem: string;
    name: string;
    lead: string;
  };
  const written = await writeLeadPkcs12(join(dir, 'lead.p12'), made.keyPem, registered);
  leadPfx = { pfxPath: written.file, passphrase: written.password };
});

test.afterAll(async () => {
  for (const c of contexts) await c.close();
  for (const c of clients) c.close();
  await central?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Clears a field that has focus and types into it, keys only. */
async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

test('the governance lead picks a period by keyboard, reads the KPIs side by side and downloads the CSV', async ({ browser }) => {
  const page = await (await contextWith(browser, leadPfx)).newPage();
  await page.goto(`${central.url}/governance/kpis`);
  await expect(page.getByRole('heading', { level: 1, name: 'Custody and reception KPIs across the region' })).toBeVisible();
  await expect(page.getByText('Signed in with the governance lead certificate of Jo Okafor (j.okafor).')).toBeVisible();

  // Keyboard only: the skip link, then the six date fields in order, then Enter submits.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  for (const [field, text] of [
    ['from-day', '1'],
    ['from-month', '3'],
    ['from-year', '2025'],
    ['to-day', '31'],
    ['to-month', '3'],
    ['to-year', '2025'],
  ] as const) {
    await page.keyboard.press('Tab');
    await expect(page.locator(`#${field}`)).toBeFocused();
    await retype(page, text);
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '1 March 2025 to 31 March 2025' })).toBeVisible();
  await expect(page).toHaveTitle('Custody and reception KPIs, 1 March 2025 to 31 March 2025 – SONAR central record');

  const first = page.getByRole('table', { name: /Time from arrival to the first health assessment/ });
  await expect(first.getByRole('columnheader')).toHaveText(['Measure', /CUSTA/, /CUSTB/, /PRISA/, /REGION/]);
  const row = (name: string) => first.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell');
  await expect(row('Detentions and stays begun')).toHaveText(['12', '6', '9', '27']);
  await expect(row('Under 30 minutes')).toHaveText([/^<5/, /^<5/, /^<5/, '8']);
  await expect(row('Median time to first assessment')).toHaveText(['45', '20', '45', '45']);
  await expect(page.getByText('A count of 1 to 4 is shown as')).toBeVisible();
  await expectAccessible(page, 'central KPI page');

  // The table region scrolls sideways and takes focus from the keyboard.
  await page.getByRole('region', { name: /Time from arrival to the first health assessment, by site/ }).focus();
  await expect(page.getByRole('region', { name: /Time from arrival to the first health assessment, by site/ })).toBeFocused();

  const link = page.getByRole('link', { name: 'Download these figures (CSV)' });
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('sonar-custody-kpis-2025-03-01-to-2025-03-31.csv');
  const csv = readFileSync((await download.path()) as string, 'utf8');
  expect(csv.startsWith('\uFEFFPeriod start,Period end,KPI,Measure,Site code,Site,Value,Note\r\n')).toBe(true);
  expect(csv).toContain('2025-03-01,2025-03-31,Time from arrival to the first health assessment,Detentions and stays begun,REGION,Region (all sites),27,\r\n');
  expect(csv).toContain('2025-03-01,2025-03-31,Observation levels and rousing,Level 1: general observation,CUSTB,CUSTB e2e site,*,');
});

test('a mistyped date is named at its field, and the error summary takes the keyboard there', async ({ browser }) => {
  const page = await (await contextWith(browser, leadPfx)).newPage();
  await page.goto(`${central.url}/governance/kpis?from-day=30&from-month=2&from-year=2025&to-day=31&to-month=3&to-year=2025`);
  await expect(page).toHaveTitle(/^Error: /);
  const summary = page.getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'The start date must be a real date' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#from-day')).toBeFocused();
  await expect(page.locator('#from-day')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'central KPI page with an error');
});

test("a site's certificate is refused the page", async ({ browser }) => {
  const page = await (await contextWith(browser, siteCert)).newPage();
  const response = await page.goto(`${central.url}/governance/kpis`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: 'You cannot open this page' })).toBeVisible();
  await expect(page.getByText('belongs to site CUSTA')).toBeVisible();
});
