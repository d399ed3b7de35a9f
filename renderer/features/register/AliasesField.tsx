// "Also known as (optional)": names the person has been logged under; matched for duplicates too.
import { useEffect, useRef } from 'react';
import type { FieldError } from '../../app/form-errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import type { AliasDraft, ExtraField } from './register-extras';

interface Props {
  rows: readonly AliasDraft[];
  onChange(rows: AliasDraft[]): void;
  errors: Partial<Record<ExtraField, FieldError>>;
}

export function AliasesField({ rows, onChange, errors }: Props) {
  const added = useRef<number | null>(null);
  useEffect(() => {
    if (added.current !== null) document.getElementById(`alias-${added.current}-familyName`)?.focus();
    added.current = null;
  }, [rows.length]);
  return (
    <fieldset className="nhsuk-fieldset nhsuk-form-group" data-testid="aliases-field">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Also known as (optional)</legend>
      <div className="nhsuk-hint">Other names the person uses or has been recorded under.</div>
      {rows.map((row, i) => {
        const error = errors[`alias-${i}`]?.message;
        const n = rows.length > 1 ? ` ${i + 1}` : '';
        return (
          <div className={`sonar-row${error ? ' nhsuk-form-group--error' : ''}`} key={i}>
            {error ? <ErrorMessage id={`alias-${i}-error`} message={error} /> : null}
            <div className="sonar-inline-fields">
              <TextField id={`alias-${i}-familyName`} label={`Alias family name${n}`} value={row.familyName} onValueChange={(v) => onChange(rows.map((r, j) => (j === i ? { ...r, familyName: v } : r)))} width="20" autoComplete="off" spellCheck={false} />
              <TextField id={`alias-${i}-givenNames`} label={`Alias given names${n}`} value={row.givenNames} onValueChange={(v) => onChange(rows.map((r, j) => (j === i ? { ...r, givenNames: v } : r)))} width="20" autoComplete="off" spellCheck={false} />
            </div>
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small sonar-row__remove" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              Remove<span className="nhsuk-u-visually-hidden"> alias {i + 1}</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onClick={() => {
          added.current = rows.length;
          onChange([...rows, { familyName: '', givenNames: '' }]);
        }}
      >
        {rows.length === 0 ? 'Add an alias' : 'Add another alias'}
      </button>
    </fieldset>
  );
}
