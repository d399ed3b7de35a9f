import { ErrorMessage } from './ErrorMessage';

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

interface Props {
  id: string;
  legend: string;
  value: string;
  options: readonly RadioOption[];
  onValueChange(value: string): void;
  hint?: string;
  error?: string | undefined;
  inline?: boolean;
  small?: boolean;
}

/** NHS radios in a fieldset; option ids are `${id}-${value}` (the first is the error summary's target). */
export function RadioField({ id, legend, value, options, onValueChange, hint, error, inline, small }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const classes = ['nhsuk-radios', inline ? 'nhsuk-radios--inline' : '', small ? 'nhsuk-radios--small' : ''].filter(Boolean).join(' ');
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
        <div className={classes}>
          {options.map((o) => (
            <div className="nhsuk-radios__item" key={o.value}>
              <input
                className="nhsuk-radios__input"
                id={`${id}-${o.value}`}
                name={id}
                type="radio"
                value={o.value}
                checked={value === o.value}
                aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
                onChange={() => onValueChange(o.value)}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${o.value}`}>
                {o.label}
              </label>
              {o.hint ? (
                <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-${o.value}-hint`}>
                  {o.hint}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
