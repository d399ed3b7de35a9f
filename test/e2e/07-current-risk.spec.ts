// The right risk, current, everywhere it is read: a derived flag follows the latest COWS (banner,
// history), a flag type already active is updated rather than raised twice, a late COWS is charted
// at its observation time, an unrecorded handover is a banner tag and a task until recorded, and
// the printed handover puts the officer's directions first with every time as dd-Mmm-yyyy HH:mm
// and no blank page.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { templateRegistry } from '../../domain/templates/library';
import { completeAnswers } from '../support/complete-answers';
import { banner, META_FRAME_ANCESTORS, openSignedIn, rpc, searchBox } from './support/app';
import { registerPerson, setupSession, type SetupSession } from './support/access';
import { pdfPages } from './support/pdf';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
let setup: SetupSession;
let personId: string;
const pageErrors: string[] = [];

const cows = (pulse: number, s: number[]) => ({
  pulse,
  sweating: String(s[0]),
  restlessness: String(s[1]),
  'pupil-size': String(s[2]),
  'bone-joint-aches': String(s[3]),
  'runny-nose-tearing': String(s[4]),
  'gi-upset': String(s[5]),
  tremor: String(s[6]),
  yawning: String(s[7]),
  'anxiety-irritability': String(s[8]),
  gooseflesh: String(s[9]),
});

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openSignedIn(browser, pageErrors));
  setup = await setupSession(context);
  personId = await registerPerson(setup, { familyName: 'Okafor', givenNames: 'Tunde', birthDate: '1979-03-14', sex: 'male' });
  const stay = await rpc(context, 'stays.start', { personId, arrivedAt: new Date(Date.now() - 3 * 3600_000).toISOString(), arrivalReason: 'Arrested' }, setup.token);
  expect(stay.ok).toBe(true);
});

test.afterAll(async () => {
  await context.close();
});

async function openRecord() {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Find a person' }).click();
  await searchBox(page).fill('Okafor');
  await page.getByRole('link', { name: /OKAFOR, Tunde/ }).first().click();
  await expect(banner(page).getByTestId('banner-family-name')).toHaveText('OKAFOR');
}

test('after COWS 9, 24 and 39 the banner shows one withdrawal flag with the latest score, and its history the earlier ones', async () => {
  const version = templateRegistry.latest('cows')!.version;
  for (const answers of [cows(90, [2, 1, 1, 1, 1, 1, 1, 0, 0, 0]), cows(110, [3, 3, 2, 2, 2, 2, 2, 4, 2, 0]), cows(130, [4, 5, 5, 4, 4, 2, 4, 2, 2, 3])]) {
    const saved = await rpc(context, 'forms.save', { personId, templateId: 'cows', templateVersion: version, answers }, setup.token);
    expect(saved.ok).toBe(true);
  }
  await openRecord();
  const flags = banner(page).getByTestId('banner-flag');
  await expect(flags).toHaveCount(1);
  await expect(flags.first()).toContainText('Severe');
  await expect(flags.first()).toContainText('COWS total 39: Severe withdrawal');
  await expect(flags.first()).not.toContainText('total 9:');
  const history = page.getByTestId('flag-history').first();
  await history.locator('summary').click();
  await expect(history.locator('li')).toHaveCount(3);
  await expect(history.locator('li').nth(0)).toContainText('COWS total 9: Mild withdrawal');
  await expect(history.locator('li').nth(2)).toContainText('COWS total 39');
});

test('raising a flag of a type already active offers to update it; the update replaces the banner reason', async () => {
  await page.getByRole('button', { name: 'Raise a flag' }).click();
  await page.getByLabel('Type of flag').selectOption({ label: 'Seizure risk' });
  await page.getByLabel('Severe').check();
  await page.getByLabel('Reason').fill('Fitted in the van');
  await page.getByRole('button', { name: 'Raise flag' }).click();
  await expect(banner(page).getByTestId('banner-flag').filter({ hasText: 'Seizure risk' })).toContainText('Fitted in the van');

  await page.getByRole('button', { name: 'Raise a flag' }).click();
  await page.getByLabel('Type of flag').selectOption({ label: 'Seizure risk' });
  await expect(page.getByTestId('flag-already-active')).toContainText('already active');
  await page.getByRole('button', { name: 'Update the existing flag' }).click();
  const form = page.getByTestId('update-flag-form');
  await expect(form.getByLabel('Reason now')).toBeFocused();
  await form.getByLabel('Reason now').fill('Second fit in the cell at 02:10');
  await form.getByRole('button', { name: 'Update flag' }).click();
  await expect(page.getByTestId('flags-done')).toContainText('Flag updated: Seizure risk.');
  await expect(banner(page).getByTestId('banner-flag').filter({ hasText: 'Seizure risk' })).toHaveCount(1);
  await expect(banner(page).getByTestId('banner-flag').filter({ hasText: 'Seizure risk' })).toContainText('Second fit in the cell at 02:10');
});

