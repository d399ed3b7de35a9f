// Previous and next pages of a search answer (NHS.UK pagination): every person who matches can be
// reached, a page at a time.
interface Props {
  offset: number;
  pageSize: number;
  /** Everyone in the answer, similar-sounding names included when known. */
  listed: number;
  hasNext: boolean;
  onPage(offset: number): void;
}

export function SearchPager({ offset, pageSize, listed, hasNext, onPage }: Props) {
  const hasPrevious = offset > 0;
  if (!hasPrevious && !hasNext) return null;
  const page = Math.floor(offset / pageSize) + 1;
  const pages = Math.max(page, Math.ceil(listed / pageSize));
  return (
    <nav className="nhsuk-pagination" aria-label="Pages of results" data-testid="search-pager">
      <ul className="nhsuk-list nhsuk-pagination__list">
        {hasPrevious ? (
          <li className="nhsuk-pagination-item--previous">
            <button type="button" className="nhsuk-pagination__link nhsuk-pagination__link--prev sonar-link-button" onClick={() => onPage(Math.max(0, offset - pageSize))}>
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">Page {page - 1}</span>
            </button>
          </li>
        ) : null}
        {hasNext ? (
          <li className="nhsuk-pagination-item--next">
            <button type="button" className="nhsuk-pagination__link nhsuk-pagination__link--next sonar-link-button" onClick={() => onPage(offset + pageSize)}>
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">Page {page + 1}</span>
            </button>
          </li>
        ) : null}
      </ul>
      <p className="nhsuk-body-s" data-testid="search-page">
        Page {page} of {pages}
      </p>
    </nav>
  );
}
