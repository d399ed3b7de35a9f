// "Other identifiers (optional)": rows of type + value, each checked when the value box is left.
import { useEffect, useRef } from 'react';
import type { FieldError } from '../../app/form-errors';
import { IdentifierInputs } from '../identity/IdentifierInputs';
import { otherIdentifierTypes, type IdentifierDraft } from '../identity/identifier-input';
import type { ExtraField } from './register-extras';

interface Props {
  rows: readonly IdentifierDraft[];
  onChange(rows: IdentifierDraft[]): void;
  onBlurRow(index: number): void;
  errors: Partial<Record<ExtraField, FieldError>>;
}

export function OtherIdentifiersField({ rows, onChange, onBlurRow, errors }: Props) {
  const added = useRef<number | null>(null);
  useEffect(() => {
    if (added.current !== null) document.getElementById(`identifier-${added.current}-type`)?.focus();
    added.current = null;
  }, [rows.length]);
  return (
    <fieldset className="nhsuk-fieldset nhsuk-form-group" data-testid="other-identifiers">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Other identifiers (optional)</legend>
      <div className="nhsuk-hint">For example a PNC ID, prison number or custody record number. They are checked for records already held.</div>
      {rows.map((row, i) => (
        <div className="sonar-row" key={i}>
          <IdentifierInputs
            id={`identifier-${i}`}
            draft={row}
            types={otherIdentifierTypes}
            labelSuffix={rows.length > 1 ? ` ${i + 1}` : ''}
            onChange={(d) => onChange(rows.map((r, j) => (j === i ? d : r)))}
            onBlurValue={() => onBlurRow(i)}
            typeError={errors[`identifier-${i}-type`]?.message}
            valueError={errors[`identifier-${i}-value`]?.message}
          />
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small sonar-row__remove" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove<span className="nhsuk-u-visually-hidden"> identifier {i + 1}</span>
          </button>
        </div>
      ))}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onClick={() => {
          added.current = rows.length;
          onChange([...rows, { type: '', value: '' }]);
        }}
      >
        {rows.length === 0 ? 'Add an identifier' : 'Add another identifier'}
      </button>
    </fieldset>
  );
}
