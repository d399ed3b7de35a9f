import type { Page } from '@playwright/test';

export interface PersonToRegister {
  familyName: string;
  givenNames: string;
  title?: string;
  day: string;
  month: string;
  year: string;
  sex: string;
  /** Typed as given; absent means "NHS number not known" is ticked. */
  nhsNumber?: string;
}

/** Fills the "Register a person" form the way a user would (labels, not ids). Does not submit. */
export async function fillRegisterForm(page: Page, person: PersonToRegister): Promise<void> {
  await page.getByLabel('Family name').fill(person.familyName);
  await page.getByLabel('Given names').fill(person.givenNames);
  if (person.title) await page.getByLabel('Title (optional)').fill(person.title);
  const born = page.getByRole('group', { name: 'Date of birth' });
  await born.getByLabel('Day').fill(person.day);
  await born.getByLabel('Month').fill(person.month);
  await born.getByLabel('Year').fill(person.year);
  await page.getByRole('group', { name: 'Sex' }).getByLabel(person.sex, { exact: true }).check();
  if (person.nhsNumber === undefined) {
    await page.getByLabel('NHS number not known').check();
  } else {
    const box = page.getByLabel('NHS number', { exact: true });
    await box.fill('');
    await box.pressSequentially(person.nhsNumber);
  }
}
