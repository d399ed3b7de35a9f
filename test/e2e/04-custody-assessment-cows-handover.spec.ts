// The custody nurse's clinical core: the HCP assessment (a template rendered generically), the
// risk flag it derives in the banner, the handover to the custody officer with its printed copy,
// and COWS recorded three times with the chart and the latest band.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { META_FRAME_ANCESTORS, banner, openSignedIn, searchBox } from './support/app';
import { choose, chooseNth, printCalls, stubPrint, tick, type } from './support/forms';
import { DANIEL_GREEN } from './support/people';
import { fillRegisterForm } from './support/register';
import { snapshot } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openSignedIn(browser, pageErrors));
});

test.afterAll(async () => {
  await context.close();
});

test('a detainee is registered with a custody record number and booked in', async () => {
  await searchBox(page).fill('Green');
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await page.getByRole('button', { name: 'Add an identifier' }).click();
  await page.getByLabel('Type of identifier').selectOption({ label: 'Custody record number' });
  await page.getByLabel('Identifier', { exact: true }).fill(DANIEL_GREEN.custodyNumber);
  await fillRegisterForm(page, DANIEL_GREEN);
  await page.getByRole('button', { name: 'Register person' }).click();
  await expect(page.getByTestId('banner-family-name')).toHaveText('GREEN');
  await expect(page.getByTestId('banner-identifier')).toContainText(`Custody No. ${DANIEL_GREEN.custodyNumber}`);

  await page.getByRole('button', { name: 'Start custody detention' }).click();
  await page.getByTestId('start-stay-form').getByRole('button', { name: 'Start custody detention' }).click();
  await expect(page.getByTestId('banner-stay')).toHaveText(/^In custody since /);
});

test('the custody assessment refuses to save with unanswered questions, naming each at the item', async () => {
  await page.getByRole('button', { name: 'Start: Custody healthcare assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Custody healthcare assessment' })).toBeVisible();
  await expect(page.getByTestId('banner-flags')).toContainText('None active'); // the banner is on this screen too
  await page.getByRole('button', { name: 'Save assessment' }).click();

  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Reason for assessment: Enter an answer' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /^Fit to detain: Select an answer/ })).toBeVisible();
  await expect(page.locator('#item-reason-for-assessment-error')).toContainText('Enter an answer');
  await snapshot(page, '04-assessment-errors');
  await summary.getByRole('link', { name: /^Fit to detain: Select an answer/ }).click();
  await expect(page.locator('#item-fit-to-detain-opt-0')).toBeFocused();
});

