import { describe, expect, it } from 'vitest';
import { familyKey, firstGivenKey, givenKey, nameIndexEntry, otherNameWords, queryWords, soundCodes } from './search-keys';

describe('name keys', () => {
  it('joins a family name into one word however it is written', () => {
    expect(familyKey("O'Brien")).toBe('obrien');
    expect(familyKey('O Brien')).toBe('obrien');
    expect(familyKey('Smith-Jones')).toBe('smithjones');
    expect(familyKey('van der Berg')).toBe('vanderberg');
    expect(familyKey('Zoë Ørsted')).toBe('zoeorsted');
  });

  it('keeps given names as words, the first given name first', () => {
    expect(givenKey('Mary-Jane  Ann')).toBe('maryjane ann');
    expect(firstGivenKey('Mary-Jane Ann')).toBe('maryjane');
    expect(firstGivenKey('')).toBe('');
  });

  it('keeps the parts of joined names and later given names as other words', () => {
    expect(otherNameWords('Smith-Jones', 'Mary-Jane Ann')).toEqual(expect.arrayContaining(['smith', 'jones', 'mary', 'jane', 'ann']));
    expect(otherNameWords('Smith', 'John')).toEqual([]);
  });

  it('reads query words as joined keys, distinct, in typed order', () => {
    expect(queryWords("smith O'Brien smith")).toEqual(['smith', 'obrien']);
  });

  it('gives the same sound codes to names that sound alike', () => {
    expect(soundCodes('walsh')).toEqual(soundCodes('welsh'));
    expect(soundCodes('jon')).toEqual(soundCodes('john'));
    expect(soundCodes('jo')).toEqual([]);
  });

  it('indexes aliases apart from the own name', () => {
    const e = nameIndexEntry({ familyName: 'Smyth', givenNames: 'Jon Paul' }, [{ familyName: 'Smith', givenNames: 'John' }, { familyName: 'Jones', givenNames: '' }]);
    expect(e).toMatchObject({ fkey: 'smyth', gfirst: 'jon', gother: ['paul'], afkey: ['smith', 'jones'], agfirst: ['john'], gkey: 'jon paul' });
    expect(e.aliasPairs).toEqual([{ fkey: 'smith', gfirst: 'john' }, { fkey: 'jones', gfirst: '' }]);
  });
});
