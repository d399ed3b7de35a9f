// What clinicians type into the one search box, built from people and identifiers really in the
// database: family name prefixes, whole family names, "family given-prefix" pairs, a family name
// with a date of birth typed 3/4/88; and every identifier type in the forms people type them (NHS
// and CHI numbers spaced as printed, prison numbers in lower case, PNC IDs in their short form).
// Sampling real rows makes common names come up as often as in life.
import type { RawDb } from '../db/open';
import { formatNhsNumber } from '../domain/identifiers/nhs-number';
import type { IdentifierType } from '../domain/identifiers/identifier-types';
import { familyKey } from '../domain/person/search-keys';
import type { Prng } from './prng';

export interface SampledPerson {
  familyName: string;
  givenNames: string;
  birthDate: string;
}

export interface SampledIdentifier {
  type: IdentifierType;
  value: string;
}

export interface QueryKind<T> {
  name: string;
  make(sample: T, rng: Prng): string;
}

function typedCase(text: string, rng: Prng): string {
  const u = rng.next();
  if (u < 0.4) return text.toLowerCase();
  if (u < 0.9) return text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
  return text.toUpperCase();
}

/** 1988-04-03 typed as 3/4/88. */
function shortDate(iso: string): string {
  const [y = '', m = '', d = ''] = iso.split('-');
  return `${Number(d)}/${Number(m)}/${y.slice(2)}`;
}

export const NAME_KINDS: readonly QueryKind<SampledPerson>[] = [
  { name: 'surnamePrefix', make: (p, rng) => typedCase(familyKey(p.familyName).slice(0, rng.between(3, 4)), rng) },
  { name: 'surname', make: (p, rng) => typedCase(p.familyName, rng) },
  { name: 'surnameGivenPrefix', make: (p, rng) => `${typedCase(p.familyName, rng)} ${typedCase(p.givenNames.slice(0, rng.between(2, 3)), rng)}` },
  { name: 'surnameBirthDate', make: (p, rng) => `${typedCase(p.familyName, rng)} ${shortDate(p.birthDate)}` },
];

/** 2003/0012345N typed as 03/12345n. */
function shortPnc(value: string, rng: Prng): string {
  const m = /^(\d{4})\/(\d{7})([A-Z])$/.exec(value);
  if (!m) return value;
  const letter = rng.chance(0.5) ? (m[3] ?? '').toLowerCase() : (m[3] ?? '');
  return `${(m[1] ?? '').slice(2)}/${Number(m[2])}${letter}`;
}

export const IDENTIFIER_KINDS: readonly (QueryKind<SampledIdentifier> & { type: IdentifierType })[] = [
  { name: 'nhsNumber', type: 'nhs_number', make: (i, rng) => (rng.chance(0.3) ? formatNhsNumber(i.value) : i.value) },
  { name: 'chiNumber', type: 'chi_number', make: (i, rng) => (rng.chance(0.3) ? formatNhsNumber(i.value) : i.value) },
  { name: 'prisonNumberLowerCase', type: 'nomis_number', make: (i) => i.value.toLowerCase() },
  { name: 'pncShortForm', type: 'pnc_id', make: (i, rng) => shortPnc(i.value, rng) },
  { name: 'custodyRecordNumber', type: 'custody_record_number', make: (i) => i.value },
  { name: 'localId', type: 'local_id', make: (i, rng) => (rng.chance(0.3) ? i.value.toLowerCase() : i.value) },
];

/** `count` people picked uniformly by rowid. */
export function samplePeople(raw: RawDb, count: number, rng: Prng): SampledPerson[] {
  const maxSeq = (raw.prepare('SELECT max(seq) AS n FROM persons').get() as { n: number | null }).n ?? 0;
  if (maxSeq === 0) throw new Error('the population is empty');
  const bySeq = raw.prepare('SELECT family_name AS familyName, given_names AS givenNames, birth_date AS birthDate FROM persons WHERE seq = ?');
  const out: SampledPerson[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const row = bySeq.get(rng.between(1, maxSeq)) as SampledPerson | undefined;
    if (row) out.push(row);
  }
  if (out.length < count) throw new Error(`could only sample ${out.length} of ${count} people`);
  return out;
}

/** `count` identifiers of one type, picked uniformly by rowid. */
export function sampleIdentifiers(raw: RawDb, type: IdentifierType, count: number, rng: Prng): SampledIdentifier[] {
  const maxRow = (raw.prepare('SELECT max(rowid) AS n FROM person_identifiers').get() as { n: number | null }).n ?? 0;
  const next = raw.prepare('SELECT type, value FROM person_identifiers WHERE rowid >= ? AND +type = ? ORDER BY rowid LIMIT 1');
  const out: SampledIdentifier[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const row = next.get(rng.between(1, maxRow), type) as SampledIdentifier | undefined;
    if (row) out.push(row);
  }
  if (out.length < count) throw new Error(`could only sample ${out.length} of ${count} ${type} identifiers`);
  return out;
}
