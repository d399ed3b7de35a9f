// The shared input rules every channel uses: real calendar dates and date-times, and text and names
// without the characters that can make one name display as another.
import { describe, expect, it } from 'vitest';
import { calendarDate, calendarDateTime, disallowedCharacter, nameText, text } from './common';

describe('calendar dates', () => {
  const date = calendarDate('Date of the decision');
  it.each(['2024-13-45', '2024-02-30', '2023-02-29', '0000-00-00', '0000-01-01', '2024-1-05', '2024-04-31', '1799-12-31', '2201-01-01', ' 2024-01-01'])(
    'refuses %s',
    (value) => expect(date.safeParse(value).success).toBe(false),
  );
  it.each(['2024-02-29', '2000-02-29', '1850-01-01', '2026-11-23'])('accepts %s', (value) => expect(date.safeParse(value).success).toBe(true));
  it('names the field and the problem', () => {
    const r = date.safeParse('2024-02-30');
    expect(r.success ? '' : r.error.issues[0]?.message).toBe('Date of the decision is not a real date');
  });
});

describe('calendar date-times', () => {
  const dateTime = calendarDateTime('Arrived at');
  it.each(['2024-02-30T10:00:00Z', '2024-02-29T24:00:00Z', '0000-01-01T00:00:00Z', '2024-01-01T10:00:00', '2024-01-01T10:00:00+25:00'])('refuses %s', (value) =>
    expect(dateTime.safeParse(value).success).toBe(false),
  );
  it.each(['2024-02-29T23:59:59Z', '2026-11-23T09:00:00.123+01:00'])('accepts %s', (value) => expect(dateTime.safeParse(value).success).toBe(true));
});

describe('names', () => {
  const name = nameText('Family name', 100);
  it.each([
    ['a right-to-left override', 'Smith\u202Edrawkcab', 'U+202E (a direction-changing character)'],
    ['a zero-width space', 'Sm\u200Bith', 'U+200B (an invisible character)'],
    ['a zero-width joiner', 'Sm\u200Dith', 'U+200D (an invisible joining character)'],
    ['a non-character', 'Smith\uFFFF', 'U+FFFF (a code point that is not a character)'],
    ['a lone surrogate', 'Smith\uD800', 'U+D800 (a broken character (half of a surrogate pair))'],
    ['a control character', 'Smi\u0007th', 'U+0007 (a control character or line break)'],
    ['a C1 control', 'Smi\u0085th', 'U+0085 (a control character or line break)'],
    ['a soft hyphen', 'Smi\u00ADth', 'U+00AD (an invisible character)'],
  ])('refuses %s, naming it', (_, value, named) => {
    const r = name.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.success ? '' : r.error.issues[0]?.message).toBe(`Family name contains a character that is not allowed: ${named}. Retype it rather than pasting it.`);
  });
  it('refuses spaces other than the ordinary one', () => expect(name.safeParse('De\u00A0Souza').success).toBe(false));
  it.each(["O'Brien", 'O’Brien', 'Smith-Jones', 'Zoë', 'Nguyễn', 'Ó Súilleabháin', '李', 'Müller', 'de la Cruz'])('accepts %s', (value) =>
    expect(name.safeParse(value).success).toBe(true),
  );
  it('stores the composed form, so names that look the same are the same', () => {
    expect(name.parse('Zoe\u0308')).toBe('Zo\u00EB');
  });
});

describe('free text', () => {
  it('allows joiners (emoji, some scripts) but not direction overrides or invisible spaces', () => {
    const note = text('Notes', 1000);
    expect(note.safeParse('Family visit 👨\u200D👩\u200D👧').success).toBe(true);
    expect(note.safeParse('see \u202Eevil').success).toBe(false);
    expect(note.safeParse('see\u200Bthis').success).toBe(false);
  });
  it('names nothing when the text is clean', () => expect(disallowedCharacter('Plain text, 123', true)).toBeNull());
});
