// Search results: one row per person, the name a real link (Tab reaches each one; Enter opens).
// ArrowDown/ArrowUp move between the links, and ArrowUp from the first goes back to the box.
import type { KeyboardEvent } from 'react';
import type { PersonSummary } from '../../../contract/channels/patients';
import { bannerName } from '../../../domain/person/person-name';
import { bornText, nhsNumberText, sexLabels } from '../../format/person-format';

interface Props {
  people: readonly PersonSummary[];
  query: string;
  today: string;
  onOpen(personId: string): void;
  /** Focus the search box again (ArrowUp from the first row). */
  onLeaveTop(): void;
}

export const RESULT_LINK_CLASS = 'sonar-result-link';

function resultLinks(from: HTMLElement): HTMLAnchorElement[] {
  const table = from.closest('table');
  return table ? Array.from(table.querySelectorAll<HTMLAnchorElement>(`a.${RESULT_LINK_CLASS}`)) : [];
}

export function ResultsTable({ people, query, today, onOpen, onLeaveTop }: Props) {
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
    <table className="nhsuk-table sonar-results" id="search-results" data-testid="search-results">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">
        {people.length === 1 ? '1 person' : `${people.length} people`} found for &ldquo;{query.trim()}&rdquo;
      </caption>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
