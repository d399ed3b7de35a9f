// Checking an identifier typed at the desk with the same domain rules the server applies, so the
// message comes before anything is sent.
import { checkIdentifier, identifierTypeLabels, identifierTypeSchema, type IdentifierType } from '../../../domain/identifiers/identifier-types';

export type IdentifierTypeChoice = IdentifierType | '';

export interface IdentifierDraft {
  type: IdentifierTypeChoice;
  value: string;
}

/** Types offered beside the NHS number (which has its own box at registration). */
export const otherIdentifierTypes: readonly IdentifierType[] = identifierTypeSchema.options.filter((t) => t !== 'nhs_number');

export const identifierHints: Record<IdentifierType, string> = {
  nhs_number: '10 digits, for example 943 476 5919',
  chi_number: '10 digits starting with the date of birth (DDMMYY)',
  nomis_number: 'A letter, 4 digits and 2 letters, for example A1234BC',
  pnc_id: 'Year, slash, serial number and check letter, for example 2003/0012345N',
  custody_record_number: 'As printed on the custody record',
  local_id: 'The number this site uses',
};

export type IdentifierInputCheck = { ok: true; type: IdentifierType; value: string } | { ok: false; message: string; on: 'type' | 'value' };

export function checkIdentifierDraft(draft: IdentifierDraft, ctx: { allowTestNumbers: boolean; now: Date }): IdentifierInputCheck {
  if (draft.type === '') return { ok: false, message: 'Select the type of identifier', on: 'type' };
  const label = identifierTypeLabels[draft.type];
  if (draft.value.trim() === '') return { ok: false, message: `Enter the ${label}`, on: 'value' };
  const check = checkIdentifier(draft.type, draft.value, { allowTestNumbers: ctx.allowTestNumbers, currentYear: ctx.now.getFullYear() });
  if (!check.ok) {
    // The domain's reasons mostly name the identifier already ("PNC ID is not valid: ..."); say it once.
    const named = check.reason.toLowerCase().startsWith(label.toLowerCase()) || check.reason.toLowerCase().startsWith(label.split(' ')[0]!.toLowerCase());
    return { ok: false, message: named ? check.reason : `${label}: ${check.reason}`, on: 'value' };
  }
  return { ok: true, type: draft.type, value: check.value };
}
