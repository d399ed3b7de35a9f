// "Register a new person" from a search that found nobody: what was searched for is already
// known, so an NHS number or date of birth typed into the search box starts the form filled in.
import { formatNhsNumber } from '../../../domain/identifiers/nhs-number';
import { planSearch } from '../../../domain/person/search-query';
import { localIsoDate } from '../../format/person-format';
import type { RegisterDraft } from './register-form';

export function draftFromSearch(query: string | undefined, empty: RegisterDraft, today: string = localIsoDate(new Date())): RegisterDraft {
  if (!query) return empty;
  const plan = planSearch(query, { today });
  const nhs = plan.identifiers.find((i) => i.type === 'nhs_number');
  if (nhs) return { ...empty, nhsNumber: formatNhsNumber(nhs.value) };
  const birthDate = plan.birthDate ?? plan.name?.birthDate ?? null;
  if (!birthDate) return empty;
  const [y = '', m = '', d = ''] = birthDate.split('-');
  return { ...empty, birthDay: d, birthMonth: m, birthYear: y };
}
