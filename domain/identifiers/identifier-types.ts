// The identifier types a person may hold, and one place to check and display any of them.
// Values are stored as the canonical strings these checks return.
import { z } from 'zod';
import { checkChiNumber, formatChiNumber } from './chi-number';
import { checkCustodyRecordNumber, type CustodyRecordPattern } from './custody-record-number';
import { checkNhsNumber, formatNhsNumber } from './nhs-number';
import { checkNomisNumber } from './nomis-number';
import { checkPncId } from './pnc-id';

export const identifierTypeSchema = z.enum(['nhs_number', 'chi_number', 'nomis_number', 'pnc_id', 'custody_record_number', 'local_id']);
export type IdentifierType = z.infer<typeof identifierTypeSchema>;

export const identifierTypeLabels: Record<IdentifierType, string> = {
  nhs_number: 'NHS number',
  chi_number: 'CHI number',
  nomis_number: 'Prison number (NOMIS)',
  pnc_id: 'PNC ID',
  custody_record_number: 'Custody record number',
  local_id: 'Local ID',
};

export type IdentifierCheck =
  | { ok: true; value: string }
  | { ok: false; reason: string };

export type IdentifierContext = {
  /** Demo/test sites only: accept NHS numbers in the 999 test range. */
  allowTestNumbers: boolean;
  /** 4-digit year, from the caller's clock: fixes the window for 2-digit PNC years. */
  currentYear: number;
  /** The site's custody record number shape; the default pattern when absent. */
  custodyRecordPattern?: CustodyRecordPattern;
};

const LOCAL_ID_MAX = 64;

/** A local id is whatever the site uses: trimmed, case kept, 1-64 characters, no control characters. */
function checkLocalId(input: string): IdentifierCheck {
  const value = input.trim();
  if (value.length === 0) return { ok: false, reason: 'Enter a local ID' };
  if (value.length > LOCAL_ID_MAX) return { ok: false, reason: `Local ID must be at most ${LOCAL_ID_MAX} characters (you entered ${value.length})` };
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return { ok: false, reason: 'Local ID must not contain tabs, line breaks or other control characters' };
  return { ok: true, value };
}

/** Checks typed or pasted input as the given type; the value is the canonical form to store. */
export function checkIdentifier(type: IdentifierType, input: string, context: IdentifierContext): IdentifierCheck {
  switch (type) {
    case 'nhs_number':
      return checkNhsNumber(input, { allowTestNumbers: context.allowTestNumbers });
    case 'chi_number': {
      const checked = checkChiNumber(input);
      return checked.ok ? { ok: true, value: checked.value } : checked;
    }
    case 'nomis_number':
      return checkNomisNumber(input);
    case 'pnc_id':
      return checkPncId(input, { currentYear: context.currentYear });
    case 'custody_record_number':
      return checkCustodyRecordNumber(input, context.custodyRecordPattern);
    case 'local_id':
      return checkLocalId(input);
  }
}

/** For display: NHS and CHI numbers grouped 3-3-4; the others are stored in their display form. */
export function formatIdentifier(type: IdentifierType, value: string): string {
  switch (type) {
    case 'nhs_number':
      return formatNhsNumber(value);
    case 'chi_number':
      return formatChiNumber(value);
    case 'nomis_number':
    case 'pnc_id':
    case 'custody_record_number':
    case 'local_id':
      return value;
  }
}
