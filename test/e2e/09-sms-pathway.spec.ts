// The substance misuse pathway on a demo prison of its own, with a clock the spec moves (the host
// is restarted on the same data with a later SONAR_TEST_NOW, and the browser's clock set to match):
//  day 0: a nurse refers; the SMS worker finds the referral in the inbox, accepts it, takes the
//         caseload, records a TOP start and starts treatment: the 5-day review is due on day 5;
//         a hospital letter is awaited;
//  day 6: the review is overdue in the worker's list, the team list and the patient banner;
//         completing it schedules the 28-day review;
//  day 10: the awaited letter has escalated and cannot be closed without an outcome; a release
//         plan creates the 3-week follow-up and prints with the identifiers on every page.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { TOP_SUBSTANCES, TOP_TOBACCO, weekItemIds } from '../../domain/templates/library/top-items';
import { banner, ensureAdmin, rpc, searchBox, signIn } from './support/app';
import { createStaff, firstSignIn, setupSession } from './support/access';
import { choose, printCalls, stubPrint } from './support/forms';
import { newDataDir, removeDataDir, startOwnHost, type OwnHost } from './support/own-host';
import { pdfPages } from './support/pdf';
import { snapshot } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

const DAY0 = '2027-01-11T09:00:00.000Z';
const DAY6 = '2027-01-17T10:00:00.000Z';
const DAY10 = '2027-01-21T10:00:00.000Z';
const SAM = { fullName: 'Sam Okoro', username: 'sam.okoro', temporary: 'Temporary pass 2027', own: 'seven quiet harbours at dawn' } as const;
const NURSE = { username: 'alex.morgan', password: 'correct horse battery staple' } as const;
const TOM = { familyName: 'Reed', givenNames: 'Tom', birthDate: '1985-04-02', sex: 'male' as const };
const LETTER = 'Cardiology clinic letter';

let dataDir = '';
let host: OwnHost | null = null;
const pageErrors: string[] = [];

async function restartAt(now: string): Promise<OwnHost> {
  await host?.stop();
  host = await startOwnHost(dataDir, now);
  return host;
}

