// Names as the patient banner shows them: FAMILY name in capitals, then given name(s) and title.

export interface PersonName {
  familyName: string;
  givenNames: string;
  title?: string | null;
}

export function bannerName(name: PersonName): string {
  const given = [name.givenNames.trim(), name.title ? `(${name.title.trim()})` : ''].filter(Boolean).join(' ');
  return given ? `${name.familyName.trim().toUpperCase()}, ${given}` : name.familyName.trim().toUpperCase();
}

/** Lower-case, accents removed, apostrophes and hyphens dropped: the form search compares. */
export function searchForm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`-]/g, '')
    .replace(/[^a-z0-9\s]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
