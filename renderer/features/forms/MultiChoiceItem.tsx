// A multi-answer item as NHS checkboxes. Option ids are item-<id>-opt-<n>.
import type { Item } from '../../../domain/templates/template-schema';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ItemPoints } from './ItemPoints';

type CheckItem = Extract<Item, { kind: 'multiChoice' }>;

export function MultiChoiceItem({ item, value, onChange, error, points }: { item: CheckItem; value: string[]; onChange(v: string[]): void; error?: string | undefined; points: number | null }) {
  const base = `item-${item.id}`;
  const describedBy = [`${base}-select-hint`, item.help ? `${base}-hint` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} data-item={item.id}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          {item.label}
          {item.required ? null : <span className="sonar-optional"> (optional)</span>}
        </legend>
        <div className="nhsuk-hint" id={`${base}-select-hint`}>
          Select all that apply
          {item.help ? <span id={`${base}-hint`}>. {item.help}</span> : null}
        </div>
        {error ? <ErrorMessage id={`${base}-error`} message={error} /> : null}
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
          {item.options.map((o, i) => {
            const id = `${base}-opt-${i}`;
            const checked = value.includes(o.value);
            return (
              <div className="nhsuk-checkboxes__item" key={o.value}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={id}
                  type="checkbox"
                  value={o.value}
                  checked={checked}
                  onChange={() => onChange(checked ? value.filter((v) => v !== o.value) : [...value, o.value])}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                  {o.label}
                </label>
              </div>
            );
          })}
        </div>
        <ItemPoints points={points} />
      </fieldset>
    </div>
  );
}
