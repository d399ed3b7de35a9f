// Answering template questions the way a user does: by the question's words and the answer's.
import type { Page } from '@playwright/test';

function question(page: Page, label: string) {
  return page.getByTestId('template-form').getByRole('group', { name: label, exact: true });
}

/** A radio answer (yes/no, a choice, a scored item) by its label. */
export async function choose(page: Page, label: string, answer: string | RegExp): Promise<void> {
  await question(page, label).getByRole('radio', { name: answer, exact: typeof answer === 'string' }).check();
}

/** The n-th option of a radio question (scored items: the options are in order of points). */
export async function chooseNth(page: Page, label: string, n: number): Promise<void> {
  await question(page, label).getByRole('radio').nth(n).check();
}

export async function tick(page: Page, label: string, answer: string | RegExp): Promise<void> {
  await question(page, label).getByRole('checkbox', { name: answer, exact: typeof answer === 'string' }).check();
}

/** A text, number or multi-line answer by its label. */
export async function type(page: Page, label: string, text: string): Promise<void> {
  await page.getByTestId('template-form').getByRole('textbox', { name: label }).fill(text);
}

/** Stubs window.print: the test can then see it was called, and no dialog opens. */
export async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __printed: number; print: () => void };
    w.__printed = 0;
    w.print = () => {
      w.__printed += 1;
    };
  });
}

export async function printCalls(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __printed?: number }).__printed ?? 0);
}
