// "Register a new person" from a search that found nobody: what was searched for is already
// known, so an NHS number or date of birth typed into the search box starts the form filled in.
import { formatNhsNumber } from '../../../domain/identifiers/nhs-number';
import { parseSearchQuery } from '../../../domain/person/search-query';
import type { RegisterDraft } from './register-form';

export function draftFromSearch(query: string | undefined, empty: RegisterDraft): RegisterDraft {
  if (!query) return empty;
  const parsed = parseSearchQuery(query);
  if (parsed.kind === 'nhsNumber' && parsed.digitsPrefix.length === 10) return { ...empty, nhsNumber: formatNhsNumber(parsed.digitsPrefix) };
  const birthDate = parsed.kind === 'birthDate' || parsed.kind === 'name' ? parsed.birthDate : null;
  if (!birthDate) return empty;
  const [y = '', m = '', d = ''] = birthDate.split('-');
  return { ...empty, birthDay: d, birthMonth: m, birthYear: y };
}
