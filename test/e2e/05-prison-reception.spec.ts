// Prison reception, on a second host configured as a prison: the reception nurse starts the stay
// from the reception screen, completes the first-stage health screen, and finds the second-stage
// assessment due in 7 days on the record and on the site's task list, then closes it.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { banner, ensureAdmin, openApp, searchBox, signIn } from './support/app';
import { hostOrigin, prisonLaunchUrl } from './support/env';
import { choose, tick, type } from './support/forms';
import { PETER_WALKER } from './support/people';
import { fillRegisterForm } from './support/register';
import { snapshot } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
const META_FRAME_ANCESTORS = "The Content Security Policy directive 'frame-ancestors' is ignored when delivered via a <meta> element.";
const SECOND_STAGE = 'Second-stage health assessment (NICE NG57)';
const OST_TASK = 'Continuity of opioid substitution treatment: confirm the dose and prescribe the next one';

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openApp(
    browser,
    (p) => {
      p.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
      p.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') pageErrors.push(`console ${msg.type()}: ${msg.text()}`);
      });
    },
    prisonLaunchUrl(),
  ));
  await ensureAdmin(context, hostOrigin(prisonLaunchUrl()), 'prison_nurse');
  await page.reload();
  await signIn(page);
  await expect(searchBox(page)).toBeFocused();
});

test.afterAll(async () => {
  await context.close();
});

test('a prisoner is registered with a prison number at the prison site', async () => {
  await expect(page.getByTestId('site-name')).toContainText('HMP Demo Reception');
  await expect(page.getByTestId('signed-in-user')).toContainText('Prison nurse');
  await searchBox(page).fill('Walker');
  await page.getByRole('button', { name: 'Register a new person' }).click();
  await page.getByRole('button', { name: 'Add an identifier' }).click();
  await page.getByLabel('Type of identifier').selectOption({ label: 'Prison number (NOMIS)' });
  await page.getByLabel('Identifier', { exact: true }).fill(PETER_WALKER.nomis.toLowerCase()); // uppercased by the check
  await fillRegisterForm(page, PETER_WALKER);
  await page.getByRole('button', { name: 'Register person' }).click();
  await expect(page.getByTestId('banner-family-name')).toHaveText('WALKER');
  await expect(page.getByTestId('banner-identifier')).toContainText(`Prison No. ${PETER_WALKER.nomis}`);
});

test('reception starts the prison stay from the reception screen', async () => {
  await page.getByRole('button', { name: /^Start: Reception health screen/ }).click();
  const prompt = page.getByTestId('reception-stay-prompt');
  await expect(prompt).toContainText('No prison stay is open');
  await prompt.getByRole('button', { name: 'Start prison stay (reception)' }).click();
  await prompt.getByLabel('Reason for arrival (optional)').fill("Remanded from Leeds Magistrates' Court");
  await prompt.getByRole('button', { name: 'Start prison stay' }).click();
  await expect(page.getByTestId('reception-stay-done')).toHaveText(/Prison stay started/);
  await expect(page.getByTestId('reception-stay-prompt')).toHaveCount(0);
  await expect(banner(page).getByTestId('banner-stay')).toHaveText(/^In prison since /);
});

/** Today at hh:mm, typed into a date-and-time question as a user does. */
async function todayAt(label: string, time: string): Promise<void> {
  const group = page.getByTestId('template-form').getByRole('group', { name: label, exact: true });
  const now = new Date();
  await group.getByLabel('Day').fill(String(now.getDate()));
  await group.getByLabel('Month').fill(String(now.getMonth() + 1));
  await group.getByLabel('Year').fill(String(now.getFullYear()));
  await group.getByLabel('Time (24-hour)').fill(time);
}