test('a COWS observed two hours ago is saved as a late entry and charted at its observation time', async () => {
  const observed = new Date(Date.now() - 2 * 3600_000);
  observed.setSeconds(0, 0);
  await page.getByRole('link', { name: 'Record Clinical Opiate Withdrawal Scale (COWS)' }).click();
  const answers = cows(70, [1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  await page.getByLabel('Resting pulse rate').fill(String(answers.pulse));
  for (const [id, value] of Object.entries(answers)) {
    if (id === 'pulse') continue;
    await page.locator(`input[name="item-${id}"][value="${value}"]`).check();
  }
  const when = page.getByRole('group', { name: 'Time of the observation' });
  await when.getByLabel('Day').fill(String(observed.getDate()));
  await when.getByLabel('Month').fill(String(observed.getMonth() + 1));
  await when.getByLabel('Year').fill(String(observed.getFullYear()));
  await when.getByLabel('Time (24-hour)').fill(`${String(observed.getHours()).padStart(2, '0')}:${String(observed.getMinutes()).padStart(2, '0')}`);
  await page.getByRole('button', { name: 'Save score' }).click();
  const entries = page.getByTestId('scale-entry');
  await expect(entries).toHaveCount(4);
  // Newest observation first: the late entry sits below the three saved just now.
  await expect(entries.nth(3)).toContainText('Late entry');
  await expect(entries.nth(0)).not.toContainText('Late entry');
});

test('an unrecorded handover is a banner tag and a task until the handover is recorded', async () => {
  const template = templateRegistry.latest('custody-hcp-assessment')!;
  const answers = { ...completeAnswers(template, 7, new Date(Date.now() - 60_000).toISOString()), directions: 'Visit and rouse every 30 minutes; call the HCP if he vomits or cannot be roused.' };
  const saved = await rpc(context, 'forms.save', { personId, templateId: template.id, templateVersion: template.version, answers }, setup.token);
  expect(saved.ok).toBe(true);
  if (!saved.ok) return;
  await openRecord();
  await expect(banner(page).getByTestId('banner-task-alerts')).toContainText('Handover not recorded');
  await expect(page.getByTestId('person-task').filter({ hasText: 'Hand over the findings to the custody officer' })).toHaveCount(1);

  await page.getByRole('link', { name: /Custody healthcare assessment/ }).first().click();
  await page.getByRole('button', { name: /Hand over to the custody officer/ }).click();
  const form = page.getByTestId('handover-form');
  await form.getByLabel("Custody officer's name").fill('PS Amy Lowe');
  await form.getByRole('button', { name: 'Record handover' }).click();
  await expect(page.getByTestId('handover-done')).toContainText('Handover to PS Amy Lowe recorded');
  await expect(banner(page).getByTestId('banner-task-alerts')).toHaveCount(0);

  // The written copy: directions first, times as dd-Mmm-yyyy HH:mm, identifiers on every page, no blank page.
  const doc = page.getByTestId('handover-document');
  await expect(doc.getByTestId('print-directions')).toContainText('Visit and rouse every 30 minutes');
  const text = await doc.innerText();
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  await page.emulateMedia({ media: 'print' });
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  expect(pages.length).toBeGreaterThan(0);
  expect(pages[0]).toMatch(/Directions to the custody officer.*Visit and rouse every 30 minutes/);
  const all = pages.join(' ');
  expect(all.indexOf('Directions to the custody officer')).toBeLessThan(all.indexOf('Active risk flags'));
  for (const [i, text] of pages.entries()) {
    expect(text, `page ${i + 1} of ${pages.length}`).toContain('OKAFOR, Tunde');
  }
  expect(pages.join(' ')).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.includes(META_FRAME_ANCESTORS))).toEqual([]);
});
