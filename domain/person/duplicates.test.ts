import { describe, expect, it } from 'vitest';
import { editDistance, nameSimilarity, namesMatch } from './duplicates';

describe('likely duplicate names', () => {
  it('counts edits, stopping early past the bound', () => {
    expect(editDistance('smith', 'smyth', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyzxyz', 1)).toBe(2);
  });

  it('matches misspelt family names with a compatible given name', () => {
    expect(nameSimilarity({ familyName: 'Smith', givenNames: 'John' }, { familyName: 'Smyth', givenNames: 'Jon' })).toBe('similar name');
    expect(nameSimilarity({ familyName: 'McDonald', givenNames: 'Sean' }, { familyName: 'MacDonald', givenNames: 'Shaun' })).toBe('similar name');
    expect(nameSimilarity({ familyName: "O'Neill", givenNames: 'Pat' }, { familyName: 'ONeill', givenNames: 'Patrick' })).toBe('similar name');
  });

  it('matches swapped family and given names', () => {
    expect(nameSimilarity({ familyName: 'James', givenNames: 'Thomas' }, { familyName: 'Thomas', givenNames: 'James' })).toBe(
      'family and given names swapped',
    );
  });

  it('does not match different people', () => {
    expect(nameSimilarity({ familyName: 'Smith', givenNames: 'John' }, { familyName: 'Jones', givenNames: 'John' })).toBeNull();
    expect(nameSimilarity({ familyName: 'Smith', givenNames: 'John' }, { familyName: 'Smith', givenNames: 'Mary' })).toBeNull();
  });

  it('names the alias that matched', () => {
    const why = namesMatch([{ familyName: 'Brown', givenNames: 'Lee' }], [
      { familyName: 'Green', givenNames: 'Lee' },
      { familyName: 'Browne', givenNames: 'Lee', alias: true },
    ]);
    expect(why).toBe('similar name (alias BROWNE, Lee)');
  });
});
