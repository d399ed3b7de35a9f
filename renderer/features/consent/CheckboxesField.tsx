// NHS checkboxes in one fieldset. Box ids are `${id}-${value}`; the first is the error summary's target.
import { ErrorMessage } from '../../components/ErrorMessage';

interface Props<T extends string> {
  id: string;
  legend: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onToggle(item: T): void;
  hint?: string;
  error?: string | undefined;
}

export function CheckboxesField<T extends string>({ id, legend, options, labels, value, onToggle, hint, error }: Props<T>) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy} id={id}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="nhsuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${id}-error`} message={error} /> : null}
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {options.map((o) => (
            <div className="nhsuk-checkboxes__item" key={o}>
              <input className="nhsuk-checkboxes__input" id={`${id}-${o}`} type="checkbox" value={o} checked={value.includes(o)} onChange={() => onToggle(o)} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${o}`}>
                {labels[o]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** Date boxes only (day, month, year) in one fieldset; box ids are `${id}-day` and so on. */
export function DateField({
  id,
  legend,
  value,
  onChange,
  hint = 'For example, 23 11 2026',
  error,
}: {
  id: string;
  legend: string;
  value: { day: string; month: string; year: string };
  onChange(value: { day: string; month: string; year: string }): void;
  hint?: string;
  error?: { message: string; parts?: readonly string[] } | undefined;
}) {
  const parts = [
    { part: 'day', label: 'Day', width: '2' },
    { part: 'month', label: 'Month', width: '2' },
    { part: 'year', label: 'Year', width: '4' },
  ] as const;
  const inError = (part: string) => Boolean(error && (!error.parts || error.parts.includes(part)));
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
        {error ? <ErrorMessage id={`${id}-error`} message={error.message} /> : null}
        <div className="nhsuk-date-input" id={id}>
          {parts.map(({ part, label, width }) => (
            <div className="nhsuk-date-input__item" key={part}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${part}`}>
                  {label}
                </label>
                <input
                  className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${inError(part) ? ' nhsuk-input--error' : ''}`}
                  id={`${id}-${part}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={value[part]}
                  onChange={(e) => onChange({ ...value, [part]: e.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
