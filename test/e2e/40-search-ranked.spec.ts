// Issue 8 item 2: "smith" must never silently hide people. With 40 more Smiths registered, the
// answer states the true total, ranks exact family names before names that only start with it,
// and every Smith is reachable by paging. Dates typed as 3/4/88 or 3 April 1988 are read, and
// similar-sounding names (Walsh and Welsh, Jon and John) come as a second group.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { META_FRAME_ANCESTORS, openSignedIn, searchBox } from './support/app';
import { registerPerson, setupSession, type SyntheticPerson } from './support/access';
import { expectAccessible } from './support/axe';
import { snapshot } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

const GIVEN = [
  'Aaron', 'Abigail', 'Brian', 'Bethany', 'Callum', 'Chloe', 'Declan', 'Donna', 'Emily', 'Eric', 'Fiona', 'Frank', 'George', 'Grace',
  'Harry', 'Hannah', 'Ian', 'Imogen', 'Jack', 'Jade', 'Kevin', 'Katie', 'Liam', 'Lucy', 'Mohammed', 'Megan', 'Neil', 'Niamh',
  'Oliver', 'Olivia', 'Patrick', 'Priya', 'Quentin', 'Rachel', 'Simon', 'Sophie', 'Trevor', 'Una', 'William', 'Yasmin',
];
/** 40 Smiths, each born on a different day. */
const SMITHS: SyntheticPerson[] = GIVEN.map((givenNames, i) => ({
  familyName: 'Smith',
  givenNames,
  birthDate: new Date(Date.UTC(1950, 0, 1) + i * 397 * 86_400_000).toISOString().slice(0, 10),
  sex: i % 2 === 0 ? 'male' : 'female',
}));
const BORN_3_APRIL_88: SyntheticPerson = { familyName: 'Smith', givenNames: 'Zachary', birthDate: '1988-04-03', sex: 'male' };
const SMITHSON: SyntheticPerson = { familyName: 'Smithson', givenNames: 'Adam', birthDate: '1979-06-01', sex: 'male' };
const WALSH: SyntheticPerson = { familyName: 'Walsh', givenNames: 'Orla', birthDate: '1983-02-11', sex: 'female' };
/** Born on another day: the same day would make her a likely duplicate of Orla Walsh at registration. */
const WELSH: SyntheticPerson = { familyName: 'Welsh', givenNames: 'Orla', birthDate: '1984-07-30', sex: 'female' };
const JOHN_PARR: SyntheticPerson = { familyName: 'Parrington', givenNames: 'John', birthDate: '1991-09-09', sex: 'male' };

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openSignedIn(browser, pageErrors));
  const admin = await setupSession(context);
  for (const p of [...SMITHS, BORN_3_APRIL_88, SMITHSON, WALSH, WELSH, JOHN_PARR]) await registerPerson(admin, p);
});

test.afterAll(async () => {
  await context.close();
});

const summary = () => page.getByTestId('search-summary');
const rows = () => page.getByTestId('search-results').getByTestId('search-result');
const nameLinks = () => rows().getByRole('link');

test('"smith" states the true total, shows the best 25 first, and every Smith is reachable page by page', async () => {
  await searchBox(page).fill('smith');
  await expect(summary()).toContainText(/^\d+ people match “smith”: showing the best 25\. Add a first name or date of birth/);
  const total = Number((await summary().textContent())?.match(/^(\d+)/)?.[1]);
  expect(total).toBeGreaterThanOrEqual(SMITHS.length + 2);
  await expect(rows()).toHaveCount(25);
  await expect(page.getByTestId('search-results').locator('caption')).toHaveText(`${total} people found for “smith”: showing 1 to 25`);
  await snapshot(page, '40-smith-page-1');

  const seen: string[] = [];
  for (let pageNo = 1; ; pageNo++) {
    await expect(page.getByTestId('search-page')).toHaveText(new RegExp(`^Page ${pageNo} of \\d+$`));
    seen.push(...(await nameLinks().allTextContents()));
    const next = page.getByTestId('search-pager').getByRole('button', { name: /Next/ });
    if ((await next.count()) === 0) break;
    await next.click();
    // The summary takes focus and says which part of the list is shown.
    await expect(summary()).toBeFocused();
    await expect(summary()).toContainText(`showing ${pageNo * 25 + 1} to`);
  }
  // Everyone, once: the pages add up to the total.
  expect(seen).toHaveLength(total);
  expect(new Set(seen).size).toBe(total);
  for (const p of [...SMITHS, BORN_3_APRIL_88]) expect(seen).toContain(`SMITH, ${p.givenNames}`);
  // Exact family names first, then names starting with it.
  const firstOther = seen.findIndex((n) => !n.startsWith('SMITH, '));
  expect(seen.slice(firstOther).some((n) => n.startsWith('SMITH, '))).toBe(false);
  expect(seen.indexOf('SMITHSON, Adam')).toBeGreaterThanOrEqual(firstOther);

  // And back.
  await page.getByTestId('search-pager').getByRole('button', { name: /Previous/ }).click();
  await expect(summary()).toBeFocused();
});

test('adding a first name narrows it; the first given name ranks before a middle one', async () => {
  await searchBox(page).fill('smith tre');
  await expect(rows().first()).toContainText('SMITH, Trevor');
  await expect(summary()).toContainText(/^1 person matches|^\d+ people match/);
});

test('a date of birth typed 3/4/88 puts the Smith born that day first', async () => {
  await searchBox(page).fill('smith 3/4/88');
  await expect(summary()).toContainText('nearest date of birth to 03-Apr-1988 first');
  await expect(rows().first()).toContainText('SMITH, Zachary');
  await expect(rows().first()).toContainText('03-Apr-1988');
});

test('a date of birth typed 3 April 1988 finds the people born that day', async () => {
  await searchBox(page).fill('3 April 1988');
  await expect(summary()).toContainText(/born on 03-Apr-1988/);
  await expect(rows().filter({ hasText: 'SMITH, Zachary' })).toHaveCount(1);
  await expect(rows().filter({ hasText: 'SMITH, Zachary' }).getByTestId('found-by')).toHaveText('Date of birth');
});

test('similar-sounding names come as a second group: Walsh and Welsh, Jon and John', async () => {
  await searchBox(page).fill('walsh orla');
  await expect(rows().filter({ hasText: 'WALSH, Orla' })).toHaveCount(1);
  const similar = page.getByTestId('similar-results');
  await expect(similar.locator('caption')).toHaveText('Similar-sounding names (not spelt as typed)');
  const welsh = similar.getByTestId('search-result').filter({ hasText: 'WELSH, Orla' });
  await expect(welsh).toHaveCount(1);
  await expect(welsh.getByTestId('found-by')).toHaveText('Sounds like WELSH, Orla');
  await expect(summary()).toHaveText('1 person matches “walsh orla”: showing 1 to 1. 1 more person with similar-sounding names after them.');
  await snapshot(page, '40-similar-sounding');

  await searchBox(page).fill('jon parrington');
  await expect(summary()).toContainText('No one is spelt like “jon parrington”. 1 person with similar-sounding names.');
  await expect(similar.getByTestId('search-result').filter({ hasText: 'PARRINGTON, John' })).toHaveCount(1);
});

test('a search that finds nobody says so, and the screen stays accessible', async () => {
  await searchBox(page).fill('zzqx');
  await expect(page.getByTestId('no-results')).toBeVisible();
  await expectAccessible(page, 'search: nobody found');
  await searchBox(page).fill('');
  await expectAccessible(page, 'search: empty');
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.includes(META_FRAME_ANCESTORS))).toEqual([]);
});