test('completing the assessment raises the derived flag, shown in the banner', async () => {
  await type(page, 'Reason for assessment', 'Requested by custody sergeant: detainee says he uses heroin daily');
  await choose(page, 'Is the detainee intoxicated, or may they be?', 'No');
  await choose(page, 'May the detainee have swallowed or concealed drugs?', 'No');
  await choose(page, "Is there any concern about the detainee's level of consciousness?", 'No');
  await choose(page, 'Level of consciousness (AVPU)', 'Alert');
  await choose(page, 'Vital signs', 'Taken now');
  await type(page, 'Pulse', '96');
  await type(page, 'Blood pressure: systolic', '132');
  await type(page, 'Blood pressure: diastolic', '84');
  await type(page, 'Respiratory rate', '16');
  await type(page, 'Oxygen saturation (SpO2)', '98');
  await type(page, 'Temperature', '36.9');
  await type(page, 'Blood glucose', '5.8');
  await choose(page, 'Is there a head injury, or any report or sign of a blow to the head?', 'No');
  await choose(page, 'Any other injuries?', 'No');
  await choose(page, 'Does the detainee currently take any medication?', 'No');
  await choose(page, 'Is medication needed while detained?', 'No');
  await choose(page, 'Is the detainee prescribed opioid substitution treatment (methadone or buprenorphine)?', 'No');
  await choose(page, 'Does the detainee have a known mental health condition?', 'No');
  await tick(page, 'Current mental health symptoms', 'None reported or observed');
  await choose(page, 'Is the detainee currently under mental health services?', 'No');
  await choose(page, 'Does the detainee have current thoughts of self-harm or suicide?', 'Yes');
  await choose(page, 'Has the detainee ever self-harmed or attempted suicide?', 'No');
  await tick(page, 'Substances used in the last month', /^Heroin or other opioids/);
  // "Last use" appears only now, because a substance was chosen.
  const lastUse = page.getByRole('group', { name: 'Last use of any of these' });
  await lastUse.getByLabel('Day').fill(String(new Date().getDate()));
  await lastUse.getByLabel('Month').fill(String(new Date().getMonth() + 1));
  await lastUse.getByLabel('Year').fill(String(new Date().getFullYear()));
  await lastUse.getByLabel('Time (24-hour)').fill('00:00');
  await choose(page, 'Are there signs of withdrawal?', 'Yes');
  await expect(page.getByText('Monitor withdrawal: record COWS')).toBeVisible();
  await choose(page, 'Has the detainee ever had a withdrawal fit (seizure) or delirium tremens?', 'No');
  await choose(page, 'Could the detainee be pregnant?', 'Not applicable');
  await choose(page, 'Fit to detain', 'Fit to detain');
  await choose(page, 'Fit to be interviewed', 'Fit to be interviewed');
  await choose(page, 'Observation level', /^Level 2/);
  await choose(page, 'Rousing frequency', 'Rouse every 30 minutes');
  await choose(page, 'Rousability: can the detainee be woken (go into the cell, call their name, shake gently)?', 'Yes');
  await choose(page, 'Response to questions: do they answer appropriately "What is your name?", "Where do you live?", "Where do you think you are?"', 'Yes');
  await choose(page, 'Response to commands: do they respond appropriately to "Open your eyes", "Lift one arm, now the other arm"?', 'Yes');
  await type(page, 'Your clinical direction for rousing, and its rationale', 'Rouse every 30 minutes while in withdrawal with thoughts of self-harm: check he answers and moves both arms.');
  await type(page, 'Directions to custody staff', 'Visit and rouse every 30 minutes. Call the HCP if he vomits, is hard to rouse, or talks of harming himself.');

  // The errors went as each was put right; what saving will do is shown before it is done.
  await expect(page.locator('.nhsuk-error-summary')).toHaveCount(0);
  await expect(page.getByTestId('derived-flag').filter({ hasText: 'Self-harm risk' })).toContainText('because');
  await snapshot(page, '04-assessment-complete');
  await page.getByRole('button', { name: 'Save assessment' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Handover to the custody officer' })).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Custody healthcare assessment saved. Flags raised: Self-harm risk and Rouse at least every 30 minutes.');
  const flag = banner(page).getByTestId('banner-flag').filter({ hasText: 'Self-harm risk' });
  await expect(flag).toContainText('High risk');
  await expect(flag).toContainText('set by Alex Morgan');
  await expect(flag).toContainText('Does the detainee have current thoughts of self-harm or suicide?: Yes');
});

test('the handover is recorded with the officer and acknowledgement time, and printed with the identifiers', async () => {
  const form = page.getByTestId('handover-form');
  await expect(form.getByLabel("Custody officer's name")).toBeFocused();
  await form.getByRole('button', { name: 'Record handover' }).click();
  await expect(form.locator('.nhsuk-error-summary')).toContainText('Enter the name of the custody officer');
  await form.getByLabel("Custody officer's name").fill('PS Jane Doe');
  await form.getByLabel('Collar or staff number (optional)').fill('4521');
  await form.getByRole('button', { name: 'Record handover' }).click();

  await expect(page.getByTestId('handover-done')).toContainText('Handover to PS Jane Doe recorded');
  await expect(page.getByTestId('handovers')).toContainText('Handed over to PS Jane Doe (4521), acknowledged');
  const doc = page.getByTestId('handover-document');
  await expect(doc.getByTestId('print-identity')).toContainText('GREEN, Daniel');
  await expect(doc.getByTestId('print-identity')).toContainText(`NHS No. ${DANIEL_GREEN.nhsFormatted}`);
  await expect(doc.getByTestId('print-identity')).toContainText(`Custody No. ${DANIEL_GREEN.custodyNumber}`);
  await expect(doc.getByTestId('print-officer')).toHaveText('PS Jane Doe (4521)');
  await expect(doc.getByTestId('print-flags')).toContainText('High risk: Self-harm risk.');
  await expect(doc).toContainText('Rouse every 30 minutes');
  await expect(doc).toContainText('Visit and rouse every 30 minutes');

  await stubPrint(page);
  await page.getByRole('button', { name: 'Print the written copy' }).click();
  await expect.poll(() => printCalls(page)).toBe(1);

  // As printed: the written copy alone, the identifiers in the header repeated on every page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(banner(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print the written copy' })).toBeHidden();
  await expect(doc).toBeVisible();
  expect(await doc.locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe('table-header-group');
  await snapshot(page, '04-handover-print');
  await page.emulateMedia({ media: 'screen' });
});

test('the record shows the assessment as handed over', async () => {
  await page.getByRole('link', { name: 'Back to the record' }).click();
  const entry = page.getByTestId('recent-entry').filter({ hasText: 'Custody healthcare assessment' });
  await expect(entry).toContainText('Handed over to PS Jane Doe');
  await snapshot(page, '04-record-with-assessment');
});

/** COWS answers: the pulse, then the option (by position) for each of the other ten signs. */
async function recordCows(pulse: string, options: number[]) {
  await type(page, 'Resting pulse rate', pulse);
  const signs = ['Sweating', 'Restlessness', 'Pupil size', 'Bone or joint aches', 'Runny nose or tearing', 'GI upset', 'Tremor', 'Yawning', 'Anxiety or irritability', 'Gooseflesh skin'];
  for (const [i, sign] of signs.entries()) await chooseNth(page, sign, options[i] ?? 0);
}

test('COWS shows the live score and band while typing, and saves to the chart', async () => {
  await page.getByTestId('scale-summary').filter({ hasText: 'COWS' }).getByRole('link', { name: /^Record/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinical Opiate Withdrawal Scale (COWS)' })).toBeVisible();
  await type(page, 'Resting pulse rate', '104');
  await expect(page.locator('[data-item="pulse"]').getByTestId('item-points')).toHaveText('Adds 2 points');
  const live = page.getByTestId('live-score');
  await expect(live).toContainText('COWS total 2 of 48');
  await expect(live).toContainText('Provisional: 10 questions still to answer');
  await chooseNth(page, 'Sweating', 2); // 2 points
  await chooseNth(page, 'Restlessness', 2); // 3 points
  await expect(live).toContainText('COWS total 7 of 48');
  await expect(page.getByTestId('live-band')).toHaveText('Mild withdrawal');

  await recordCows('104', [2, 2, 1, 1, 1, 1, 1, 1, 1, 0]); // 2 + 2+3+1+1+1+1+1+1+1+0 = 14
  await expect(live).toContainText('COWS total 14 of 48');
  await expect(page.getByTestId('live-band')).toHaveText('Moderate withdrawal');
  await expect(page.getByTestId('live-score-status')).toHaveText('All questions answered');
  await snapshot(page, '04-cows-live');
  await page.getByRole('button', { name: 'Save score' }).click();

  await expect(page.getByTestId('notice')).toContainText('Clinical Opiate Withdrawal Scale (COWS) saved. Flag raised: Opiate withdrawal.');
  await expect(page.getByTestId('latest-score')).toContainText('14 of 48');
  await expect(banner(page).getByTestId('banner-flag').filter({ hasText: 'Opiate withdrawal' })).toContainText('COWS total 14: Moderate withdrawal');
});

test('two more COWS scores over time: the chart shows all three against the band thresholds', async () => {
  await page.getByRole('button', { name: 'Record a new score' }).click();
  await recordCows('118', [3, 3, 2, 2, 2, 3, 2, 2, 2, 1]); // 2 + 3+5+2+2+2+3+2+2+2+3 = 28
  await expect(page.getByTestId('live-band')).toHaveText('Moderately severe withdrawal');
  await page.getByRole('button', { name: 'Save score' }).click();
  await expect(page.getByTestId('latest-score')).toContainText('28 of 48');

  await page.getByRole('button', { name: 'Record a new score' }).click();
  await recordCows('88', [1, 1, 1, 1, 1, 0, 0, 1, 1, 0]); // 1 + 1+1+1+1+1+0+0+1+1+0 = 8
  await page.getByRole('button', { name: 'Save score' }).click();

  const latest = page.getByTestId('latest-score');
  await expect(latest).toContainText('8 of 48');
  await expect(latest.locator('.nhsuk-tag')).toHaveText('Mild withdrawal');
  const chart = page.getByTestId('score-chart');
  await expect(chart.getByTestId('chart-point')).toHaveCount(3);
  await expect(chart.getByTestId('chart-threshold')).toHaveCount(4);
  await expect(chart.getByTestId('chart-band')).toHaveCount(5);
  await expect(chart.locator('text.sonar-chart__value')).toHaveText(['14', '28', '8']);
  await expect(chart).toContainText('Moderately severe withdrawal (25-36)');
  await expect(chart.locator('figcaption')).toContainText('3 scores');
  await expect(page.getByTestId('scale-entry')).toHaveCount(3);
  await snapshot(page, '04-cows-chart');

  await page.getByRole('link', { name: 'Back to the record' }).click();
  const summary = page.getByTestId('scale-summary').filter({ hasText: 'COWS' });
  await expect(summary).toContainText('Latest 8 of 48');
  await expect(summary).toContainText('Mild withdrawal');
});

test('a COWS entry marked entered in error leaves the trend but stays listed; an amendment keeps its reason', async () => {
  await page.getByTestId('scale-summary').filter({ hasText: 'COWS' }).getByRole('link', { name: /^Chart/ }).click();
  // The oldest entry (14) was recorded against the wrong time: mark it entered in error.
  await page.getByTestId('scale-entry').nth(2).getByRole('link').click();
  await expect(page.getByTestId('response-scores')).toContainText('14 of 48');
  await page.getByRole('button', { name: 'Mark as entered in error' }).click();
  const form = page.getByTestId('entered-in-error-form');
  await form.getByLabel('Why was this entered in error?').fill('Scored before the detainee had settled; repeated later');
  await form.getByRole('button', { name: 'Mark as entered in error' }).click();
  await expect(page.getByTestId('response-meta')).toContainText('Entered in error');
  // A COWS completes no task, so nothing is said to be open again.
  await expect(page.getByTestId('response-done')).toHaveText('Success: Marked as entered in error.');
  await expect(page.getByTestId('response-meta')).toContainText('Reason: Scored before the detainee had settled');
  await expect(page.getByRole('button', { name: 'Amend' })).toHaveCount(0);

  // Amend the latest (8): the form opens with what was recorded; a reason is required.
  await page.getByRole('link', { name: 'Back to the record' }).click();
  await page.getByTestId('scale-summary').filter({ hasText: 'COWS' }).getByRole('link', { name: /^Chart/ }).click();
  await expect(page.getByTestId('score-chart').getByTestId('chart-point')).toHaveCount(2);
  await expect(page.getByTestId('scale-entry').nth(2)).toContainText('Entered in error');
  await page.getByTestId('scale-entry').nth(0).getByRole('link').click();
  await page.getByRole('button', { name: 'Amend' }).click();
  await expect(page.getByTestId('live-score')).toContainText('COWS total 8 of 48');
  await chooseNth(page, 'Gooseflesh skin', 1); // +3
  await expect(page.getByTestId('live-score')).toContainText('COWS total 11 of 48');
  await page.getByRole('button', { name: 'Save amendment' }).click();
  await expect(page.locator('.nhsuk-error-summary').getByRole('link', { name: 'Enter the reason for the amendment' })).toBeVisible();
  await page.getByLabel('Reason for the amendment').fill('Gooseflesh seen on the forearms, missed at first');
  await page.getByRole('button', { name: 'Save amendment' }).click();
  await expect(page.getByTestId('notice')).toContainText('amended');
  await expect(page.getByTestId('response-meta')).toContainText('Amended');
  await expect(page.getByTestId('response-scores')).toContainText('11 of 48');
  await expect(page.getByTestId('response-versions')).toContainText('Version 2: Amended');
  await snapshot(page, '04-cows-amended');
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.endsWith(META_FRAME_ANCESTORS))).toEqual([]);
});
