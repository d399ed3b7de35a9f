// The NHS number box: one input, regrouped 3-3-4 as you type or paste, checked with the
// mod-11 rule when you leave it. "Not known" is a positive choice, never an empty box.
import { useLayoutEffect, useRef } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { reformatNhsInput } from './nhs-number-input';

interface Props {
  value: string;
  notKnown: boolean;
  onChange(value: string): void;
  onNotKnownChange(notKnown: boolean): void;
  onBlur(): void;
  error?: string | undefined;
}

export function NhsNumberField({ value, notKnown, onChange, onNotKnownChange, onBlur, error }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);

  // Put the caret back where the digit it followed now sits, after React writes the new value.
  useLayoutEffect(() => {
    if (caret.current !== null && input.current && document.activeElement === input.current) {
      input.current.setSelectionRange(caret.current, caret.current);
    }
    caret.current = null;
  }, [value]);

  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor="nhsNumber">
        NHS number
      </label>
      <div className="nhsuk-hint" id="nhsNumber-hint">
        10 digits, for example 943 476 5919
      </div>
      {error ? <ErrorMessage id="nhsNumber-error" message={error} /> : null}
      <input
        ref={input}
        id="nhsNumber"
        className={`nhsuk-input nhsuk-input--width-10 nhsuk-input--code${error ? ' nhsuk-input--error' : ''}`}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`nhsNumber-hint${error ? ' nhsNumber-error' : ''}`}
        aria-invalid={error ? true : undefined}
        disabled={notKnown}
        value={notKnown ? '' : value}
        onChange={(e) => {
          const next = reformatNhsInput(e.target.value, e.target.selectionStart ?? e.target.value.length);
          caret.current = next.caret;
          onChange(next.value);
        }}
        onBlur={onBlur}
      />
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small sonar-not-known">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id="nhsNumberNotKnown" type="checkbox" checked={notKnown} onChange={(e) => onNotKnownChange(e.target.checked)} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="nhsNumberNotKnown">
            NHS number not known
          </label>
        </div>
      </div>
    </div>
  );
}
