import { describe, expect, it } from 'vitest';
import { serverErrors, summaryItems } from './form-errors';

const fields = ['familyName', 'birthDate', 'nhsNumber'] as const;

describe('form errors', () => {
  it('lists field errors in form order, then general ones', () => {
    const items = summaryItems(fields, { nhsNumber: { message: 'B' }, familyName: { message: 'A' }, birthDate: { message: 'C', target: 'birthDate-day' } }, ['D']);
    expect(items).toEqual([
      { message: 'A', target: 'familyName' },
      { message: 'C', target: 'birthDate-day' },
      { message: 'B', target: 'nhsNumber' },
      { message: 'D', target: null },
    ]);
  });

  it('maps server issues to the fields their path names', () => {
    const r = serverErrors(
      fields,
      {
        code: 'invalid_input',
        message: 'birthDate: Date of birth is not a real date',
        path: 'birthDate',
        issues: [
          { path: 'birthDate', message: 'Date of birth is not a real date' },
          { path: 'nhsNumber', message: 'NHS number is not valid' },
          { path: 'extra', message: 'Unrecognised key' },
        ],
      },
      { birthDate: 'birthDate-day' },
    );
    expect(r.fields).toEqual({
      birthDate: { message: 'Date of birth is not a real date', target: 'birthDate-day' },
      nhsNumber: { message: 'NHS number is not valid' },
    });
    expect(r.general).toEqual(['Unrecognised key']);
  });

  it('uses the single path of a conflict, or the summary when there is none', () => {
    expect(serverErrors(fields, { code: 'conflict', message: 'Already registered', path: 'nhsNumber' }).fields.nhsNumber?.message).toBe('Already registered');
    expect(serverErrors(fields, { code: 'internal', message: 'Something went wrong' })).toEqual({ fields: {}, general: ['Something went wrong'] });
  });
});
