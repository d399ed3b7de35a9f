// Issue 8 item 1: the one search box finds a person by every identifier they hold, in the forms
// people type them (an NHS number spaced or not, a CHI number, a prison number in lower case, a
// PNC ID in its short form, a custody record number, a local id), and by an alias; each result
// says which identifier matched. A number no one holds says what was looked up.
import type { ChannelInput } from '../../contract/channels';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { nhsCheckDigit } from '../../domain/identifiers/nhs-number';
import { formatPncId, pncCheckLetter } from '../../domain/identifiers/pnc-id';
import { META_FRAME_ANCESTORS, openSignedIn, rpc, searchBox } from './support/app';
import { setupSession } from './support/access';
import { snapshot } from './support/snapshot';

test.describe.configure({ mode: 'serial' });

/** Nine digits and the mod-11 check digit (the NHS and CHI rule); the first serial that has one. */
function withCheckDigit(prefix: string): string {
  for (let serial = 0; serial < 100; serial++) {
    const first9 = `${prefix}${String(serial).padStart(9 - prefix.length, '0')}`.slice(0, 9);
    const check = nhsCheckDigit(first9);
    if (check !== null) return first9 + String(check);
  }
  throw new Error(`no check digit for ${prefix}`);
}

const NHS = withCheckDigit('4010239');
/** CHI: born 12-Mar-1979 (120379), serial 1, male (odd 9th digit). */
const CHI = (() => {
  for (const serial of ['11', '13', '15', '17', '19', '21', '23']) {
    const first9 = `120379${serial}3`;
    const check = nhsCheckDigit(first9);
    if (check !== null) return first9 + String(check);
  }
  throw new Error('no CHI');
})();
const PNC_SERIAL = 45678;
const PNC = formatPncId(2011, PNC_SERIAL, pncCheckLetter(2011, PNC_SERIAL));
const spaced = (d: string) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;

const CHIDI: ChannelInput<'patients.register'> = {
  familyName: 'Okafor',
  givenNames: 'Chidi',
  title: null,
  birthDate: '1979-03-12',
  sex: 'male',
  nhsNumber: NHS,
  otherIdentifiers: [
    { type: 'chi_number', value: CHI },
    { type: 'nomis_number', value: 'K4821QZ' },
    { type: 'pnc_id', value: PNC },
    { type: 'custody_record_number', value: '07/334455/26' },
    { type: 'local_id', value: 'SOL-00931' },
  ],
  aliases: [{ familyName: 'Hughes', givenNames: 'Chris' }],
  reviewedDuplicates: [],
};

let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

test.beforeAll(async ({ browser }) => {
  ({ context, page } = await openSignedIn(browser, pageErrors));
  const admin = await setupSession(context);
  const r = await rpc(context, 'patients.register', CHIDI, admin.token);
  if (!r.ok) throw new Error(`registering Chidi Okafor failed: ${r.error.message}`);
});

test.afterAll(async () => {
  await context.close();
});

const rows = () => page.getByTestId('search-results').getByTestId('search-result');

const typedForms: [string, string, string][] = [
  ['an NHS number typed with spaces', spaced(NHS), `NHS number ${spaced(NHS)}`],
  ['an NHS number typed without spaces', NHS, `NHS number ${spaced(NHS)}`],
  ['a CHI number (a 10-digit number is tried as both)', CHI, `CHI number ${spaced(CHI)}`],
  ['a prison number in lower case', 'k4821qz', 'Prison number (NOMIS) K4821QZ'],
  ['a PNC ID in its short form', `11/${PNC_SERIAL}${PNC.slice(-1).toLowerCase()}`, `PNC ID ${PNC}`],
  ['a PNC ID in full', PNC, `PNC ID ${PNC}`],
  ['a custody record number', '07/334455/26', 'Custody record number 07/334455/26'],
  ['a local id in another case', 'sol-00931', 'Local ID SOL-00931'],
];

for (const [how, typed, foundBy] of typedForms) {
  test(`finds the person by ${how}, and says which identifier matched`, async () => {
    await searchBox(page).fill(typed);
    await expect(rows()).toHaveCount(1);
    await expect(rows().first()).toContainText('OKAFOR, Chidi');
    await expect(rows().first().getByTestId('found-by')).toHaveText(foundBy);
    await expect(page.getByTestId('search-summary')).toHaveText('1 person found by identifier.');
  });
}

test('finds the person by an alias, naming it', async () => {
  await searchBox(page).fill('hughes chris');
  const row = rows().filter({ hasText: 'OKAFOR, Chidi' });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('found-by')).toHaveText('Alias HUGHES, Chris');
  await snapshot(page, '41-found-by-alias');
});

test('a number no one holds says every identifier it was looked up as, and offers registration', async () => {
  await searchBox(page).fill('140 745 1235');
  await expect(page.getByTestId('search-summary')).toHaveText('No one at this site holds NHS number 140 745 1235, CHI number 140 745 1235 or Local ID 140 745 1235.');
  await expect(page.getByRole('button', { name: 'Register a new person' })).toBeVisible();
  await searchBox(page).fill('z9999zz');
  await expect(page.getByTestId('search-summary')).toContainText('No one at this site holds Prison number (NOMIS) Z9999ZZ');
  await snapshot(page, '41-identifier-not-held');
});

test('the page reported no errors along the way', () => {
  expect(pageErrors.filter((e) => !e.includes(META_FRAME_ANCESTORS))).toEqual([]);
});
