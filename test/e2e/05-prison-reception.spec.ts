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

test('the first-stage screen is saved and sets up the second-stage assessment in 7 days', async () => {
  await choose(page, 'Any current physical health conditions?', 'No');
  await choose(page, 'Any injuries, including any from before arrest?', 'No');
  await choose(page, 'Could the person be pregnant?', 'Not applicable');
  await choose(page, 'Does the person drink alcohol?', 'Yes');
  await type(page, 'Units of alcohol on a typical drinking day', '20');
  await choose(page, 'Any alcohol withdrawal symptoms now, or a history of withdrawal fits or delirium tremens?', 'No');
  await choose(page, 'Does the person use illicit drugs, or medicines not prescribed to them?', 'No');
  await choose(page, 'Is the person on opioid substitution therapy (methadone or buprenorphine)?', 'No');
  await choose(page, 'Any current or past mental health problems, or contact with mental health services?', 'No');
  await choose(page, 'Does the person have current thoughts of self-harm or suicide?', 'No');
  await choose(page, 'Has the person ever harmed themselves or tried to take their own life?', 'No');
  await tick(page, 'Other risk factors', 'First time in custody');
  await choose(page, 'Has the person brought medicines in, or are they prescribed any?', 'No');
  await choose(page, 'Person Escort Record (PER) checked?', 'Yes');
  await choose(page, 'Cell-sharing risk assessment (CSRA) outcome', 'Standard');

  const preview = page.getByTestId('derived-preview');
  await expect(preview.getByTestId('derived-task')).toHaveText(`create the task ${SECOND_STAGE}, due in 7 days`);
  await expect(preview.getByTestId('derived-flag')).toContainText('Alcohol withdrawal risk');
  await snapshot(page, '05-reception-screen');
  await page.getByRole('button', { name: 'Save screen' }).click();

  await expect(page.getByTestId('notice')).toContainText(`Task created: ${SECOND_STAGE}.`);
  await expect(page.getByTestId('notice')).toContainText('Flag raised: Alcohol withdrawal risk.');
  const task = page.getByTestId('person-task').filter({ hasText: SECOND_STAGE });
  await expect(task.getByTestId('task-due')).toContainText('due in 7 days');
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
  await expect(page.getByTestId('person-task')).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByTestId('no-tasks')).toBeVisible();
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.endsWith(META_FRAME_ANCESTORS))).toEqual([]);
});
