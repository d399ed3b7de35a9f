// Likely duplicates (match on identifiers first, then on name + date of birth with
// aliases, and show the candidates to a human to confirm). This only ranks and explains; a person
// decides.
import { searchTokens } from './person-name';

export interface NameForm {
  familyName: string;
  givenNames: string;
}

/** Edit distance, bounded: returns max+1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

function close(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a))) return true;
  const allowed = Math.min(a.length, b.length) >= 6 ? 2 : 1;
  return editDistance(a, b, allowed) <= allowed;
}

function firstToken(text: string): string {
  return searchTokens(text)[0] ?? '';
}

/**
 * Why two names may belong to one person, or null. Similar family names with a compatible first
 * given name (same initial or close), or family and given names swapped (a common logging error).
 */
export function nameSimilarity(a: NameForm, b: NameForm): string | null {
  const familyA = searchTokens(a.familyName);
  const familyB = searchTokens(b.familyName);
  const givenA = firstToken(a.givenNames);
  const givenB = firstToken(b.givenNames);
  const familyClose = familyA.some((x) => familyB.some((y) => close(x, y)));
  const givenCompatible = givenA === '' || givenB === '' || givenA[0] === givenB[0] || close(givenA, givenB);
  if (familyClose && givenCompatible) return 'similar name';
  const swapped = givenA !== '' && givenB !== '' && familyB.some((y) => close(givenA, y)) && familyA.some((x) => close(x, givenB));
  if (swapped) return 'family and given names swapped';
  return null;
}

/** The first reason any of one person's names matches any of the other's, naming the alias used. */
export function namesMatch(
  typed: readonly (NameForm & { alias?: boolean })[],
  candidate: readonly (NameForm & { alias?: boolean })[],
): string | null {
  for (const t of typed) {
    for (const c of candidate) {
      const why = nameSimilarity(t, c);
      if (why) {
        const via = c.alias ? ` (alias ${c.familyName.toUpperCase()}, ${c.givenNames})` : t.alias ? ` (typed alias ${t.familyName.toUpperCase()})` : '';
        return `${why}${via}`;
      }
    }
  }
  return null;
}
