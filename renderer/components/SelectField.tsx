import type { Ref } from 'react';
import { ErrorMessage } from './ErrorMessage';

export interface SelectOption {
  value: string;
  label: string;
}

interface Props {
  id: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onValueChange(value: string): void;
  hint?: string;
  error?: string | undefined;
  selectRef?: Ref<HTMLSelectElement>;
}

/** A labelled NHS select with hint and inline error. */
export function SelectField({ id, label, value, options, onValueChange, hint, error, selectRef }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`} message={error} /> : null}
      <select
        ref={selectRef}
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`}
        id={id}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onValueChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