test('the first-stage screen is saved: methadone 60 mg sets a continuity task for the prescriber; the second-stage assessment is due in 7 days', async () => {
  await choose(page, 'Is the person charged with or sentenced for murder, manslaughter or another offence with a long sentence?', 'No');
  await choose(page, 'Is the person taking any prescribed medicines or other treatment, or have they brought medicines in?', 'No');
  await choose(page, 'Is the person on opioid substitution treatment (methadone or buprenorphine)?', 'Yes');
  await choose(page, 'Opioid substitution medicine', 'Methadone oral solution 1 mg/ml');
  await type(page, 'Daily dose (for an injection, the dose given)', '60');
  await todayAt('Date and time of the last dose', '08:30');
  await type(page, 'Prescriber or treatment service, and dispensing pharmacy', 'Leeds Recovery Service; Boots, Briggate');
  await choose(page, 'Dose and last dose confirmed with the prescriber or dispensing pharmacy?', 'Yes');
  await choose(page, 'Any allergies (medicines, food, latex) or past reactions to medicines?', 'No');
  await tick(page, 'Health conditions', 'None of these');
  await choose(page, 'Could the person be pregnant, or have they given birth in the last 6 weeks?', 'Not applicable');
  await choose(page, 'Any injuries (including from before arrest), or an allegation of assault?', 'Yes');
  await tick(page, 'Which', 'Another injury');
  await tick(page, 'Body map: mark where each injury is', 'Left forearm and wrist (front)');
  await type(page, 'Injuries: describe each (size, appearance), and how and when it happened', 'Graze 3 cm left forearm; fell in the van');
  await choose(page, 'Does the person drink alcohol?', 'Yes');
  await type(page, 'Units of alcohol on a typical drinking day', '20');
  await todayAt('When did the person last have a drink?', '00:00');
  await choose(page, 'Any alcohol withdrawal symptoms now (tremor, sweating, nausea, anxiety, agitation)?', 'No');
  await choose(page, 'Has the person ever had a withdrawal fit (seizure) or delirium tremens, from alcohol or benzodiazepines?', 'No');
  await choose(page, 'Does the person use illicit drugs, or medicines not prescribed to them?', 'No');
  await choose(page, 'Any current or past mental health problems, or contact with mental health services?', 'No');
  await choose(page, 'Does the person have current thoughts of self-harm or suicide?', 'No');
  await choose(page, 'Has the person ever harmed themselves or tried to take their own life?', 'No');
  await tick(page, 'Other risk factors', 'First time in custody');
  await choose(page, 'Person Escort Record (PER) checked?', 'Yes');
  await choose(page, 'Does the PER carry a self-harm or suicide warning?', 'No');
  await choose(page, 'Cell-sharing risk assessment (CSRA) outcome', 'Standard');

  const preview = page.getByTestId('derived-preview');
  await expect(preview.getByTestId('derived-task')).toHaveText([`create the task ${SECOND_STAGE}, due in 7 days`, `create the task ${OST_TASK} for the prescriber, due today`]);
  await expect(preview.getByTestId('derived-flag').filter({ hasText: 'Alcohol withdrawal risk' })).toHaveCount(1);
  await expect(page.getByTestId('derived-advice').getByTestId('advice')).toContainText('Opioid substitution treatment: confirm the dose');
  await expect(page.getByTestId('derived-advice')).toContainText('Daily dose (for an injection, the dose given): 60 mg');
  await snapshot(page, '05-reception-screen');
  await page.getByRole('button', { name: 'Save screen' }).click();

  await expect(page.getByTestId('notice')).toContainText(`Tasks created: ${SECOND_STAGE} and ${OST_TASK}.`);
  await expect(page.getByTestId('notice')).toContainText('Alcohol withdrawal risk');
  const task = page.getByTestId('person-task').filter({ hasText: SECOND_STAGE });
  await expect(task.getByTestId('task-due')).toContainText('due in 7 days');
  await expect(page.getByTestId('person-task').filter({ hasText: OST_TASK })).toHaveCount(1);
});

test('the site task list shows the task by due date and opens the person', async () => {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  const row = page.getByTestId('site-task').filter({ hasText: SECOND_STAGE });
  await expect(row).toContainText('WALKER, Peter');
  await expect(row.getByTestId('task-due')).toContainText('due in 7 days');
  await snapshot(page, '05-site-tasks');
  await row.getByRole('link', { name: 'WALKER, Peter' }).click();
  await expect(banner(page).getByRole('heading', { level: 1 })).toHaveText('WALKER, Peter');
});

test('a task is closed with a note and leaves the open list', async () => {
  const task = page.getByTestId('person-task').filter({ hasText: SECOND_STAGE });
  await task.getByRole('button', { name: /^Close task/ }).click();
  const form = page.getByTestId('close-task-form');
  await expect(form.getByLabel('Done', { exact: true })).toBeFocused();
  await form.getByLabel('Done', { exact: true }).check();
  await form.getByLabel('Note (optional)').fill('Second-stage assessment completed in healthcare');
  await form.getByRole('button', { name: 'Close task' }).click();
  await expect(page.getByTestId('tasks-done')).toHaveText(new RegExp(`Task done: ${SECOND_STAGE.replace(/[()]/g, '\\$&')}`));
  // The prescriber's continuity task stays open until it is done.
  await expect(page.getByTestId('person-task')).toHaveCount(1);
  await expect(page.getByTestId('person-task')).toContainText(OST_TASK);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByTestId('site-task').filter({ hasText: SECOND_STAGE })).toHaveCount(0);
  await expect(page.getByTestId('site-task').filter({ hasText: OST_TASK })).toHaveCount(1);
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.endsWith(META_FRAME_ANCESTORS))).toEqual([]);
});
