// Date boxes (day, month, year) and a 24-hour time box in one fieldset. Box ids are
// `${id}-day` ... `${id}-time`; the error summary links to the first box at fault.
import type { DateTimeDraft, DateTimePart } from '../format/date-time-input';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  id: string;
  legend: string;
  value: DateTimeDraft;
  onChange(value: DateTimeDraft): void;
  hint?: string;
  error?: { message: string; parts?: readonly string[] } | undefined;
  /** Date only (the time box is left out). */
  dateOnly?: boolean;
}

const boxes: { part: DateTimePart; label: string; width: '2' | '4' | '5' }[] = [
  { part: 'day', label: 'Day', width: '2' },
  { part: 'month', label: 'Month', width: '2' },
  { part: 'year', label: 'Year', width: '4' },
  { part: 'time', label: 'Time (24-hour)', width: '5' },
];

export function DateTimeField({ id, legend, value, onChange, hint, error, dateOnly }: Props) {
  const inError = (part: DateTimePart) => Boolean(error && (!error.parts || error.parts.includes(part)));
  const hintText = hint ?? (dateOnly ? 'For example, 23 11 2026' : 'For example, 23 11 2026 and 14:05');
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hintText}
        </div>
        {error ? <ErrorMessage id={`${id}-error`} message={error.message} /> : null}
        <div className="nhsuk-date-input" id={id}>
          {boxes
            .filter((b) => !dateOnly || b.part !== 'time')
            .map(({ part, label, width }) => (
              <div className={`nhsuk-date-input__item${part === 'time' ? ' sonar-time-input' : ''}`} key={part}>
                <div className="nhsuk-form-group">
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${part}`}>
                    {label}
                  </label>
                  <input
                    className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${inError(part) ? ' nhsuk-input--error' : ''}`}
                    id={`${id}-${part}`}
                    type="text"
                    inputMode={part === 'time' ? 'text' : 'numeric'}
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
