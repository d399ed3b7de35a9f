// Search results: one row per person, the name a real link (Tab reaches each one; Enter opens).
// ArrowDown/ArrowUp move between the links of every results table on the screen, and ArrowUp from
// the first goes back to the box. "Found by" says what matched: an identifier, an alias, a sound.
import type { KeyboardEvent } from 'react';
import type { SearchResult } from '../../../contract/channels/search';
import { bannerName } from '../../../domain/person/person-name';
import { bornText, nhsNumberText, sexLabels } from '../../format/person-format';
import { matchText } from './search-text';

interface Props {
  people: readonly SearchResult[];
  caption: string;
  testId: string;
  today: string;
  onOpen(personId: string): void;
  /** Focus the search box again (ArrowUp from the first row). */
  onLeaveTop(): void;
}

export const RESULT_LINK_CLASS = 'sonar-result-link';
/** The element holding every results table: arrow keys move through all their links. */
export const RESULTS_AREA_ATTRIBUTE = 'data-results-area';

function resultLinks(from: HTMLElement): HTMLAnchorElement[] {
  const area = from.closest(`[${RESULTS_AREA_ATTRIBUTE}]`);
  return area ? Array.from(area.querySelectorAll<HTMLAnchorElement>(`a.${RESULT_LINK_CLASS}`)) : [];
}

export function ResultsTable({ people, caption, testId, today, onOpen, onLeaveTop }: Props) {
  function onKeyDown(e: KeyboardEvent<HTMLAnchorElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const links = resultLinks(e.currentTarget);
    const i = links.indexOf(e.currentTarget);
    if (e.key === 'ArrowDown') links[Math.min(i + 1, links.length - 1)]?.focus();
    else if (i <= 0) onLeaveTop();
    else links[i - 1]?.focus();
  }

  return (
    <table className="nhsuk-table sonar-results" data-testid={testId}>
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          <th className="nhsuk-table__header" scope="col">
            Name
          </th>
          <th className="nhsuk-table__header" scope="col">
            Born
          </th>
          <th className="nhsuk-table__header" scope="col">
            Sex
          </th>
          <th className="nhsuk-table__header" scope="col">
            NHS No.
          </th>
          <th className="nhsuk-table__header" scope="col">
            Found by
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {people.map((p) => (
          <tr
            className="nhsuk-table__row sonar-results__row"
            key={p.id}
            data-testid="search-result"
            // A click anywhere on the row opens it too; the link is what keyboards and screen readers use.
            onClick={(e) => {
              if ((e.target as HTMLElement).closest('a')) return;
              onOpen(p.id);
            }}
          >
            <td className="nhsuk-table__cell">
              <a
                className={RESULT_LINK_CLASS}
                href={`#person-${p.id}`}
                onKeyDown={onKeyDown}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(p.id);
                }}
              >
                {bannerName(p)}
              </a>
            </td>
            <td className="nhsuk-table__cell">{bornText(p.birthDate, today)}</td>
            <td className="nhsuk-table__cell">{sexLabels[p.sex]}</td>
            <td className="nhsuk-table__cell sonar-nowrap">{nhsNumberText(p.nhsNumber)}</td>
            <td className="nhsuk-table__cell" data-testid="found-by">
              {matchText(p.match)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
