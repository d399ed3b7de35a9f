import { describe, expect, it } from 'vitest';
import { nameIndexEntry, queryWords, type NameForm } from './search-keys';
import { groupOf, rankAll, type IndexedPerson, type NameQuery } from './search-rank';
import { describeNameMatch, describeSoundMatch } from './search-match';
import { soundsLike } from './search-similar';

let seq = 0;
function person(familyName: string, givenNames: string, birthDate = '1980-01-01', aliases: NameForm[] = []): IndexedPerson & { label: string } {
  return { ...nameIndexEntry({ familyName, givenNames }, aliases), seq: ++seq, birthDate, label: `${familyName}, ${givenNames}` };
}
const q = (text: string, birthDate: string | null = null): NameQuery => ({ words: queryWords(text), birthDate });

describe('name search groups', () => {
  it('one word: exact family name, then family names starting with it, then first given names, then anywhere', () => {
    const people = [
      person('Brown', 'Smithy'),
      person('Smithson', 'Ann'),
      person('Jones', 'Mary', '1980-01-01', [{ familyName: 'Smith', givenNames: '' }]),
      person('Smith', 'Zak'),
      person('Jones-Smith', 'Amy'),
      person('Smith', 'Adam'),
      person('Walker', 'Peter Smith'),
    ];
    const order = rankAll(people, q('smith')).map((r) => (people.find((p) => p.seq === r.seq) as { label: string }).label);
    // The alias SMITH ranks Mary Jones with the exact family names, ordered by her own name.
    // Group 5 (found elsewhere) lists by given name first: Amy before Peter.
    expect(order).toEqual(['Jones, Mary', 'Smith, Adam', 'Smith, Zak', 'Smithson, Ann', 'Brown, Smithy', 'Jones-Smith, Amy', 'Walker, Peter Smith']);
  });

  it('two words: a family name and first given name pair first, exact before starting-with; either order typed', () => {
    const people = [person('Smith', 'John'), person('Smith', 'Mary John'), person('Smithers', 'Jo'), person('Johnson', 'Smith'), person('Brown', 'John Smith')];
    const groups = (text: string) => Object.fromEntries(people.map((p) => [p.label, groupOf(p, queryWords(text))]));
    expect(groups('smith jo')).toEqual({ 'Smith, John': 0, 'Smith, Mary John': 1, 'Smithers, Jo': 2, 'Johnson, Smith': 2, 'Brown, John Smith': 4 });
    expect(groups('john smith')).toEqual(groups('smith john'));
  });

  it('orders by nearness of the date of birth typed, within a group', () => {
    const people = [person('Smith', 'Ann', '1988-01-01'), person('Smith', 'Bob', '1988-04-04'), person('Smith', 'Cat', '1970-01-01'), person('Smithson', 'Dan', '1988-04-03')];
    const order = rankAll(people, q('smith', '1988-04-03')).map((r) => people.find((p) => p.seq === r.seq)?.label);
    // Exact family names first (nearest date of birth first), then Smithson though born that very day.
    expect(order).toEqual(['Smith, Bob', 'Smith, Ann', 'Smith, Cat', 'Smithson, Dan']);
  });

  it('leaves out people who do not have every word', () => {
    expect(groupOf(person('Smith', 'John'), ['smith', 'mary'])).toBeNull();
  });
});

describe('what a result was found by', () => {
  it('names the alias when the own name does not match', () => {
    const own = { familyName: 'Smyth', givenNames: 'Jon' };
    const alias = { familyName: 'Smith', givenNames: 'John' };
    expect(describeNameMatch(own, [alias], q('smith john'))).toEqual({ kind: 'alias', alias });
    expect(describeNameMatch(own, [alias], q('smyth'))).toEqual({ kind: 'name' });
  });

  it('finds Welsh for Walsh and John for Jon by sound, naming the name that sounds like it', () => {
    const welsh = person('Welsh', 'Ann');
    expect(soundsLike(welsh, q('walsh'))).toBe(true);
    expect(soundsLike(person('Smith', 'John'), q('smith jon'))).toBe(true);
    expect(soundsLike(person('Walker', 'Ann'), q('walsh'))).toBe(false);
    // Spelt like it: in the matches, not the similar group.
    expect(soundsLike(person('Walsh', 'Ann'), q('walsh'))).toBe(false);
    expect(describeSoundMatch({ familyName: 'Jones', givenNames: 'Ann' }, [{ familyName: 'Welsh', givenNames: 'Ann' }], q('walsh'))).toEqual({
      kind: 'soundsLike',
      name: { familyName: 'Welsh', givenNames: 'Ann' },
    });
  });
});
