// One template item, whatever its kind: the generic renderer's single entry point.
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

export function ItemField({ item, value, onChange, error, points }: Props) {
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
