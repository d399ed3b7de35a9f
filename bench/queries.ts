// What clinicians type into the one search box, built from people who are really in the database:
// surname prefixes, "surname given-prefix" pairs, whole NHS numbers (sometimes spaced as printed)
// and six-digit NHS prefixes. Sampling real rows makes common surnames come up as often as in life.
import type { RawDb } from '../db/open';
import { formatNhsNumber } from '../domain/identifiers/nhs-number';
import { searchTokens } from '../domain/person/person-name';
import type { Prng } from './prng';

export interface SampledPerson {
  familyName: string;
  givenNames: string;
  nhsNumber: string | null;
}

export interface QueryKind {
  name: string;
  needsNhs: boolean;
  make(person: SampledPerson, rng: Prng): string;
}

function typedCase(text: string, rng: Prng): string {
  const u = rng.next();
  if (u < 0.4) return text.toLowerCase();
  if (u < 0.9) return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
  return text.toUpperCase();
}

export const NAME_KINDS: readonly QueryKind[] = [
  {
    name: 'surnamePrefix',
    needsNhs: false,
    make: (p, rng) => typedCase((searchTokens(p.familyName)[0] ?? p.familyName).slice(0, rng.between(3, 4)), rng),
  },
  {
    name: 'surnameGivenPrefix',
    needsNhs: false,
    make: (p, rng) => `${typedCase(p.familyName, rng)} ${typedCase(p.givenNames.slice(0, rng.between(2, 3)), rng)}`,
  },
];

export const NHS_KINDS: readonly QueryKind[] = [
  {
    name: 'full',
    needsNhs: true,
    make: (p, rng) => (rng.chance(0.3) ? formatNhsNumber(p.nhsNumber ?? '') : (p.nhsNumber ?? '')),
  },
  { name: 'prefix6', needsNhs: true, make: (p) => (p.nhsNumber ?? '').slice(0, 6) },
];

/** `count` people picked uniformly by rowid (with an NHS number when `withNhs`). */
export function samplePeople(raw: RawDb, count: number, rng: Prng, withNhs: boolean): SampledPerson[] {
  const maxSeq = (raw.prepare('SELECT max(seq) AS n FROM persons').get() as { n: number | null }).n ?? 0;
  if (maxSeq === 0) throw new Error('the population is empty');
  const bySeq = raw.prepare(
    `SELECT p.family_name AS familyName, p.given_names AS givenNames, i.value AS nhsNumber
     FROM persons p LEFT JOIN person_identifiers i ON i.person_id = p.id AND i.type = 'nhs_number' WHERE p.seq = ?`,
  );
  const out: SampledPerson[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const row = bySeq.get(rng.between(1, maxSeq)) as SampledPerson | undefined;
    if (row && (!withNhs || row.nhsNumber !== null)) out.push(row);
  }
  if (out.length < count) throw new Error(`could only sample ${out.length} of ${count} people`);
  return out;
}
