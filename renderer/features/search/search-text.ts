// What the search screen says about an answer: how many match and which are shown, what each
// person was found by, and what to type to narrow it. The total is always stated, so a first page
// never looks like the whole answer.
import type { SearchMatch } from '../../../contract/channels/search';
import { formatIdentifier, identifierTypeLabels } from '../../../domain/identifiers/identifier-types';
import { formatClinicalDate } from '../../../domain/person/clinical-date';
import { bannerName } from '../../../domain/person/person-name';
import type { SearchAnswer } from './search-slice';

const people = (n: number): string => (n === 1 ? '1 person' : `${n.toLocaleString('en-GB')} people`);

function identifierText(type: Parameters<typeof formatIdentifier>[0], value: string): string {
  return `${identifierTypeLabels[type]} ${formatIdentifier(type, value)}`;
}

/** "NHS number 943 476 5919, CHI number 943 476 5919 or local ID 9434765919". */
function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "Showing 26 to 50". */
export function shownText(answer: Pick<SearchAnswer, 'offset'>, shown: number): string {
  return shown === 0 ? '' : `Showing ${(answer.offset + 1).toLocaleString('en-GB')} to ${(answer.offset + shown).toLocaleString('en-GB')}`;
}

/** The results table's caption: "312 people found for “smith”: showing 1 to 25". */
export function captionText(answer: SearchAnswer, query: string, shown: number): string {
  const total = `${answer.totalIsAtLeast ? 'More than ' : ''}${people(answer.total)}`;
  return `${total} found for \u201c${query.trim()}\u201d: ${shownText(answer, shown).toLowerCase()}`;
}

/** The sentence above the results. */
export function summaryText(answer: SearchAnswer, query: string, shown: number): string {
  const q = `\u201c${query.trim()}\u201d`;
  const showing = shownText(answer, shown);
  switch (answer.kind) {
    case 'empty':
      return '';
    case 'identifier':
      if (answer.total === 0) return `No one at this site holds ${orList(answer.tried.map((t) => identifierText(t.type, t.value)))}.`;
      return `${people(answer.total)} found by identifier.`;
    case 'numberPrefix': {
      if (answer.total === 0) return `No NHS or CHI number starts with ${query.trim()}.`;
      const n = answer.totalIsAtLeast ? `More than ${people(answer.total)}` : people(answer.total);
      return `${n} ${answer.total === 1 && !answer.totalIsAtLeast ? 'has' : 'have'} an NHS or CHI number starting ${query.trim()}. ${showing}. Keep typing the number.`;
    }
    case 'birthDate':
      if (answer.total === 0) return `No one born on ${formatClinicalDate(answer.birthDate ?? '')}.`;
      return `${people(answer.total)} born on ${formatClinicalDate(answer.birthDate ?? '')}. ${showing}.`;
    case 'name': {
      const similar = answer.similarTotal ?? 0;
      if (answer.total === 0) {
        return similar > 0 ? `No one is spelt like ${q}. ${people(similar)} with similar-sounding names.` : `No people found for ${q}.`;
      }
      // `shown` counts this page's matches only (similar-sounding names are counted apart).
      const nearest = answer.birthDate ? `, nearest date of birth to ${formatClinicalDate(answer.birthDate)} first` : '';
      const best =
        answer.offset === 0 && answer.total > answer.pageSize
          ? `showing the best ${Math.min(answer.pageSize, shown)}`
          : shown > 0
            ? showing.toLowerCase()
            : 'all shown on earlier pages';
      const narrow = answer.total > answer.pageSize ? ' Add a first name or date of birth to narrow the search.' : '';
      const order = answer.ranked ? '' : ' There are too many to put all of them in order: the rest are listed in the order they were registered.';
      const more = similar > 0 ? ` ${similar.toLocaleString('en-GB')} more ${similar === 1 ? 'person' : 'people'} with similar-sounding names after them.` : '';
      return `${people(answer.total)} ${answer.total === 1 ? 'matches' : 'match'} ${q}${nearest}: ${best}.${narrow}${order}${more}`;
    }
  }
}

/** The "Found by" cell. */
export function matchText(match: SearchMatch): string {
  switch (match.kind) {
    case 'identifier':
      return identifierText(match.type, match.value);
    case 'numberPrefix':
      return identifierText(match.type, match.value);
    case 'name':
      return 'Name';
    case 'alias':
      return `Alias ${bannerName(match)}`;
    case 'soundsLike':
      return `Sounds like ${bannerName(match)}`;
    case 'birthDate':
      return 'Date of birth';
  }
}

/** Whether there is a page after this one. */
export function hasNextPage(answer: SearchAnswer, shown: number): boolean {
  const end = answer.offset + shown;
  if (end < answer.total) return true;
  return answer.similarTotal !== null && end < answer.total + answer.similarTotal;
}
