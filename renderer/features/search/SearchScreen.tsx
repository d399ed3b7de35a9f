// "Find a person", the home screen and the front door (UX.md): one box, results as you type.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { localIsoDate } from '../../format/person-format';
import { RESULT_LINK_CLASS, ResultsTable } from './ResultsTable';

function statusText(status: string, count: number, more: boolean): string {
  if (status === 'waiting' || status === 'searching') return 'Searching';
  if (status !== 'done') return '';
  if (count === 0) return 'No people found';
  return `${count === 1 ? '1 person' : `${count} people`} found${more ? ', more not shown' : ''}`;
}

export function SearchScreen() {
  usePageTitle('Find a person');
  const query = useApp((s) => s.searchQuery);
  const status = useApp((s) => s.searchStatus);
  const results = useApp((s) => s.results);
  const resultsFor = useApp((s) => s.resultsFor);
  const more = useApp((s) => s.moreResults);
  const error = useApp((s) => s.searchError);
  const setQuery = useApp((s) => s.setSearchQuery);
  const searchNow = useApp((s) => s.searchNow);
  const navigate = useApp((s) => s.navigate);
  const box = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const today = localIsoDate(new Date());

  useEffect(() => {
    box.current?.focus();
    box.current?.select(); // typing replaces the last search, the usual next step at the desk
    searchNow(true);
  }, [searchNow]);

  function onBoxKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      const first = resultsRef.current?.querySelector<HTMLAnchorElement>(`a.${RESULT_LINK_CLASS}`);
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      searchNow();
    }
  }

  const open = (personId: string) => navigate({ name: 'record', personId });
  const showTable = results.length > 0 && resultsFor.trim() !== '';
  const noneFound = status === 'done' && results.length === 0;

  return (
    <>
      <h1>Find a person</h1>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor="search">
          Search by name, date of birth or NHS number
        </label>
        <div className="nhsuk-hint" id="search-hint">
          For example: Jones, Mary Jones, 14/07/1945 or 943 476 5919. Press the down arrow to move to the results.
        </div>
        <input
          ref={box}
          id="search"
          className="nhsuk-input nhsuk-input--width-30"
          type="search"
          autoComplete="off"
          spellCheck={false}
          aria-describedby="search-hint"
          aria-controls="search-results"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onBoxKeyDown}
        />
      </div>

      <p className="nhsuk-u-visually-hidden" role="status">
        {statusText(status, results.length, more)}
      </p>

      <div ref={resultsRef} className="sonar-results-area">
        {status === 'failed' && error ? (
          <div className="nhsuk-error-summary" role="alert" aria-labelledby="search-error-title">
            <h2 className="nhsuk-error-summary__heading" id="search-error-title">
              The search did not work
            </h2>
            <div className="nhsuk-error-summary__body">
              <p>{error}</p>
            </div>
          </div>
        ) : null}
        {showTable ? (
          <ResultsTable people={results} query={resultsFor} today={today} onOpen={open} onLeaveTop={() => box.current?.focus()} />
        ) : null}
        {showTable && more ? <p className="nhsuk-body-s">More people match. Add more of the name, or the date of birth, to narrow the search.</p> : null}
        {noneFound ? (
          <p className="nhsuk-body-l sonar-none-found" data-testid="no-results">
            No people found for &ldquo;{resultsFor.trim()}&rdquo;
          </p>
        ) : null}
        {status === 'searching' && !showTable ? <p className="nhsuk-body-s">Searching…</p> : null}
      </div>

      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => navigate({ name: 'register', prefill: query })}>
        Register a new person
      </button>
    </>
  );
}
