// One template item, whatever its kind: the generic renderer's single entry point.
import { NOT_DISCLOSED } from '../../../domain/templates/answers';
import type { Item } from '../../../domain/templates/template-schema';
import { DateTimeField } from '../../components/DateTimeField';
import { ChoiceItem } from './ChoiceItem';
import { BodyMapItem } from './BodyMapItem';
import { asDateTime, type DraftValue } from './form-draft';
import { MultiChoiceItem } from './MultiChoiceItem';
import { TextItem } from './TextItem';

interface Props {
  item: Item;
  value: DraftValue | undefined;
  onChange(value: DraftValue): void;
  error?: string | undefined;
  /** Points this answer adds to a score, when it is scored and answered. */
  points: number | null;
}

/**
 * An item that may be answered "Not disclosed" (the person was asked and declined): the question,
 * and a box that records that answer instead. Ticked, the answer reads "Not disclosed" in words.
 */
export function ItemField(props: Props) {
  const { item, value, onChange } = props;
  if (item.kind === 'info' || !item.notDisclosed) return <ItemControl {...props} />;
  const declined = value === NOT_DISCLOSED;
  const boxId = `item-${item.id}-declined`;
  return (
    <div className="sonar-declinable" data-item={item.id}>
      {declined ? (
        <p className="nhsuk-body nhsuk-u-margin-bottom-1">
          <strong>{item.label}</strong>: Not disclosed
        </p>
      ) : (
        <ItemControl {...props} />
      )}
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small sonar-declined-box">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={boxId} type="checkbox" checked={declined} onChange={(e) => onChange(e.target.checked ? NOT_DISCLOSED : '')} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={boxId}>
            Not disclosed<span className="nhsuk-u-visually-hidden">: {item.label}</span>
          </label>
        </div>
      </div>
    </div>
  );
}

function ItemControl({ item, value, onChange, error, points }: Props) {
  const text = typeof value === 'string' ? value : '';
  switch (item.kind) {
    case 'info':
      return (
        <div className="nhsuk-inset-text" data-item={item.id}>
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>{item.label}</p>
          {item.help ? <p>{item.help}</p> : null}
        </div>
      );
    case 'text':
    case 'number':
      return <TextItem item={item} value={text} onChange={onChange} error={error} points={points} />;
    case 'choice':
    case 'scored':
    case 'yesNo':
      return <ChoiceItem item={item} value={text} onChange={onChange} error={error} points={points} />;
    case 'multiChoice':
      return <MultiChoiceItem item={item} value={Array.isArray(value) ? value : []} onChange={onChange} error={error} points={points} />;
    case 'bodyMap':
      return <BodyMapItem item={item} value={Array.isArray(value) ? value : []} onChange={onChange} error={error} />;
    case 'date':
    case 'dateTime':
      return (
        <div data-item={item.id}>
          <DateTimeField
            id={`item-${item.id}`}
            legend={`${item.label}${item.required ? '' : ' (optional)'}`}
            hint={`${item.help ? `${item.help} ` : ''}For example, 23 11 2026${item.kind === 'dateTime' ? ' and 14:05' : ''}`}
            value={asDateTime(value)}
            onChange={onChange}
            error={error ? { message: error } : undefined}
            dateOnly={item.kind === 'date'}
          />
        </div>
      );
  }
}
