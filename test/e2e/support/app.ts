// Shared steps for the browser tests: open the app the way a user does (through the launch URL),
// sign in, and the synthetic people and staff the tests use.
import { expect, type Browser, type BrowserContext, type Page, type Request } from '@playwright/test';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../contract/channels';
import type { RpcResult } from '../../../contract/result';
import { hostOrigin, launchSecretFor, launchUrl } from './env';

export const ADMIN = {
  fullName: 'Alex Morgan',
  username: 'alex.morgan',
  password: 'correct horse battery staple',
} as const;

/** Synthetic people only. 943 476 5919 is the NHS number from the NHS's own examples. */
export const MARY_JONES = {
  familyName: 'Jones',
  givenNames: 'Mary',
  title: 'Mrs',
  day: '14',
  month: '7',
  year: '1945',
  sex: 'Female',
  nhsNumber: '9434765919',
  nhsFormatted: '943 476 5919',
  born: '14-Jul-1945',
} as const;

export const DAVID_JONES = {
  familyName: 'Jones',
  givenNames: 'David',
  day: '2',
  month: '3',
  year: '1990',
  sex: 'Male',
  born: '02-Mar-1990',
} as const;

/** A new browser context that has been through the launch URL, with the app showing its first screen. */
export async function openApp(browser: Browser, beforeLoad?: (page: Page) => void, url: string = launchUrl()): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  trackCalls(page);
  beforeLoad?.(page);
  await page.goto(url);
  await expect(page.locator('main')).not.toHaveAttribute('data-route', 'starting');
  return { context, page };
}

const inFlight = new WeakMap<Page, Set<Request>>();
/** When each long poll now open was sent (ms). */
const heldPolls = new WeakMap<Page, Map<Request, number>>();
/** Calls that wait for news by design (the notice long poll) never settle, so they are not counted. */
const LONG_POLLS = ['/rpc/notices.wait'];

function trackCalls(page: Page): void {
  const pending = new Set<Request>();
  const polls = new Map<Request, number>();
  inFlight.set(page, pending);
  heldPolls.set(page, polls);
  page.on('request', (request) => {
    if (LONG_POLLS.some((path) => request.url().includes(path))) polls.set(request, Date.now());
    else pending.add(request);
  });
  const done = (request: Request): void => {
    pending.delete(request);
    polls.delete(request);
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Waits until the notice long poll has been held open by the host for heldMs: after sign-in the
 * app sends it (and may send it again at once to catch up), so until then a call of its own is due.
 */
export async function longPollHeld(page: Page, heldMs = 1000, timeoutMs = 15_000): Promise<void> {
  const polls = heldPolls.get(page);
  if (!polls) throw new Error('longPollHeld() needs a page opened with openApp');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ([...polls.values()].some((sentAt) => Date.now() - sentAt >= heldMs)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`no notice long poll held open for ${heldMs} ms within ${timeoutMs} ms`);
}

/**
 * Waits until the page has had no call in flight for quietMs: Playwright's 'networkidle' never
 * comes while the app holds its notice long poll open.
 */
export async function settled(page: Page, quietMs = 500, timeoutMs = 15_000): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) throw new Error('settled() needs a page opened with openApp');
  const deadline = Date.now() + timeoutMs;
  let quietSince = pending.size === 0 ? Date.now() : Number.POSITIVE_INFINITY;
  while (Date.now() < deadline) {
    await page.waitForTimeout(50);
    if (pending.size > 0) quietSince = Number.POSITIVE_INFINITY;
    else if (quietSince === Number.POSITIVE_INFINITY) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
  }
  throw new Error(`calls still in flight after ${timeoutMs} ms: ${[...pending].map((r) => r.url()).join(', ')}`);
}

/** A call straight to the host's RPC endpoint, with the host's launch secret as the page sends it. */
export async function rpc<C extends ChannelName>(
  context: BrowserContext,
  channel: C,
  input: ChannelInput<C>,
  session?: string,
  origin: string = hostOrigin(),
): Promise<RpcResult<ChannelOutput<C>>> {
  const response = await context.request.post(`${origin}/rpc/${channel}`, {
    data: input,
    headers: { 'Content-Type': 'application/json', 'X-Sonar-Launch': launchSecretFor(origin), ...(session ? { 'X-Sonar-Session': session } : {}) },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as RpcResult<ChannelOutput<C>>;
}

/** Makes sure the administrator exists, so a spec can also run on its own against a fresh site. */
export async function ensureAdmin(context: BrowserContext, origin: string = hostOrigin(), clinicalRole: 'custody_hcp' | 'prison_nurse' = 'custody_hcp'): Promise<void> {
  const status = await rpc(context, 'setup.status', {}, undefined, origin);
  if (!status.ok) throw new Error(`setup.status failed: ${status.error.message}`);
  if (!status.value.needsFirstAdmin) return;
  const created = await rpc(context, 'setup.createFirstAdmin', { ...ADMIN, clinicalRole }, undefined, origin);
  if (!created.ok) throw new Error(`setup.createFirstAdmin failed: ${created.error.message}`);
}

export async function signIn(page: Page, username: string = ADMIN.username, password: string = ADMIN.password): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export function searchBox(page: Page) {
  return page.getByLabel('Search by name, date of birth or any identifier');
}

export function banner(page: Page) {
  return page.getByTestId('patient-banner');
}

/** Chromium reports this for the CSP meta tag (the header enforces frame-ancestors); not a page fault. */
export const META_FRAME_ANCESTORS = "The Content Security Policy directive 'frame-ancestors' is ignored when delivered via a <meta> element.";

/** Opens the custody site signed in as the administrator, collecting page errors and console errors/warnings into `pageErrors`. */
export async function openSignedIn(browser: Browser, pageErrors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openApp(browser, (p) => {
    p.on('pageerror', (err) => pageErrors.push(`pageerror: ${err.message}`));
    p.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') pageErrors.push(`console ${msg.type()}: ${msg.text()}`);
    });
  });
  await ensureAdmin(opened.context);
  await opened.page.reload();
  await signIn(opened.page);
  await expect(searchBox(opened.page)).toBeFocused();
  return opened;
}
