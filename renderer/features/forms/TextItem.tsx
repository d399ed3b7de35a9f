// Free text (one line or several) and numbers (with their unit beside the box).
import type { Item } from '../../../domain/templates/template-schema';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ItemPoints } from './ItemPoints';

type TypedItem = Extract<Item, { kind: 'text' | 'number' }>;

export function TextItem({ item, value, onChange, error, points }: { item: TypedItem; value: string; onChange(v: string): void; error?: string | undefined; points: number | null }) {
  const id = `item-${item.id}`;
  const describedBy = [item.help ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, value, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, autoComplete: 'off' } as const;
  let control;
  if (item.kind === 'text' && item.multiline) {
    control = <textarea {...common} className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} rows={3} onChange={(e) => onChange(e.target.value)} />;
  } else if (item.kind === 'text') {
    control = <input {...common} type="text" className={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`} onChange={(e) => onChange(e.target.value)} />;
  } else {
    const input = (
      <input
        {...common}
        type="text"
        inputMode={item.integer ? 'numeric' : 'decimal'}
        spellCheck={false}
        className={`nhsuk-input nhsuk-input--width-4${error ? ' nhsuk-input--error' : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
    );
    control = item.unit ? (
      <div className="nhsuk-input-wrapper">
        {input}
        <div className="nhsuk-input-wrapper__suffix" aria-hidden="true">
          {item.unit}
        </div>
      </div>
    ) : (
      input
    );
  }
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} data-item={item.id}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {item.label}
        {item.kind === 'number' && item.unit ? <span className="nhsuk-u-visually-hidden"> ({item.unit})</span> : null}
        {item.required ? null : <span className="sonar-optional"> (optional)</span>}
      </label>
      {item.help ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {item.help}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`} message={error} /> : null}
      {control}
      <ItemPoints points={points} />
    </div>
  );
}
