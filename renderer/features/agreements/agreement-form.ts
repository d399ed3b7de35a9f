// The "Add a data-sharing agreement" form as data: what was typed, checked before sending, and a
// server refusal's paths ("agreement.validTo") brought back to the form's own fields.
import type { Agreement, DataCategory, OrgType, Purpose } from '../../../domain/access/disclosure';
import type { RpcError } from '../../../contract/result';
import type { FieldErrors } from '../../app/form-errors';
import { checkDate, isBlankDate, type DateDraft } from '../consent/date-only';

export type AgreementField = 'id' | 'version' | 'title' | 'fromOrgTypes' | 'toOrgTypes' | 'categories' | 'purposes' | 'validFrom' | 'validTo';
export const agreementFields: readonly AgreementField[] = ['id', 'version', 'title', 'fromOrgTypes', 'toOrgTypes', 'categories', 'purposes', 'validFrom', 'validTo'];

export interface AgreementDraft {
  id: string;
  version: string;
  title: string;
  fromOrgTypes: OrgType[];
  toOrgTypes: OrgType[];
  categories: DataCategory[];
  purposes: Purpose[];
  validFrom: DateDraft;
  validTo: DateDraft;
}

export const AGREEMENT_ID = /^[A-Z0-9-]{3,40}$/;

/** Where the error summary sends the user for each field. */
export const agreementTargets: Record<AgreementField, string> = {
  id: 'agreement-id',
  version: 'agreement-version',
  title: 'agreement-title',
  fromOrgTypes: 'agreement-from-custody_healthcare',
  toOrgTypes: 'agreement-to-custody_healthcare',
  categories: 'agreement-categories-demographics',
  purposes: 'agreement-purposes-direct_care',
  validFrom: 'agreement-valid-from-day',
  validTo: 'agreement-valid-to-day',
};

export type AgreementCheck = { ok: true; agreement: Agreement } | { ok: false; errors: FieldErrors<AgreementField> };

export function checkAgreement(draft: AgreementDraft): AgreementCheck {
  const errors: FieldErrors<AgreementField> = {};
  const at = (field: AgreementField, message: string, target = agreementTargets[field], parts?: readonly string[]) => {
    errors[field] = { message, target, ...(parts ? { parts } : {}) };
  };
  const id = draft.id.trim().toUpperCase();
  if (id === '') at('id', 'Enter the agreement reference');
  else if (!AGREEMENT_ID.test(id)) at('id', 'Agreement reference must be 3 to 40 capital letters, numbers or hyphens, for example DSA-CUSTODY-01');
  const version = draft.version.trim();
  if (version === '') at('version', 'Enter the version number');
  else if (!/^\d{1,6}$/.test(version) || Number(version) < 1) at('version', 'Version must be a whole number, 1 or more');
  const title = draft.title.trim();
  if (title === '') at('title', 'Enter the title of the agreement');
  else if (title.length > 200) at('title', 'Title must be 200 characters or fewer');
  if (draft.fromOrgTypes.length === 0) at('fromOrgTypes', 'Select who shares under the agreement');
  if (draft.toOrgTypes.length === 0) at('toOrgTypes', 'Select who receives under the agreement');
  if (draft.categories.length === 0) at('categories', 'Select what information the agreement covers');
  if (draft.purposes.length === 0) at('purposes', 'Select what the information may be used for');
  const from = checkDate(draft.validFrom, 'Start date');
  if (!from.ok) at('validFrom', from.message, `agreement-valid-from-${from.parts[0] ?? 'day'}`, from.parts);
  let validTo: string | null = null;
  if (!isBlankDate(draft.validTo)) {
    const to = checkDate(draft.validTo, 'End date');
    if (!to.ok) at('validTo', to.message, `agreement-valid-to-${to.parts[0] ?? 'day'}`, to.parts);
    else if (from.ok && to.iso < from.iso) at('validTo', 'End date must be the same as or after the start date');
    else validTo = to.iso;
  }
  if (Object.keys(errors).length > 0 || !from.ok) return { ok: false, errors };
  return {
    ok: true,
    agreement: {
      id,
      version: Number(version),
      title,
      fromOrgTypes: draft.fromOrgTypes,
      toOrgTypes: draft.toOrgTypes,
      categories: draft.categories,
      purposes: draft.purposes,
      validFrom: from.iso,
      validTo,
    },
  };
}

/** The server names fields inside `agreement`; the form knows them without that prefix. */
export function unwrapAgreementPaths(error: RpcError): RpcError {
  const strip = (p: string) => p.replace(/^agreement\./, '');
  return {
    ...error,
    ...(error.path !== undefined ? { path: strip(error.path) } : {}),
    ...(error.issues ? { issues: error.issues.map((i) => ({ ...i, path: strip(i.path) })) } : {}),
  };
}
