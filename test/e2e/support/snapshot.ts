import { test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';

/**
 * After a full-page screenshot headless Chromium can leave the compositor's scroll offset behind
 * the page's own: the next click's mousedown and mouseup then land on different elements. Scrolling
 * to where the page already is puts the two back in step.
 */
export async function resyncScroll(page: Page): Promise<void> {
  await page.evaluate(() => {
    const y = window.scrollY;
    window.scrollTo(0, y + 1);
    window.scrollTo(0, y);
  });
}

/**
 * A full-page screenshot attached to the report (and kept under test-results/screens to look at),
 * and an axe accessibility check of the same screen: every screen a spec photographs is checked.
 */
export async function snapshot(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  const body = await page.screenshot({ fullPage: true, path: `test-results/screens/${name}.png` });
  await resyncScroll(page);
  await test.info().attach(name, { body, contentType: 'image/png' });
}
