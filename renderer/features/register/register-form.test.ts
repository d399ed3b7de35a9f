import { describe, expect, it } from 'vitest';
import { checkBirthDate, checkNhsNumberField, emptyDraft, validateRegister, type RegisterDraft } from './register-form';

const today = '2026-11-23';
const good: RegisterDraft = {
  ...emptyDraft,
  familyName: ' Jones ',
  givenNames: 'Mary Ann',
  title: '',
  birthDay: '14',
  birthMonth: '7',
  birthYear: '1945',
  sex: 'female',
  nhsNumber: '943 476 5919',
};

describe('checkBirthDate', () => {
  it('turns the three boxes into an ISO date', () => {
    expect(checkBirthDate('14', '7', '1945', today)).toEqual({ ok: true, value: '1945-07-14' });
    expect(checkBirthDate('01', '01', '2000', today)).toEqual({ ok: true, value: '2000-01-01' });
  });

  it('says which parts are missing', () => {
    expect(checkBirthDate('', '', '', today)).toMatchObject({ ok: false, message: 'Enter the date of birth' });
    expect(checkBirthDate('14', '', '1945', today)).toMatchObject({ ok: false, message: 'Date of birth must include a month', parts: ['month'] });
    expect(checkBirthDate('', '', '1945', today)).toMatchObject({ message: 'Date of birth must include a day and month' });
  });

  it('refuses dates that do not exist, are in the future or implausibly old', () => {
    expect(checkBirthDate('30', '2', '2001', today)).toMatchObject({ ok: false, message: 'Date of birth must be a real date' });
    expect(checkBirthDate('14', '7', '45', today)).toMatchObject({ ok: false, message: 'Year must include 4 numbers', parts: ['year'] });
    expect(checkBirthDate('24', '11', '2026', today)).toMatchObject({ ok: false, message: 'Date of birth must be today or in the past' });
    expect(checkBirthDate('1', '1', '1850', today)).toMatchObject({ ok: false, parts: ['year'] });
    expect(checkBirthDate('a', '7', '1945', today)).toMatchObject({ ok: false, parts: ['day'] });
  });
});

describe('checkNhsNumberField', () => {
  it('uses the domain check and its message', () => {
    expect(checkNhsNumberField('943 476 5919', false, false)).toBeNull();
    expect(checkNhsNumberField('943 476 5918', false, false)).toMatch(/check digit does not match/);
    expect(checkNhsNumberField('943 476', false, false)).toBe('NHS number must be 10 digits (you entered 6)');
    expect(checkNhsNumberField('999 000 0018', false, false)).toMatch(/test numbers/);
  });

  it('needs a number or an explicit "not known"', () => {
    expect(checkNhsNumberField('', false, false)).toMatch(/Enter the NHS number/);
    expect(checkNhsNumberField('', true, false)).toBeNull();
    expect(checkNhsNumberField('garbage', true, false)).toBeNull();
  });
});

describe('validateRegister', () => {
  it('builds the channel input from a good draft', () => {
    expect(validateRegister(good, { today, allowTestNumbers: true })).toEqual({
      ok: true,
      input: { familyName: 'Jones', givenNames: 'Mary Ann', title: null, birthDate: '1945-07-14', sex: 'female', nhsNumber: '9434765919' },
    });
  });

  it('sends no NHS number when it is marked not known', () => {
    const r = validateRegister({ ...good, nhsNumber: '123', nhsNumberNotKnown: true }, { today, allowTestNumbers: true });
    expect(r.ok && r.input.nhsNumber).toBeNull();
  });

  it('collects every problem at once, each aimed at its control', () => {
    const r = validateRegister(emptyDraft, { today, allowTestNumbers: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors)).toEqual(['familyName', 'givenNames', 'birthDate', 'sex', 'nhsNumber']);
    expect(r.errors.birthDate?.target).toBe('birthDate-day');
    expect(r.errors.familyName?.message).toBe('Enter the family name');
  });

  it('points a date error at the first part at fault', () => {
    const r = validateRegister({ ...good, birthMonth: '' }, { today, allowTestNumbers: true });
    expect(!r.ok && r.errors.birthDate?.target).toBe('birthDate-month');
  });
});
