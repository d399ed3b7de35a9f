// Issue 7 item 7: the launch secret cannot be read by another program listening on 127.0.0.1.
// Cookies are not port-scoped, so a cookie carrying the secret would be sent to every local port
// the browser visits. A listener on another port records everything the browser sends it while
// the app is in use in the same browser; the secret must appear nowhere in it, nor in that
// page's own reach (its cookies and storage), nor in the address bar.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { ADMIN, ensureAdmin, openApp, searchBox, signIn } from './support/app';
import { launchUrl } from './support/env';

test('another local port never receives or reaches the launch secret', async ({ browser }) => {
  const secret = /[#?]launch=([^&#]+)/.exec(launchUrl())?.[1] ?? '';
  expect(secret.length).toBeGreaterThan(16);
  const seen: string[] = [];
  const listener = createServer((req: IncomingMessage, res) => {
    seen.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}`);
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>another local program</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const other = `http://127.0.0.1:${(listener.address() as AddressInfo).port}`;
  try {
    const { context, page } = await openApp(browser);
    await ensureAdmin(context);
    await page.reload();
    await signIn(page, ADMIN.username, ADMIN.password);
    await expect(searchBox(page)).toBeFocused();
    // The secret left the address bar as soon as the page took it.
    expect(page.url()).not.toContain(secret);

    const visit = await context.newPage();
    await visit.goto(`${other}/`);
    await visit.goto(`${other}/rpc/setup.status`);
    await context.request.get(`${other}/api`);
    const reach = await visit.evaluate(() => ({ cookies: document.cookie, local: JSON.stringify(localStorage), session: JSON.stringify(sessionStorage) }));

    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const request of seen) expect(request).not.toContain(secret);
    expect(JSON.stringify(reach)).not.toContain(secret);
    expect((await context.cookies()).map((c) => c.value).join(' ')).not.toContain(secret);
    await context.close();
  } finally {
    await new Promise<void>((resolve) => listener.close(() => resolve()));
  }
});