/** A fresh browser context on the current host, its clock at `now` in London time, signed in. */
async function openAt(browser: Browser, now: string, who: { username: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  if (!host) throw new Error('host not started');
  const context = await browser.newContext({ timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(now));
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  await page.goto(host.launchUrl);
  await expect(page.locator('main')).not.toHaveAttribute('data-route', 'starting');
  await signIn(page, who.username, who.password);
  await expect(page.locator('main')).not.toHaveAttribute('data-route', 'signIn');
  return { context, page };
}

async function openRecord(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Find a person' }).click();
  await searchBox(page).fill(name);
  await page.getByTestId('search-result').first().getByRole('link').click();
  await expect(banner(page)).toContainText('REED');
}

test.beforeAll(async ({ browser }) => {
  dataDir = newDataDir({ schemaVersion: 1, siteCode: 'SMSE2E', siteName: 'HMP Pathway', siteType: 'prison', demo: true, idleLockMinutes: 30 });
  await restartAt(DAY0);
  const context = await browser.newContext();
  await context.request.get(host!.launchUrl);
  await ensureAdmin(context, host!.origin, 'prison_nurse');
  const admin = await setupSession(context, host!.origin);
  await createStaff(admin, SAM.fullName, SAM.username, ['sms_clinical'], SAM.temporary);
  const registered = await rpc(context, 'patients.register', { ...TOM, title: null, nhsNumber: null, otherIdentifiers: [{ type: 'nomis_number', value: 'A1234BC' }], aliases: [], reviewedDuplicates: [] }, admin.token, admin.origin);
  if (!registered.ok) throw new Error(registered.error.message);
  const stay = await rpc(context, 'stays.start', { personId: registered.value.personId, arrivedAt: '2027-01-10T16:00:00Z', arrivalReason: 'Remanded' }, admin.token, admin.origin);
  if (!stay.ok) throw new Error(stay.error.message);
  await context.close();
});

test.afterAll(async () => {
  await host?.stop();
  if (dataDir) removeDataDir(dataDir);
});

test('day 0: a reception nurse refers to the substance misuse team', async ({ browser }) => {
  const { context, page } = await openAt(browser, DAY0, NURSE);
  await openRecord(page, 'Reed');
  const sms = page.getByTestId('sms-section');
  await expect(sms.getByTestId('sms-summary-scope')).toContainText('You see what your role needs');
  await sms.getByRole('button', { name: 'Refer to the substance misuse team' }).click();
  const form = sms.getByTestId('referral-form');
  await form.getByRole('button', { name: 'Send referral' }).click();
  await expect(form.locator('.nhsuk-error-summary')).toContainText('Choose where the referral comes from');
  await form.getByLabel('Where the referral comes from').selectOption({ label: 'Reception screen' });
  await form.getByLabel('Urgent (today)').check();
  await form.getByLabel('Reason for the referral').fill('Heroin daily before custody; opiate withdrawal starting');
  await form.getByLabel(/Heroin or other opioids/).check();
  await form.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByTestId('sms-done')).toHaveText(/Referral sent to the substance misuse team/);
  // The nurse sees the referral and its status, not the substance misuse detail.
  await expect(sms.getByTestId('sms-referral')).toContainText('Waiting for a decision');
  await expect(sms.getByTestId('sms-referral')).toContainText('Withheld: substance misuse detail');
  await context.close();
});

test('day 0: the SMS worker accepts the referral from the inbox, takes the caseload, records a TOP start and starts treatment', async ({ browser }) => {
  test.setTimeout(120_000);
  if (!host) throw new Error('host not started');
  const context = await browser.newContext({ timezoneId: 'Europe/London' });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(DAY0));
  page.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
  await page.goto(host.launchUrl);
  await firstSignIn(page, SAM.username, SAM.temporary, SAM.own);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Referrals' }).click();
  const referral = page.getByTestId('inbox-referral');
  await expect(referral).toHaveCount(1);
  await expect(referral).toContainText('REED, Tom');
  await expect(referral).toContainText('Urgent');
  await expect(referral).toContainText('Heroin daily before custody');
  await snapshot(page, '08-inbox');
  await referral.getByRole('link', { name: 'REED, Tom' }).click();

  const sms = page.getByTestId('sms-section');
  await sms.getByRole('button', { name: /Record the outcome/ }).click();
  const decide = sms.getByTestId('decide-referral-form');
  await expect(decide.getByLabel('Who decided')).toHaveValue(SAM.fullName);
  await decide.getByLabel('Accepted').check();
  await decide.getByRole('button', { name: 'Record the outcome' }).click();
  await expect(sms.getByTestId('referral-decision')).toContainText(`Accepted 11-Jan-2027 by ${SAM.fullName}`);

  await sms.getByRole('button', { name: 'Assign or change a keyworker' }).click();
  const assign = sms.getByTestId('assign-keyworker-form');
  await assign.getByLabel('Clinical keyworker').check();
  await assign.getByLabel('Worker', { exact: true }).selectOption({ label: SAM.fullName });
  await assign.getByRole('button', { name: 'Assign' }).click();
  await expect(sms.getByTestId('keyworker')).toContainText(`Clinical keyworker ${SAM.fullName}`);

  // TOP start: every question asked, one answered "Not disclosed".
  await sms.getByRole('button', { name: 'Record a TOP' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Treatment Outcomes Profile (secure setting)' })).toBeVisible();
  await choose(page, 'TOP stage', 'Start of treatment');
  await page.locator('#item-interview-date-day').fill('11');
  await page.locator('#item-interview-date-month').fill('1');
  await page.locator('#item-interview-date-year').fill('2027');
  await choose(page, 'The 4 weeks asked about', 'The 4 weeks before custody');
  const weeks: Record<string, number[]> = { opioids: [7, 7, 5, 4], tobacco: [7, 7, 7, 7] };
  for (const s of [...TOP_SUBSTANCES, TOP_TOBACCO]) {
    for (const [i, id] of weekItemIds(s.key).entries()) await page.locator(`#item-${id}`).fill(String(weeks[s.key]?.[i] ?? 0));
  }
  await page.locator('#item-opioids-amount').fill('0.5');
  await page.locator('#item-tobacco-amount').fill('15');
  await page.locator('#item-injecting-days').fill('25');
  await choose(page, 'Injected with a needle or syringe used by someone else', 'No');
  await choose(page, 'Injected using a spoon, water or filter used by someone else', 'Yes');
  await page.locator('#item-shoplifting-days').fill('6');
  await page.locator('#item-drug-selling-days').fill('0');
  await page.locator('#item-other-theft-days-declined').check();
  await choose(page, 'Committed assault or violence in the 4 weeks', 'No');
  await page.locator('#item-psychological-health').fill('6');
  await page.locator('#item-paid-work-days').fill('0');
  await page.locator('#item-education-days').fill('0');
  await choose(page, 'Acute housing problem on release (no fixed abode, or housing ends on release)', 'Yes');
  await choose(page, 'At risk of losing their accommodation (eviction) on release', 'No');
  await page.locator('#item-physical-health').fill('9');
  await page.locator('#item-quality-of-life').fill('5');
  await page.getByRole('button', { name: 'Save assessment' }).click();
  // 25 days injecting is more than the 23 days any injectable drug was used: said at the item.
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Days injected cannot be more than the days');
  await page.locator('#item-injecting-days').fill('20');
  await page.getByRole('button', { name: 'Save assessment' }).click();
  await expect(page.locator('main')).toHaveAttribute('data-route', 'record');

  // The TOP chart: days used per substance and the three ratings, with every value in words.
  await page.getByTestId('sms-section').getByRole('button', { name: 'TOPs over time' }).click();
  const row = page.getByTestId('top-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('11-Jan-2027 (Start of treatment)');
  await expect(page.getByTestId('top-days-chart').locator('.recharts-line')).toHaveCount(2);
  await expect(page.getByTestId('top-table')).toContainText('23');
  await snapshot(page, '08-top-chart');
  await page.getByRole('link', { name: 'Back to the record' }).click();

  const treatment = page.getByTestId('sms-treatment');
  await treatment.getByRole('button', { name: 'Start treatment' }).click();
  const start = treatment.getByTestId('start-treatment-form');
  await expect(start.locator('#treatment-start-day')).toHaveValue('11');
  await start.getByLabel('Pharmacological (prescribing, OST)').check();
  await start.getByLabel(/Heroin or other opioids/).check();
  await start.getByRole('button', { name: 'Start treatment' }).click();
  await expect(page.getByTestId('sms-done')).toContainText('Treatment started. 5-day review due 16-Jan-2027.');
  await expect(treatment.getByTestId('next-review')).toContainText('Next: 5-day review');
  await expect(treatment.getByTestId('next-review').getByTestId('task-due')).toContainText('16-Jan-2027, due in 5 days');
  await expect(treatment.getByTestId('review-plan')).toContainText('28-day review');
  await expect(treatment.getByTestId('review-plan')).toContainText('08-Feb-2027');
  await expect(treatment.getByTestId('review-plan')).toContainText('12-Apr-2027');
  await snapshot(page, '08-record-sms-day0');

  // A hospital letter is awaited: a task for the healthcare team, expected by 13 January.
  const tasks = page.getByTestId('tasks-section');
  await tasks.getByRole('button', { name: /Add a task/ }).click();
  const add = tasks.getByTestId('create-task-form');
  await add.getByLabel('Hospital letter awaited').check();
  await add.getByLabel('What the task is').fill(LETTER);
  await add.getByLabel('Which letter, from whom (hospital, clinic, department)').fill('Leeds General Infirmary, echocardiogram 8 January');
  await add.locator('#task-due-day').fill('13');
  await add.locator('#task-due-month').fill('1');
  await add.locator('#task-due-year').fill('2027');
  await add.getByRole('button', { name: 'Add task' }).click();
  await expect(page.getByTestId('tasks-done')).toContainText(`Task added: ${LETTER}.`);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work' }).click();
  const mine = page.getByTestId('mine-tasks').getByTestId('site-task');
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('5-day review (substance misuse)');
  await expect(mine.getByTestId('task-due')).toContainText('16-Jan-2027, due in 5 days');
  await expect(page.getByTestId('my-caseload').getByTestId('caseload-person')).toContainText('REED, Tom');
  await snapshot(page, '08-my-work-day0');
  await context.close();
});

test('day 6: the 5-day review is overdue in the worker list, the team list and the banner; completing it schedules the 28-day review', async ({ browser }) => {
  await restartAt(DAY6);
  const { context, page } = await openAt(browser, DAY6, { username: SAM.username, password: SAM.own });
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work' }).click();
  const mine = page.getByTestId('mine-tasks').getByTestId('site-task').filter({ hasText: '5-day review' });
  await expect(mine.getByTestId('task-overdue')).toHaveText('Overdue');
  await expect(mine.getByTestId('task-due')).toContainText('16-Jan-2027, overdue by 1 day');

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: 'Team tasks' }).click();
  const team = page.getByTestId('team-tasks').getByTestId('site-task').filter({ hasText: '5-day review' });
  await expect(team.getByTestId('task-overdue')).toHaveText('Overdue');
  await expect(team.getByTestId('task-who')).toContainText(`With ${SAM.fullName}, Substance misuse team`);
  await snapshot(page, '08-team-tasks-day6');

  await team.getByRole('link', { name: 'REED, Tom' }).click();
  await expect(banner(page).getByTestId('banner-overdue')).toHaveText('2 overdue');

  // The review cannot be ticked off from the task list: it closes by being done.
  const review = page.getByTestId('person-task').filter({ hasText: '5-day review' });
  await expect(review.getByRole('button', { name: /^Close task/ })).toHaveCount(0);
  await expect(review).toContainText('Closes when it is done');

  await page.getByTestId('sms-treatment').getByRole('button', { name: 'Complete the 5-day review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Complete the 5-day review' })).toBeVisible();
  await page.getByLabel('Review summary').fill('Settled on methadone 60 mg; no withdrawal signs; engaging.');
  await page.getByLabel('Continue treatment as planned').check();
  await page.getByRole('button', { name: 'Complete the review' }).click();
  await expect(page.locator('.nhsuk-error-summary')).toContainText('Say what happened to the care plan at this review');
  await page.getByLabel('Record the care plan now').check();
  await page.locator('#review-plan-goal-0').fill('Stabilise on opioid substitution treatment');
  await page.locator('#review-plan-goal-0-action-0').fill('Daily supervised methadone');
  await page.locator('#review-plan-goal-0-owner-0').fill('Prescriber');
  await page.locator('#review-plan-review-day').fill('8');
  await page.locator('#review-plan-review-month').fill('2');
  await page.locator('#review-plan-review-year').fill('2027');
  await page.getByRole('button', { name: 'Complete the review' }).click();
  await expect(page.getByTestId('notice')).toHaveText(/5-day review completed\. 28-day review due 08-Feb-2027\./);
  const next = page.getByTestId('sms-treatment').getByTestId('next-review');
  await expect(next).toContainText('Next: 28-day review');
  await expect(next.getByTestId('task-due')).toContainText('08-Feb-2027, due in 22 days');
  await expect(page.getByTestId('reviews-done')).toContainText('5-day review (due 16-Jan-2027) done 17-Jan-2027');
  await expect(page.getByTestId('care-plan-goals')).toContainText('Stabilise on opioid substitution treatment');
  // Only the awaited letter is still overdue.
  await expect(banner(page).getByTestId('banner-overdue')).toHaveText('1 overdue');
  await context.close();
});

