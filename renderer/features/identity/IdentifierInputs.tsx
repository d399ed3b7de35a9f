// One identifier: its type and its value, side by side. The hint under the value follows the type.
import type { Ref } from 'react';
import { identifierTypeLabels, type IdentifierType } from '../../../domain/identifiers/identifier-types';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { identifierHints, type IdentifierDraft, type IdentifierTypeChoice } from './identifier-input';

interface Props {
  /** Ids are `${id}-type` and `${id}-value`. */
  id: string;
  draft: IdentifierDraft;
  types: readonly IdentifierType[];
  onChange(draft: IdentifierDraft): void;
  onBlurValue?(): void;
  typeError?: string | undefined;
  valueError?: string | undefined;
  typeRef?: Ref<HTMLSelectElement>;
  /** "Identifier 2" when there are several rows. */
  labelSuffix?: string;
}

export function IdentifierInputs({ id, draft, types, onChange, onBlurValue, typeError, valueError, typeRef, labelSuffix = '' }: Props) {
  return (
    <div className="sonar-inline-fields">
      <SelectField
        id={`${id}-type`}
        label={`Type of identifier${labelSuffix}`}
        value={draft.type}
        selectRef={typeRef}
        onValueChange={(v) => onChange({ ...draft, type: v as IdentifierTypeChoice })}
        error={typeError}
        options={[{ value: '', label: 'Choose a type' }, ...types.map((t) => ({ value: t, label: identifierTypeLabels[t] }))]}
      />
      <TextField
        id={`${id}-value`}
        label={`Identifier${labelSuffix}`}
        hint={draft.type ? identifierHints[draft.type] : 'Choose the type first'}
        value={draft.value}
        onValueChange={(v) => onChange({ ...draft, value: v })}
        onBlur={onBlurValue}
        error={valueError}
        width="20"
        code
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
