// "Find a person", the home screen and the front door: one box for a name, a date of birth
// or any identifier, results as you type, the true total stated and every match a page away.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { usePageTitle } from '../../app/page-title';
import { useApp } from '../../app/store-context';
import { localIsoDate } from '../../format/person-format';
import { SearchPager } from './SearchPager';
import { RESULT_LINK_CLASS, RESULTS_AREA_ATTRIBUTE, ResultsTable } from './ResultsTable';
import { captionText, hasNextPage, summaryText } from './search-text';

export function SearchScreen() {
  usePageTitle('Find a person');
  const query = useApp((s) => s.searchQuery);
  const status = useApp((s) => s.searchStatus);
  const results = useApp((s) => s.results);
  const resultsFor = useApp((s) => s.resultsFor);
  const answer = useApp((s) => s.searchAnswer);
  const error = useApp((s) => s.searchError);
  const setQuery = useApp((s) => s.setSearchQuery);
  const searchNow = useApp((s) => s.searchNow);
  const showPage = useApp((s) => s.showSearchPage);
  const navigate = useApp((s) => s.navigate);
  const box = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const paged = useRef(false);
  const today = localIsoDate(new Date());

  useEffect(() => {
    box.current?.focus();
    box.current?.select(); // typing replaces the last search, the usual next step at the desk
    searchNow(true);
  }, [searchNow]);

  // After choosing another page, the summary ("Showing 26 to 50") takes focus and is read out.
  useEffect(() => {
    if (paged.current && status === 'done') {
      paged.current = false;
      summaryRef.current?.focus();
    }
  }, [status, answer]);

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
  const current = resultsFor.trim() !== '' && answer !== null;
  const matches = results.filter((r) => r.match.kind !== 'soundsLike');
  const similar = results.filter((r) => r.match.kind === 'soundsLike');
  const summary = current && status !== 'failed' ? summaryText(answer, resultsFor, answer.kind === 'name' ? matches.length : results.length) : '';
  const busy = status === 'waiting' || status === 'searching';
  const leaveTop = () => box.current?.focus();

  return (
    <>
      <h1>Find a person</h1>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor="search">
          Search by name, date of birth or any identifier
        </label>
        <div className="nhsuk-hint" id="search-hint">
          For example: Jones, Mary Jones 3/4/88, 943 476 5919, a prison number (A1234BC), a PNC ID (03/12345N) or a custody record number.
          Press the down arrow to move to the results.
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

      {/* Always present, so the box's aria-controls never points at nothing. */}
      <div ref={resultsRef} id="search-results" className="sonar-results-area" {...{ [RESULTS_AREA_ATTRIBUTE]: '' }}>
        <p className={summary ? 'nhsuk-body' : 'nhsuk-u-visually-hidden'} role="status" ref={summaryRef} tabIndex={-1} data-testid="search-summary">
          {busy ? 'Searching' : summary}
        </p>
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
        {current && matches.length > 0 ? (
          <ResultsTable
            people={matches}
            caption={captionText(answer, resultsFor, matches.length)}
            testId="search-results"
            today={today}
            onOpen={open}
            onLeaveTop={leaveTop}
          />
        ) : null}
        {current && similar.length > 0 ? (
          <ResultsTable people={similar} caption="Similar-sounding names (not spelt as typed)" testId="similar-results" today={today} onOpen={open} onLeaveTop={leaveTop} />
        ) : null}
        {current && status === 'done' && results.length === 0 ? (
          <p className="nhsuk-body-l sonar-none-found" data-testid="no-results">
            No people found for &ldquo;{resultsFor.trim()}&rdquo;
          </p>
        ) : null}
        {current ? (
          <SearchPager
            offset={answer.offset}
            pageSize={answer.pageSize}
            listed={answer.total + (answer.similarTotal ?? 0)}
            hasNext={hasNextPage(answer, results.length)}
            onPage={(offset) => {
              paged.current = true;
              showPage(offset);
            }}
          />
        ) : null}
      </div>

      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => navigate({ name: 'register', prefill: query })}>
        Register a new person
      </button>
    </>
  );
}