test('day 10: the awaited letter has escalated, and closes only with an outcome and what it said', async ({ browser }) => {
  await restartAt(DAY10);
  const { context, page } = await openAt(browser, DAY10, NURSE);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: 'Team tasks' }).click();
  const row = page.getByTestId('team-tasks').getByTestId('site-task').filter({ hasText: LETTER });
  await expect(row.getByTestId('task-escalated')).toHaveText('Escalated');
  await expect(row.getByTestId('task-due')).toContainText('13-Jan-2027, overdue by 8 days');
  await row.getByRole('link', { name: 'REED, Tom' }).click();
  await expect(banner(page).getByTestId('banner-escalated')).toHaveText('1 escalated');

  const letter = page.getByTestId('person-task').filter({ hasText: LETTER });
  await letter.getByRole('button', { name: /^Close task/ }).click();
  const form = letter.getByTestId('close-task-form');
  await form.getByRole('button', { name: 'Close task' }).click();
  await expect(form.locator('.nhsuk-error-summary')).toContainText('Choose the outcome');
  await form.getByLabel('Letter received and acted on').check();
  await form.getByRole('button', { name: 'Close task' }).click();
  await expect(form.locator('.nhsuk-error-summary')).toContainText('Enter what the letter says and what was done');
  await form.getByLabel('What the letter says and what was done').fill('Normal echocardiogram; no change to medicines.');
  await form.getByRole('button', { name: 'Close task' }).click();
  await expect(page.getByTestId('tasks-done')).toContainText(`Task closed (letter received and acted on): ${LETTER}.`);
  await expect(page.getByTestId('closed-tasks')).toContainText(`${LETTER}: Letter received and acted on`);
  await expect(banner(page).getByTestId('banner-task-alerts')).toHaveCount(0);
  await context.close();
});

