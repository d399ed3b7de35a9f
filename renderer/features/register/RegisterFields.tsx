// The fields of "Register a person", in order: name, date of birth, sex, NHS number, then the
// optional other identifiers and aliases.
import type { Dispatch, Ref, SetStateAction } from 'react';
import type { FieldErrors } from '../../app/form-errors';
import { TextField } from '../../components/TextField';
import type { IdentifierDraft } from '../identity/identifier-input';
import { AliasesField } from './AliasesField';
import { DateOfBirthField } from './DateOfBirthField';
import { NhsNumberField } from './NhsNumberField';
import { OtherIdentifiersField } from './OtherIdentifiersField';
import type { AliasDraft, ExtraField } from './register-extras';
import type { RegisterDraft, RegisterField } from './register-form';
import { SexField } from './SexField';

type Field = RegisterField | ExtraField;

interface Props {
  draft: RegisterDraft;
  setDraft: Dispatch<SetStateAction<RegisterDraft>>;
  identifiers: IdentifierDraft[];
  setIdentifiers(rows: IdentifierDraft[]): void;
  aliases: AliasDraft[];
  setAliases(rows: AliasDraft[]): void;
  errors: FieldErrors<Field>;
  clearError(field: Field): void;
  onNhsBlur(): void;
  onIdentifierBlur(index: number): void;
  firstRef: Ref<HTMLInputElement>;
}

export function RegisterFields(p: Props) {
  const { draft, errors, clearError } = p;
  const update = <K extends keyof RegisterDraft>(key: K, value: RegisterDraft[K]) => p.setDraft((d) => ({ ...d, [key]: value }));
  return (
    <>
      <TextField
        id="familyName"
        label="Family name"
        value={draft.familyName}
        onValueChange={(v) => {
          update('familyName', v);
          clearError('familyName');
        }}
        error={errors.familyName?.message}
        autoComplete="off"
        spellCheck={false}
        width="20"
        inputRef={p.firstRef}
      />
      <TextField
        id="givenNames"
        label="Given names"
        hint="All of them, in order"
        value={draft.givenNames}
        onValueChange={(v) => {
          update('givenNames', v);
          clearError('givenNames');
        }}
        error={errors.givenNames?.message}
        autoComplete="off"
        spellCheck={false}
        width="30"
      />
      <TextField id="title" label="Title (optional)" hint="For example, Mr, Ms, Dr" value={draft.title} onValueChange={(v) => update('title', v)} error={errors.title?.message} autoComplete="off" width="5" />
      <DateOfBirthField
        day={draft.birthDay}
        month={draft.birthMonth}
        year={draft.birthYear}
        onChange={(part, value) => update(part === 'day' ? 'birthDay' : part === 'month' ? 'birthMonth' : 'birthYear', value)}
        error={errors.birthDate}
      />
      <SexField
        value={draft.sex}
        onChange={(sex) => {
          update('sex', sex);
          clearError('sex');
        }}
        error={errors.sex?.message}
      />
      <NhsNumberField
        value={draft.nhsNumber}
        notKnown={draft.nhsNumberNotKnown}
        onChange={(v) => update('nhsNumber', v)}
        onNotKnownChange={(notKnown) => {
          update('nhsNumberNotKnown', notKnown);
          clearError('nhsNumber');
        }}
        onBlur={p.onNhsBlur}
        error={errors.nhsNumber?.message}
      />
      <OtherIdentifiersField rows={p.identifiers} onChange={p.setIdentifiers} onBlurRow={p.onIdentifierBlur} errors={errors} />
      <AliasesField rows={p.aliases} onChange={p.setAliases} errors={errors} />
    </>
  );
}
