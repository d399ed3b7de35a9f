// The optional parts of "Register a person": other identifiers (PNC ID, prison number...) and
// aliases, as rows the clinician adds. Empty rows are ignored; each row's problem is shown at it.
import type { IdentifierType } from '../../../domain/identifiers/identifier-types';
import type { FieldError } from '../../app/form-errors';
import { checkIdentifierDraft, type IdentifierDraft } from '../identity/identifier-input';

export interface AliasDraft {
  familyName: string;
  givenNames: string;
}

/** Error keys for the rows: `identifier-<i>-type`, `identifier-<i>-value`, `alias-<i>`. */
export type ExtraField = `identifier-${number}-type` | `identifier-${number}-value` | `alias-${number}`;

export function extraOrder(identifiers: readonly IdentifierDraft[], aliases: readonly AliasDraft[]): ExtraField[] {
  return [
    ...identifiers.flatMap((_, i) => [`identifier-${i}-type` as const, `identifier-${i}-value` as const]),
    ...aliases.map((_, i) => `alias-${i}` as const),
  ];
}

const blankIdentifier = (d: IdentifierDraft) => d.type === '' && d.value.trim() === '';
const blankAlias = (a: AliasDraft) => a.familyName.trim() === '' && a.givenNames.trim() === '';

export type ExtrasCheck = {
  errors: Partial<Record<ExtraField, FieldError>>;
  identifiers: { type: IdentifierType; value: string }[];
  aliases: AliasDraft[];
};

export function checkExtras(identifiers: readonly IdentifierDraft[], aliases: readonly AliasDraft[], ctx: { allowTestNumbers: boolean; now: Date }): ExtrasCheck {
  const errors: Partial<Record<ExtraField, FieldError>> = {};
  const okIdentifiers: { type: IdentifierType; value: string }[] = [];
  identifiers.forEach((draft, i) => {
    if (blankIdentifier(draft)) return;
    const check = checkIdentifierDraft(draft, ctx);
    if (check.ok) okIdentifiers.push({ type: check.type, value: check.value });
    else errors[`identifier-${i}-${check.on}`] = { message: check.message };
  });
  const okAliases: AliasDraft[] = [];
  aliases.forEach((a, i) => {
    if (blankAlias(a)) return;
    if (a.familyName.trim() === '') errors[`alias-${i}`] = { message: `Enter the family name of alias ${i + 1}`, target: `alias-${i}-familyName` };
    else okAliases.push({ familyName: a.familyName.trim(), givenNames: a.givenNames.trim() });
  });
  return { errors, identifiers: okIdentifiers, aliases: okAliases };
}

/** A server path for these rows (otherIdentifiers.1.value, aliases.0.familyName) as the row's error key. */
export function extraFieldOfPath(path: string): ExtraField | null {
  const id = /^otherIdentifiers\.(\d+)\.(type|value)$/.exec(path);
  if (id) return `identifier-${Number(id[1])}-${id[2] as 'type' | 'value'}`;
  const alias = /^aliases\.(\d+)(\.|$)/.exec(path);
  if (alias) return `alias-${Number(alias[1])}`;
  return null;
}
