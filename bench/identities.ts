// The other identifiers and the aliases of the synthetic population, so identifier search and
// alias-aware name search are measured on data shaped like a custody and prison caseload: about a
// third with a PNC ID and a custody record number, a quarter with a prison number, a few Scottish
// CHI numbers and local ids; one in ten known by another name. Every value is valid for its type
// and unique, as the store requires.
import { nhsCheckDigit } from '../domain/identifiers/nhs-number';
import { formatPncId, pncCheckLetter } from '../domain/identifiers/pnc-id';
import type { IdentifierType } from '../domain/identifiers/identifier-types';
import type { Prng } from './prng';

export interface SyntheticIdentifier {
  type: Exclude<IdentifierType, 'nhs_number'>;
  value: string;
}

export interface SyntheticAlias {
  familyName: string;
  givenNames: string;
}

const SHARE = { chi: 0.05, nomis: 0.25, pnc: 0.35, custody: 0.35, local: 0.1 } as const;
const ALIAS_SHARE = 0.1;
const SECOND_ALIAS_SHARE = 0.2;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export class IdentityGenerator {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Prng) {}

  /** A value not used before for this type (retries the maker until it is new). */
  private unique(type: string, make: () => string | null): string {
    for (;;) {
      const value = make();
      if (value === null) continue;
      const key = `${type}:${value}`;
      if (this.used.has(key)) continue;
      this.used.add(key);
      return value;
    }
  }

  /** CHI: date of birth DDMMYY, two serial digits, a sex digit (odd male), the mod-11 check digit. */
  private chi(birthDate: string, sex: string): string {
    const [y = '', m = '', d = ''] = birthDate.split('-');
    return this.unique('chi', () => {
      const serial = pad(this.rng.int(100), 2);
      const parity = sex === 'male' ? 1 : sex === 'female' ? 0 : this.rng.int(2);
      const sexDigit = 2 * this.rng.int(5) + parity;
      const first9 = `${d}${m}${y.slice(2)}${serial}${sexDigit}`;
      const check = nhsCheckDigit(first9);
      return check === null ? null : first9 + String(check);
    });
  }

  others(p: { birthDate: string; sex: string }): SyntheticIdentifier[] {
    const out: SyntheticIdentifier[] = [];
    const r = this.rng;
    if (r.chance(SHARE.chi)) out.push({ type: 'chi_number', value: this.chi(p.birthDate, p.sex) });
    if (r.chance(SHARE.nomis)) {
      out.push({ type: 'nomis_number', value: this.unique('nomis', () => `${r.pick([...LETTERS])}${pad(r.int(10_000), 4)}${r.pick([...LETTERS])}${r.pick([...LETTERS])}`) });
    }
    if (r.chance(SHARE.pnc)) {
      out.push({
        type: 'pnc_id',
        value: this.unique('pnc', () => {
          const year = r.between(1980, 2024);
          const serial = r.int(10_000_000);
          return formatPncId(year, serial, pncCheckLetter(year, serial));
        }),
      });
    }
    if (r.chance(SHARE.custody)) {
      out.push({ type: 'custody_record_number', value: this.unique('custody', () => `${pad(r.between(1, 99), 2)}/${pad(r.int(1_000_000), 6)}/${pad(r.between(10, 26), 2)}`) });
    }
    if (r.chance(SHARE.local)) out.push({ type: 'local_id', value: this.unique('local', () => `LOC${pad(r.int(10_000_000), 7)}`) });
    return out;
  }

  /** Another name the person has been logged under: a different family name, or a spelling of the given name. */
  aliases(p: { givenNames: string }, familyName: () => string, givenName: () => string): SyntheticAlias[] {
    if (!this.rng.chance(ALIAS_SHARE)) return [];
    const one = (): SyntheticAlias =>
      this.rng.chance(0.6) ? { familyName: familyName(), givenNames: p.givenNames.split(' ')[0] ?? '' } : { familyName: familyName(), givenNames: givenName() };
    return this.rng.chance(SECOND_ALIAS_SHARE) ? [one(), one()] : [one()];
  }
}
