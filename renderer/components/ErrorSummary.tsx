// NHS error summary: at the top of the form, focused when it appears so a keyboard or screen reader
// user lands on it; each item links to the control to fix.
import { useEffect, useRef } from 'react';
import type { SummaryItem } from '../app/form-errors';
import { focusById } from './focus';

interface Props {
  items: readonly SummaryItem[];
  /** Changes on every submit, so the summary takes focus again even when the errors are the same. */
  focusKey: number;
  /** Distinguishes the heading's id when more than one form on a page can show a summary. */
  idPrefix?: string;
}

export function ErrorSummary({ items, focusKey, idPrefix = '' }: Props) {
  const titleId = `${idPrefix}error-summary-title`;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Focus on a new submit only, not on every edit while the user fixes fields.
    if (items.length > 0) ref.current?.focus();
  }, [focusKey]);
  if (items.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" ref={ref} tabIndex={-1} aria-labelledby={titleId}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading" id={titleId}>
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {items.map((item) => (
              <li key={`${item.target ?? ''}:${item.message}`}>
                {item.target ? (
                  <a
                    href={`#${item.target}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusById(item.target ?? '');
                    }}
                  >
                    {item.message}
                  </a>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
