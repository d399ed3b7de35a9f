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

/**
 * The words search compares, lower-case with accents removed. A word with an apostrophe or hyphen
 * gives its joined form and its parts ("O'Brien" -> obrien, o, brien; "Smith-Jones" -> smithjones,
 * smith, jones) so that however a clinician types the name, the same tokens are compared. Used on
 * both sides: to index a name and to read a query.
 */
export function searchTokens(text: string): string[] {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9'’`-]+/)
    .filter((w) => w.length > 0);
  const out: string[] = [];
  for (const word of words) {
    const parts = word.split(/['’`-]+/).filter((p) => p.length > 0);
    const joined = parts.join('');
    if (joined.length === 0) continue;
    out.push(joined);
    if (parts.length > 1) out.push(...parts);
  }
  return [...new Set(out)];
}
