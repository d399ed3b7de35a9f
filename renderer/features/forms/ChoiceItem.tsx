// A single-answer item as NHS radios: a choice, a scored item (each option shows its points, so the
// total can be checked against the paper form) or yes/no. Option ids are item-<id>-opt-<n>.
import type { Item } from '../../../domain/templates/template-schema';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ItemPoints } from './ItemPoints';

type RadioItem = Extract<Item, { kind: 'choice' | 'scored' | 'yesNo' }>;

interface Props {
  item: RadioItem;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  points: number | null;
}

export function ChoiceItem({ item, value, onChange, error, points }: Props) {
  const base = `item-${item.id}`;
  const options =
    item.kind === 'yesNo'
      ? [
          { id: `${base}-yes`, value: 'yes', label: 'Yes', score: undefined },
          { id: `${base}-no`, value: 'no', label: 'No', score: undefined },
        ]
      : item.options.map((o, i) => ({ id: `${base}-opt-${i}`, value: o.value, label: o.label, score: item.kind === 'scored' ? o.score : undefined }));
  const describedBy = [item.help ? `${base}-hint` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} data-item={item.id}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {item.label}
          {item.required ? null : <span className="sonar-optional"> (optional)</span>}
        </legend>
        {item.help ? (
          <div className="nhsuk-hint" id={`${base}-hint`}>
            {item.help}
          </div>
        ) : null}
        {error ? <ErrorMessage id={`${base}-error`} message={error} /> : null}
        <div className={`nhsuk-radios nhsuk-radios--small${item.kind === 'yesNo' ? ' nhsuk-radios--inline' : ''}`}>
          {options.map((o) => (
            <div className="nhsuk-radios__item" key={o.id}>
              <input className="nhsuk-radios__input" id={o.id} name={base} type="radio" value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={o.id}>
                {o.label}
                {o.score !== undefined ? <span className="sonar-option-points"> ({o.score === 1 ? '1 point' : `${o.score} points`})</span> : null}
              </label>
            </div>
          ))}
        </div>
        {item.kind === 'yesNo' && value !== '' && !item.required ? (
          <button type="button" className="sonar-link-button" onClick={() => onChange('')}>
            Clear this answer
          </button>
        ) : null}
        <ItemPoints points={points} />
      </fieldset>
    </div>
  );
}
