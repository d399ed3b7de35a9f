import type { InputHTMLAttributes, Ref } from 'react';
import { ErrorMessage } from './ErrorMessage';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'value' | 'onChange'>;

interface Props extends InputProps {
  id: string;
  label: string;
  value: string;
  onValueChange(value: string): void;
  hint?: string;
  error?: string | undefined;
  /** NHS width class suffix, e.g. "10" for nhsuk-input--width-10; full width when absent. */
  width?: '2' | '3' | '4' | '5' | '10' | '20' | '30';
  code?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled NHS text input with hint and inline error wired up for assistive technology. */
export function TextField({ id, label, value, onValueChange, hint, error, width, code, inputRef, ...rest }: Props) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const classes = ['nhsuk-input', width ? `nhsuk-input--width-${width}` : '', code ? 'nhsuk-input--code' : '', error ? 'nhsuk-input--error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div className="nhsuk-hint" id={hintId ?? undefined}>
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={errorId ?? ''} message={error} /> : null}
      <input
        {...rest}
        ref={inputRef}
        id={id}
        className={classes}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onValueChange(e.target.value)}
      />
    </div>
  );
}
