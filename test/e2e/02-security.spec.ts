// The page's own defences: the Content-Security-Policy blocks injected script and outside
// connections, and the browser host answers no call from a page that did not open the launch URL.
import { expect, test } from '@playwright/test';
import { ADMIN, ensureAdmin, longPollHeld, openApp, searchBox, settled, signIn } from './support/app';
import { hostOrigin } from './support/env';

const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

test('the page carries the same strict CSP in its meta tag as in the header', async ({ browser }) => {
  const { context, page } = await openApp(browser);
  const response = await context.request.get(`${hostOrigin()}/`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-security-policy']).toBe(POLICY);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', POLICY);
  await context.close();
});

test('the CSP stops injected inline script', async ({ browser }) => {
  const { context, page } = await openApp(browser);
  const violation = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
      }),
  );
  // Playwright itself reports the CSP refusal as an error; what matters is that nothing ran.
  await page.addScriptTag({ content: 'window.__injected = 1' }).catch(() => undefined);
  expect(await violation).toMatch(/^script-src/);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  await context.close();
});

test('the CSP stops connections to anywhere but the app itself', async ({ browser }) => {
  const { context, page } = await openApp(browser);
  const outcome = await page.evaluate(async () => {
    let directive = '';
    document.addEventListener('securitypolicyviolation', (e) => (directive = e.effectiveDirective));
    try {
      await fetch('https://example.org');
      return { rejected: false, directive };
    } catch {
      await new Promise((r) => setTimeout(r, 50)); // the violation event may follow the rejection
      return { rejected: true, directive };
    }
  });
  expect(outcome).toEqual({ rejected: true, directive: 'connect-src' });
  await context.close();
});

test('without the launch secret the host answers no call, and the page says how to open SONAR', async ({ browser, playwright }) => {
  const stranger = await browser.newContext();
  const page = await stranger.newPage();
  await page.goto(`${hostOrigin()}/`);
  await expect(page.getByText('Open SONAR with the address printed when it started.')).toBeVisible();
  const wrongSecret = await stranger.newPage();
  await wrongSecret.goto(`${hostOrigin()}/#launch=not-the-secret-0123456789`);
  await expect(wrongSecret.getByText('Open SONAR with the address printed when it started.')).toBeVisible();
  await stranger.close();

  const api = await playwright.request.newContext();
  const rpc = await api.post(`${hostOrigin()}/rpc/setup.status`, { data: {}, headers: { 'Content-Type': 'application/json' } });
  expect(rpc.status()).toBe(403);
  await api.dispose();
});

test('losing the launch secret mid-session returns to sign-in with the reason', async ({ browser }) => {
  const { context, page } = await openApp(browser);
  await ensureAdmin(context);
  await page.reload();
  await signIn(page, ADMIN.username, ADMIN.password);
  await expect(searchBox(page)).toBeFocused();
  // The first calls after sign-in carry the secret; clear it only once none of the app's own is due.
  await longPollHeld(page);
  await settled(page);

  await page.evaluate(() => sessionStorage.clear());
  // The next call finds the secret gone: typing a search, or the app's own notice long poll when it
  // comes round first (then the search box has already gone, and there is nothing to type into).
  await searchBox(page)
    .fill('jones', { timeout: 3000 })
    .catch(() => undefined);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('Open SONAR with the address printed when it started.');
  await expect(page.getByTestId('signed-in-user')).toHaveCount(0);
  await context.close();
});
