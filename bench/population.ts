// The synthetic population: one person at a time, reproducible from a seed. Family names are
// skewed like the real ones (a Zipf-like head from names.ts, a tail of rarer generated names),
// birth dates spread over 1940-2008, and ~90% carry a valid, unique NHS number outside the 999
// test range. Ids are UUIDv7 on a synthetic clock, so they arrive in index order like real ones.
import { nhsCheckDigit } from '../domain/identifiers/nhs-number';
import {
  COMMON_FAMILY_NAMES,
  FAMILY_NAME_ENDINGS,
  FAMILY_NAME_STEMS,
  FEMALE_GIVEN_NAMES,
  MALE_GIVEN_NAMES,
  TITLES,
} from './names';
import { IdentityGenerator, type SyntheticAlias, type SyntheticIdentifier } from './identities';
import { Prng, ZipfPicker } from './prng';

export type Sex = 'female' | 'male' | 'other' | 'unknown';

export interface SyntheticPerson {
  id: string;
  familyName: string;
  givenNames: string;
  title: string | null;
  birthDate: string;
  sex: Sex;
  nhsNumber: string | null;
  nhsId: string | null;
  /** CHI, prison number, PNC ID, custody record number, local id (some of them). */
  others: SyntheticIdentifier[];
  aliases: SyntheticAlias[];
  createdAt: string;
}

export interface PopulationOptions {
  seed: number;
  /** How many people the synthetic clock spreads over `createdFrom`..`createdTo`. */
  people: number;
  nhsShare?: number;
  createdFrom?: Date;
  createdTo?: Date;
}

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 't', 'ck', 'm', 'nd', 'rt', 'x'];
const RARE_POOL_SIZE = 100_000;

