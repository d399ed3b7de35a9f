import { describe, expect, it } from 'vitest';
import { checkNomisNumber } from './nomis-number';

describe('NOMIS prison number', () => {
  it('accepts A1234BC (the documented format)', () => {
    // letter A, digits 1234, letters BC.
    expect(checkNomisNumber('A1234BC')).toEqual({ ok: true, value: 'A1234BC' });
  });

  it('trims and uppercases before checking', () => {
    // " a1234bc " -> "A1234BC".
    expect(checkNomisNumber(' a1234bc ')).toEqual({ ok: true, value: 'A1234BC' });
    expect(checkNomisNumber('g0000zz')).toEqual({ ok: true, value: 'G0000ZZ' });
  });

  it('refuses empty input and wrong lengths, saying how many characters were entered', () => {
    expect(checkNomisNumber('')).toEqual({ ok: false, reason: 'Enter a prison number' });
    expect(checkNomisNumber('   ')).toEqual({ ok: false, reason: 'Enter a prison number' });
    // 6 characters: a digit missing.
    expect(checkNomisNumber('A123BC')).toMatchObject({ ok: false, reason: expect.stringMatching(/7 characters.*you entered 6/) });
    // 8 characters.
    expect(checkNomisNumber('A12345BC')).toMatchObject({ ok: false, reason: expect.stringMatching(/you entered 8/) });
    // An inner space is not removed: "A1234 BC" is 8 characters.
    expect(checkNomisNumber('A1234 BC')).toMatchObject({ ok: false, reason: expect.stringMatching(/you entered 8/) });
  });

  it('names the part that is wrong when the length is right', () => {
    // 11234BC: starts with a digit.
    expect(checkNomisNumber('11234BC')).toMatchObject({ ok: false, reason: expect.stringMatching(/start with a letter/) });
    // AB234BC: letter where the digits go.
    expect(checkNomisNumber('AB234BC')).toMatchObject({ ok: false, reason: expect.stringMatching(/4 digits after the first letter/) });
    // A1234B1: ends with a digit.
    expect(checkNomisNumber('A1234B1')).toMatchObject({ ok: false, reason: expect.stringMatching(/end with 2 letters/) });
    // Non-ASCII letters are not letters here: É is refused.
    expect(checkNomisNumber('É1234BC')).toMatchObject({ ok: false, reason: expect.stringMatching(/start with a letter/) });
  });
});
