// NHS date input: day, month and year boxes in a fieldset. Three boxes leave no doubt whether
// 03/04 is March or April.
import type { DatePart } from './register-form';
import type { FieldError } from '../../app/form-errors';
import { ErrorMessage } from '../../components/ErrorMessage';

interface Props {
  day: string;
  month: string;
  year: string;
  onChange(part: DatePart, value: string): void;
  error?: FieldError | undefined;
}

const parts: { part: DatePart; label: string; width: '2' | '4' }[] = [
  { part: 'day', label: 'Day', width: '2' },
  { part: 'month', label: 'Month', width: '2' },
  { part: 'year', label: 'Year', width: '4' },
];

export function DateOfBirthField({ day, month, year, onChange, error }: Props) {
  const values: Record<DatePart, string> = { day, month, year };
  // An error naming parts marks just those boxes; one about the whole date (or from the server) marks all.
  const inError = (part: DatePart) => Boolean(error && (!error.parts || error.parts.includes(part)));
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={`birthDate-hint${error ? ' birthDate-error' : ''}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Date of birth</legend>
        <div className="nhsuk-hint" id="birthDate-hint">
          For example, 14 7 1945
        </div>
        {error ? <ErrorMessage id="birthDate-error" message={error.message} /> : null}
        <div className="nhsuk-date-input" id="birthDate">
          {parts.map(({ part, label, width }) => (
            <div className="nhsuk-date-input__item" key={part}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`birthDate-${part}`}>
                  {label}
                </label>
                <input
                  className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${width}${inError(part) ? ' nhsuk-input--error' : ''}`}
                  id={`birthDate-${part}`}
                  name={`birthDate-${part}`}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={values[part]}
                  onChange={(e) => onChange(part, e.target.value)}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