test('day 10: a release plan creates the 3-week follow-up and the release pack prints with the identifiers on every page', async ({ browser }) => {
  const { context, page } = await openAt(browser, DAY10, { username: SAM.username, password: SAM.own });
  await openRecord(page, 'Reed');
  await page.getByTestId('sms-release').getByRole('button', { name: 'Record a release plan' }).click();
  await page.locator('#release-on-day').fill('28');
  await page.locator('#release-on-month').fill('1');
  await page.locator('#release-on-year').fill('2027');
  await page.getByLabel('Where the person is going').fill('Approved premises, Leeds');
  await page.locator('#release-ost-yes').check();
  await page.getByLabel('OST medicine').fill('Methadone oral solution 1 mg/ml');
  await page.getByLabel('Daily dose (mg)').fill('60');
  await page.locator('#release-last-dose-day').fill('28');
  await page.locator('#release-last-dose-month').fill('1');
  await page.locator('#release-last-dose-year').fill('2027');
  await page.locator('#release-last-dose-time').fill('08:00');
  await page.getByLabel('Naloxone issued').check();
  await page.locator('#release-referred-yes').check();
  await page.getByLabel('Community service name').fill('Forward Leeds');
  await page.locator('#release-referred-on-day').fill('21');
  await page.locator('#release-referred-on-month').fill('1');
  await page.locator('#release-referred-on-year').fill('2027');
  await page.getByRole('button', { name: 'Save the release plan' }).click();

  await expect(page.getByTestId('notice')).toContainText('Follow-up to confirm community treatment by 18-Feb-2027');
  const pack = page.getByTestId('release-pack');
  await expect(pack.getByTestId('print-identity')).toContainText('REED, Tom');
  await expect(pack.getByTestId('print-identity')).toContainText('A1234BC');
  await expect(pack.getByTestId('pack-medicines')).toContainText('Methadone oral solution 1 mg/ml, 60 mg daily');
  await expect(pack.getByTestId('pack-last-dose')).toHaveText('28-Jan-2027 08:00');
  await expect(pack.getByTestId('pack-referral')).toContainText('Forward Leeds (Community drug and alcohol team)');
  await expect(pack.getByTestId('pack-follow-up')).toContainText('by 18-Feb-2027');
  await stubPrint(page);
  await page.getByRole('button', { name: 'Print the release pack' }).click();
  await expect.poll(() => printCalls(page)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(banner(page)).toBeHidden();
  const pages = await pdfPages(await page.pdf({ format: 'A5' }));
  await page.emulateMedia({ media: 'screen' });
  expect(pages.length).toBeGreaterThan(1);
  for (const [i, text] of pages.entries()) {
    expect(text, `page ${i + 1} of ${pages.length}`).toContain('REED, Tom');
    expect(text, `page ${i + 1} of ${pages.length}`).toContain('A1234BC');
  }
  await snapshot(page, '08-release-pack');

  // The follow-up is on the worker's list, due 3 weeks after release.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'My work' }).click();
  const follow = page.getByTestId('mine-tasks').getByTestId('site-task').filter({ hasText: 'Confirm engagement with community treatment within 3 weeks of release' });
  await expect(follow.getByTestId('task-due')).toContainText('18-Feb-2027');

  // The recall list shows the 28-day review with the prison number, and prints.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Recalls' }).click();
  await page.getByLabel('Due', { exact: true }).selectOption({ label: 'Due in the next 28 days (and overdue)' });
  const recall = page.getByTestId('recall-row').filter({ hasText: '28-day review' });
  await expect(recall.getByTestId('recall-identifiers')).toContainText('Prison No. A1234BC');
  await context.close();
});

test('the pages reported no errors along the way', () => {
  expect(pageErrors).toEqual([]);
});
