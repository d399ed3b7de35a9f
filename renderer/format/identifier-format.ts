// Identifiers as the banner and lists show them: a short label (no colon) and the value in its
// display form. The NHS number has its own place in the banner, so "other" identifiers leave it out.
import { formatIdentifier, identifierTypeLabels, type IdentifierType } from '../../domain/identifiers/identifier-types';

export const identifierShortLabels: Record<IdentifierType, string> = {
  nhs_number: 'NHS No.',
  chi_number: 'CHI No.',
  nomis_number: 'Prison No.',
  pnc_id: 'PNC ID',
  custody_record_number: 'Custody No.',
  local_id: 'Local ID',
};

export interface IdentifierView {
  type: IdentifierType;
  label: string;
  longLabel: string;
  value: string;
  /** The site that recorded it, when known (a custody record number is that suite's). */
  originSite: string | null;
}

export function identifierViews(list: readonly { type: IdentifierType; value: string; originSite?: string }[], opts: { withNhs: boolean }): IdentifierView[] {
  return list
    .filter((i) => opts.withNhs || i.type !== 'nhs_number')
    .map((i) => ({ type: i.type, label: identifierShortLabels[i.type], longLabel: identifierTypeLabels[i.type], value: formatIdentifier(i.type, i.value), originSite: i.originSite ?? null }));
}
