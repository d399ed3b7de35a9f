// What the "Register a person" form checks before anything is sent. The server checks again
// (contract schemas); these rules exist to give clear messages at the field, early.
import type { ChannelInput } from '../../../contract/channels';
import type { Sex } from '../../../contract/channels/patients';
import { checkNhsNumber } from '../../../domain/identifiers/nhs-number';
import { parseIsoDate } from '../../../domain/person/clinical-date';
import type { FieldErrors } from '../../app/form-errors';

export type RegisterField = 'familyName' | 'givenNames' | 'title' | 'birthDate' | 'sex' | 'nhsNumber';
export const registerFields: readonly RegisterField[] = ['familyName', 'givenNames', 'title', 'birthDate', 'sex', 'nhsNumber'];

/** The control each field's summary link moves to. */
export const registerTargets: Partial<Record<RegisterField, string>> = { birthDate: 'birthDate-day', sex: 'sex-female' };

export interface RegisterDraft {
  familyName: string;
  givenNames: string;
  title: string;
  birthDay: string;
  birthMonth: string;
  birthYear: string;
  sex: Sex | '';
  nhsNumber: string;
  nhsNumberNotKnown: boolean;
}

export const emptyDraft: RegisterDraft = {
  familyName: '',
  givenNames: '',
  title: '',
  birthDay: '',
  birthMonth: '',
  birthYear: '',
  sex: '',
  nhsNumber: '',
  nhsNumberNotKnown: false,
};

export type DatePart = 'day' | 'month' | 'year';
export type DateCheck = { ok: true; value: string } | { ok: false; message: string; parts: DatePart[] };

const EARLIEST_YEAR = 1900;

function joinParts(parts: DatePart[]): string {
  return parts.length === 1 ? `a ${parts[0]}` : `a ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Day, month and year boxes (NHS date input) -> ISO date, or the message for the parts at fault. */
export function checkBirthDate(day: string, month: string, year: string, today: string): DateCheck {
  const d = day.trim();
  const m = month.trim();
  const y = year.trim();
  if (!d && !m && !y) return { ok: false, message: 'Enter the date of birth', parts: ['day', 'month', 'year'] };
  const missing = (['day', 'month', 'year'] as const).filter((_, i) => [d, m, y][i] === '');
  if (missing.length > 0) return { ok: false, message: `Date of birth must include ${joinParts([...missing])}`, parts: [...missing] };
  const notNumbers = (['day', 'month', 'year'] as const).filter((_, i) => !/^\d+$/.test([d, m, y][i] ?? ''));
  if (notNumbers.length > 0) return { ok: false, message: 'Date of birth must be a real date, in numbers (for example 14 7 1945)', parts: [...notNumbers] };
  if (y.length !== 4) return { ok: false, message: 'Year must include 4 numbers', parts: ['year'] };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (d.length > 2 || m.length > 2 || parseIsoDate(iso) === null) {
    return { ok: false, message: 'Date of birth must be a real date', parts: ['day', 'month', 'year'] };
  }
  if (iso > today) return { ok: false, message: 'Date of birth must be today or in the past', parts: ['day', 'month', 'year'] };
  if (Number(y) < EARLIEST_YEAR) return { ok: false, message: `Date of birth must be after ${EARLIEST_YEAR}. Check the year`, parts: ['year'] };
  return { ok: true, value: iso };
}

/** The message for the NHS number box, or null when it is acceptable (or marked not known). */
export function checkNhsNumberField(value: string, notKnown: boolean, allowTestNumbers: boolean): string | null {
  if (notKnown) return null;
  if (value.trim() === '') return 'Enter the NHS number, or select "NHS number not known"';
  const check = checkNhsNumber(value, { allowTestNumbers });
  return check.ok ? null : check.reason;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

function checkName(value: string, label: string, required: boolean, max: number): string | null {
  const v = value.trim();
  if (required && v === '') return `Enter the ${label}`;
  if (v.length > max) return `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`;
  if (CONTROL.test(v)) return `${label[0]?.toUpperCase()}${label.slice(1)} contains characters that are not allowed`;
  return null;
}

export type RegisterCheck =
  | { ok: true; input: ChannelInput<'patients.register'> }
  | { ok: false; errors: FieldErrors<RegisterField> };

export function validateRegister(draft: RegisterDraft, ctx: { today: string; allowTestNumbers: boolean }): RegisterCheck {
  const errors: FieldErrors<RegisterField> = {};
  const family = checkName(draft.familyName, 'family name', true, 100);
  if (family) errors.familyName = { message: family };
  const given = checkName(draft.givenNames, 'given names', true, 100);
  if (given) errors.givenNames = { message: given };
  const title = checkName(draft.title, 'title', false, 20);
  if (title) errors.title = { message: title };
  const born = checkBirthDate(draft.birthDay, draft.birthMonth, draft.birthYear, ctx.today);
  if (!born.ok) errors.birthDate = { message: born.message, target: `birthDate-${born.parts[0] ?? 'day'}`, parts: born.parts };
  if (draft.sex === '') errors.sex = { message: 'Select the sex, or "Not known"', target: 'sex-female' };
  const nhs = checkNhsNumberField(draft.nhsNumber, draft.nhsNumberNotKnown, ctx.allowTestNumbers);
  if (nhs) errors.nhsNumber = { message: nhs };

  if (Object.keys(errors).length > 0 || !born.ok || draft.sex === '') return { ok: false, errors };
  return {
    ok: true,
    input: {
      familyName: draft.familyName.trim(),
      givenNames: draft.givenNames.trim(),
      title: draft.title.trim() === '' ? null : draft.title.trim(),
      birthDate: born.value,
      sex: draft.sex,
      nhsNumber: draft.nhsNumberNotKnown ? null : draft.nhsNumber.replace(/[\s-]/g, ''),
    },
  };
}