/** Shares of the three family-name sources; the common list's head then gives Smith about 1%. */
const COMMON_SHARE = 0.4;
const COMPOUND_SHARE = 0.25;
const DOUBLE_BARRELLED_SHARE = 0.015;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function isoDays(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  const end = Date.UTC(toYear, 11, 31);
  for (let t = Date.UTC(fromYear, 0, 1); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

export class PopulationGenerator {
  private readonly rng: Prng;
  private readonly common = new ZipfPicker(COMMON_FAMILY_NAMES, 0.9, 5);
  private readonly compound: ZipfPicker<string>;
  private readonly rarePool: string[];
  private readonly male = new ZipfPicker(MALE_GIVEN_NAMES, 0.9, 3);
  private readonly female = new ZipfPicker(FEMALE_GIVEN_NAMES, 0.9, 3);
  private readonly birthDays = isoDays(1940, 2008);
  private readonly usedNhs = new Set<number>();
  private readonly nhsShare: number;
  private clockMs: number;
  private readonly stepMs: number;
  private readonly identities: IdentityGenerator;

  constructor(options: PopulationOptions) {
    this.rng = new Prng(options.seed);
    // Identifier values from a stream of their own (aliases draw names from the main one).
    this.identities = new IdentityGenerator(new Prng(options.seed ^ 0x1d5));
    this.nhsShare = options.nhsShare ?? 0.9;
    const from = (options.createdFrom ?? new Date(Date.UTC(2016, 0, 1))).getTime();
    const to = (options.createdTo ?? new Date(Date.UTC(2024, 11, 31))).getTime();
    this.clockMs = from;
    this.stepMs = Math.max(1, Math.floor((to - from) / Math.max(1, options.people)));
    const compounds: string[] = [];
    for (const stem of FAMILY_NAME_STEMS) for (const end of FAMILY_NAME_ENDINGS) compounds.push(stem + end);
    this.shuffle(compounds);
    this.compound = new ZipfPicker(compounds, 1.0, 10);
    this.rarePool = Array.from({ length: RARE_POOL_SIZE }, () => this.inventName());
  }

  /** The share of people expected to carry the most common family name (for the log). */
  expectedTopShare(): { name: string; share: number } {
    return { name: COMMON_FAMILY_NAMES[0] ?? '', share: COMMON_SHARE * this.common.share(1) };
  }

  next(): SyntheticPerson {
    this.clockMs += this.stepMs;
    const sex = this.sex();
    const givenPicker = sex === 'female' || (sex !== 'male' && this.rng.chance(0.5)) ? this.female : this.male;
    const first = givenPicker.pick(this.rng);
    let givenNames = first;
    if (this.rng.chance(0.35)) {
      const middle = givenPicker.pick(this.rng);
      if (middle !== first) givenNames = `${first} ${middle}`;
    }
    const hasNhs = this.rng.chance(this.nhsShare);
    const person = {
      id: this.uuidV7(this.clockMs),
      familyName: this.familyName(),
      givenNames,
      title: this.rng.chance(0.3) ? this.rng.pick(TITLES[sex]) : null,
      birthDate: this.rng.pick(this.birthDays),
      sex,
      nhsNumber: hasNhs ? this.newNhsNumber() : null,
      nhsId: hasNhs ? this.uuidV7(this.clockMs) : null,
      createdAt: new Date(this.clockMs).toISOString(),
    };
    return {
      ...person,
      others: this.identities.others(person),
      aliases: this.identities.aliases(person, () => this.familyName(), () => givenPicker.pick(this.rng)),
    };
  }

  /** A valid NHS number (mod-11 check digit), in the issued 4xx/6xx-70x ranges, never used before. */
  newNhsNumber(): string {
    for (;;) {
      const firstNine = this.rng.chance(0.6) ? 400_000_000 + this.rng.int(100_000_000) : 600_000_000 + this.rng.int(109_000_000);
      const digits = String(firstNine);
      const check = nhsCheckDigit(digits);
      if (check === null) continue;
      const whole = firstNine * 10 + check;
      if (this.usedNhs.has(whole)) continue;
      this.usedNhs.add(whole);
      return digits + String(check);
    }
  }

  private sex(): Sex {
    const u = this.rng.next();
    if (u < 0.49) return 'male';
    if (u < 0.98) return 'female';
    return u < 0.99 ? 'other' : 'unknown';
  }

  private familyName(): string {
    const u = this.rng.next();
    if (u < DOUBLE_BARRELLED_SHARE) return `${this.common.pick(this.rng)}-${this.common.pick(this.rng)}`;
    if (u < COMMON_SHARE) return this.common.pick(this.rng);
    if (u < COMMON_SHARE + COMPOUND_SHARE) return this.compound.pick(this.rng);
    return this.rng.pick(this.rarePool);
  }

  private inventName(): string {
    const syllables = this.rng.between(2, 3);
    let name = '';
    for (let i = 0; i < syllables; i++) {
      name += this.rng.pick(ONSETS) + this.rng.pick(VOWELS) + (i === syllables - 1 ? this.rng.pick(CODAS) : '');
    }
    return capitalise(name);
  }

  private shuffle<T>(items: T[]): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.rng.int(i + 1);
      [items[i], items[j]] = [items[j] as T, items[i] as T];
    }
  }

  /** A UUIDv7 (RFC 9562) on the synthetic clock with seeded random bits. */
  private uuidV7(ms: number): string {
    const ts = ms.toString(16).padStart(12, '0');
    const r1 = this.rng.nextUint32();
    const r2 = this.rng.nextUint32();
    const r3 = this.rng.nextUint32();
    const randA = (r1 & 0xfff).toString(16).padStart(3, '0');
    const variant = (0x8000 | ((r1 >>> 12) & 0x3fff)).toString(16);
    const tail = r2.toString(16).padStart(8, '0') + (r3 & 0xffff).toString(16).padStart(4, '0');
    return `${ts.slice(0, 8)}-${ts.slice(8, 12)}-7${randA}-${variant}-${tail}`;
  }
}
