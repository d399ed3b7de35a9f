import type { Sex } from '../../../contract/channels/patients';
import { ErrorMessage } from '../../components/ErrorMessage';
import { sexLabels } from '../../format/person-format';

const options: Sex[] = ['female', 'male', 'other', 'unknown'];

export function SexField({ value, onChange, error }: { value: Sex | ''; onChange(sex: Sex): void; error?: string | undefined }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? 'sex-error' : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Sex</legend>
        {error ? <ErrorMessage id="sex-error" message={error} /> : null}
        <div className="nhsuk-radios nhsuk-radios--inline">
          {options.map((sex) => (
            <div className="nhsuk-radios__item" key={sex}>
              <input className="nhsuk-radios__input" id={`sex-${sex}`} name="sex" type="radio" value={sex} checked={value === sex} onChange={() => onChange(sex)} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`sex-${sex}`}>
                {sexLabels[sex]}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
