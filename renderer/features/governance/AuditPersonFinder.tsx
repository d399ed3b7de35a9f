// The auditor finds the person an information governance request is about by name, date of birth
// or any identifier (audit.findPerson: the same search clinicians use, audited, and it opens no
// record), then chooses them to see who looked at their record.
import { useRef, useState, type FormEvent } from 'react';
import type { SearchOutput, SearchResult } from '../../../contract/channels/search';
import { bannerName } from '../../../domain/person/person-name';
import { useApp } from '../../app/store-context';
import { bornText, localIsoDate, nhsNumberText } from '../../format/person-format';
import { SearchPager } from '../search/SearchPager';
import { hasNextPage, matchText, summaryText } from '../search/search-text';

type Found = { state: 'idle' } | { state: 'searching' } | { state: 'failed'; message: string } | { state: 'found'; query: string; answer: SearchOutput };

interface Props {
  onChoose(person: SearchResult): void;
}

export function AuditPersonFinder({ onChoose }: Props) {
  const call = useApp((s) => s.call);
  const [text, setText] = useState('');
  const [found, setFound] = useState<Found>({ state: 'idle' });
  const ticket = useRef(0);
  const summary = useRef<HTMLParagraphElement>(null);
  const today = localIsoDate(new Date());

  async function find(query: string, offset: number) {
    if (query.trim() === '') return;
    const mine = ++ticket.current;
    setFound({ state: 'searching' });
    const r = await call('audit.findPerson', offset > 0 ? { query, offset } : { query });
    if (mine !== ticket.current) return;
    setFound(r.ok ? { state: 'found', query, answer: r.value } : { state: 'failed', message: r.error.message });
    if (offset > 0) summary.current?.focus();
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void find(text, 0);
  }

  return (
    <section aria-labelledby="find-person-title" className="sonar-section">
      <h2 className="nhsuk-heading-m" id="find-person-title">
        Find the person
      </h2>
      <form noValidate onSubmit={submit} className="sonar-inline-form" role="search" aria-label="Find the person">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="audit-person">
            Name, date of birth or identifier
          </label>
          <div className="nhsuk-hint" id="audit-person-hint">
            For example: Mary Jones 3/4/88, an NHS number, a prison number or a PNC ID.
          </div>
          <input
            id="audit-person"
            className="nhsuk-input nhsuk-input--width-30"
            type="search"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="audit-person-hint"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button type="submit" className="nhsuk-button">
          Find
        </button>
      </form>
      {found.state === 'searching' ? <p role="status">Searching…</p> : null}
      {found.state === 'failed' ? (
        <p className="nhsuk-error-message" role="alert">
          The search did not work: {found.message}
        </p>
      ) : null}
      {found.state === 'found' ? (
        <>
          <p className="nhsuk-body" role="status" tabIndex={-1} ref={summary} data-testid="audit-search-summary">
            {summaryText(found.answer, found.query, found.answer.results.filter((r) => r.match.kind !== 'soundsLike').length) || `No people found for \u201c${found.query}\u201d.`}
          </p>
          {found.answer.results.length > 0 ? (
            <table className="nhsuk-table" data-testid="audit-people">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">People found</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">Name</th>
                  <th className="nhsuk-table__header" scope="col">Born</th>
                  <th className="nhsuk-table__header" scope="col">NHS No.</th>
                  <th className="nhsuk-table__header" scope="col">Found by</th>
                  <th className="nhsuk-table__header" scope="col">
                    <span className="nhsuk-u-visually-hidden">Choose</span>
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {found.answer.results.map((p) => (
                  <tr className="nhsuk-table__row" key={p.id} data-testid="audit-person">
                    <td className="nhsuk-table__cell">{bannerName(p)}</td>
                    <td className="nhsuk-table__cell">{bornText(p.birthDate, today)}</td>
                    <td className="nhsuk-table__cell sonar-nowrap">{nhsNumberText(p.nhsNumber)}</td>
                    <td className="nhsuk-table__cell">{matchText(p.match)}</td>
                    <td className="nhsuk-table__cell">
                      <button type="button" className="sonar-link-button" onClick={() => onChoose(p)}>
                        Show who looked<span className="nhsuk-u-visually-hidden"> at the record of {bannerName(p)}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <SearchPager
            offset={found.answer.offset}
            pageSize={found.answer.pageSize}
            listed={found.answer.total + (found.answer.similarTotal ?? 0)}
            hasNext={hasNextPage(found.answer, found.answer.results.length)}
            onPage={(offset) => void find(found.query, offset)}
          />
        </>
      ) : null}
    </section>
  );
}
