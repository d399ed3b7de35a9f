// NHS checkboxes in one fieldset. Box ids are `${id}-${value}`; the first is the error summary's target.
import { DateTimeField } from '../../components/DateTimeField';
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

/** Date boxes only (day, month, year): the shared date-time field without its time box. */
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
  return (
    <DateTimeField
      id={id}
      legend={legend}
      hint={hint}
      error={error}
      dateOnly
      value={{ ...value, time: '' }}
      onChange={({ day, month, year }) => onChange({ day, month, year })}
    />
  );
}
