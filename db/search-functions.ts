// SQL functions the name search index is built with (registered on every connection before the
// migrations run). The triggers and expression indexes in db/migrations call them, so the index
// is computed by the same code as the query (domain/person/search-keys.ts) and can never drift.
import { z } from 'zod';
import { familyKey, givenKey, nameIndexEntry, type NameForm } from '../domain/person/search-keys';
import type { RawDb } from './open';

const aliasList = z.array(z.tuple([z.string(), z.string()]));

/** The name index columns for a person, as JSON (see the person_search table). */
export function nameIndexJson(familyName: string, givenNames: string, aliasesJson: string): string {
  const parsed = aliasList.safeParse(JSON.parse(aliasesJson || '[]'));
  const aliases: NameForm[] = parsed.success ? parsed.data.map(([f, g]) => ({ familyName: f, givenNames: g })) : [];
  const e = nameIndexEntry({ familyName, givenNames }, aliases);
  return JSON.stringify({
    fkey: e.fkey,
    gfirst: e.gfirst,
    gother: e.gother.join(' '),
    afkey: e.afkey.join(' '),
    agfirst: e.agfirst.join(' '),
    aother: e.aother.join(' '),
    sounds: e.sounds.join(' '),
    gkey: e.gkey,
    apairs: e.aliasPairs.map((p) => `${p.fkey}/${p.gfirst}`).join(' '),
  });
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * The functions by their SQL names: one list, so every connection (the app's, a check's, a copy's,
 * and the report worker's, db/reports/host-functions.ts) has the same ones.
 */
export const SEARCH_FUNCTIONS = {
  sonar_family_key: (v: unknown) => familyKey(text(v)),
  sonar_given_key: (v: unknown) => givenKey(text(v)),
  sonar_name_index: (f: unknown, g: unknown, a: unknown) => nameIndexJson(text(f), text(g), text(a)),
} as const;

export function registerSearchFunctions(raw: RawDb): void {
  for (const [name, fn] of Object.entries(SEARCH_FUNCTIONS)) raw.function(name, { deterministic: true }, fn);
}
