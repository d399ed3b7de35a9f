// Counting coded events under SNOMED CT: an event recorded with a SNOMED CT code counts under that
// code; one recorded with a CTV3 code counts under the concept the site's map gives it; one whose
// code is in no map (or in no terminology SONAR knows) is listed as not mapped, with its code and
// count, so a total is never quietly short. Pure: rows in, counts out.
import { CTV3_SYSTEM, SNOMED_SYSTEM, type CodeMap } from './code-map';

export interface CodedEventRow {
  /** What kind of event (referral outcome, community referral on release, a form's code). */
  event: string;
  /** The code system recorded with it; null when only the code was kept (a referral's code). */
  system: string | null;
  code: string;
  display: string | null;
  events: number;
}

export interface CountedCode {
  event: string;
  /** The SNOMED CT concept the events count under. */
  code: string;
  display: string;
  events: number;
  /** Of those, how many were recorded with a CTV3 code and mapped. */
  mappedFromCtv3: number;
}

export interface UnmappedCode {
  event: string;
  system: 'CTV3' | 'unknown';
  code: string;
  display: string;
  events: number;
  why: string;
}

export interface CodedEventCounts {
  counted: CountedCode[];
  unmapped: UnmappedCode[];
  /** The map used, as "id version n". */
  map: string;
}

/** The terminology of a recorded code: its system when recorded; otherwise by its form. */
export function systemOf(row: Pick<CodedEventRow, 'system' | 'code'>): 'SNOMED CT' | 'CTV3' | 'unknown' {
  if (row.system === SNOMED_SYSTEM) return 'SNOMED CT';
  if (row.system === CTV3_SYSTEM) return 'CTV3';
  if (row.system !== null) return 'unknown';
  if (/^[1-9]\d{5,17}$/.test(row.code)) return 'SNOMED CT';
  if (/^[A-Za-z0-9.]{5}$/.test(row.code)) return 'CTV3';
  return 'unknown';
}

export function countCodedEvents(rows: readonly CodedEventRow[], map: CodeMap): CodedEventCounts {
  const targets = new Map(map.entries.map((e) => [e.code, e]));
  const counted = new Map<string, CountedCode>();
  const unmapped = new Map<string, UnmappedCode>();
  const countAs = (event: string, code: string, display: string, events: number, mapped: number) => {
    const key = `${event}\u0000${code}`;
    const c = counted.get(key) ?? { event, code, display, events: 0, mappedFromCtv3: 0 };
    if (c.display === '' && display !== '') c.display = display;
    c.events += events;
    c.mappedFromCtv3 += mapped;
    counted.set(key, c);
  };
  const notMapped = (row: CodedEventRow, system: UnmappedCode['system'], why: string) => {
    const key = `${row.event}\u0000${system}\u0000${row.code}`;
    const u = unmapped.get(key) ?? { event: row.event, system, code: row.code, display: row.display ?? '', events: 0, why };
    u.events += row.events;
    unmapped.set(key, u);
  };
  for (const row of rows) {
    const system = systemOf(row);
    if (system === 'SNOMED CT') countAs(row.event, row.code, row.display ?? '', row.events, 0);
    else if (system === 'CTV3') {
      const entry = targets.get(row.code);
      if (entry) countAs(row.event, entry.target, entry.display, row.events, row.events);
      else notMapped(row, 'CTV3', `not in ${map.id} version ${map.version}`);
    } else notMapped(row, 'unknown', `recorded in ${row.system ?? 'a code system SONAR does not know'}`);
  }
  const byEventAndCode = <T extends { event: string; code: string }>(a: T, b: T) => a.event.localeCompare(b.event) || a.code.localeCompare(b.code);
  return { counted: [...counted.values()].sort(byEventAndCode), unmapped: [...unmapped.values()].sort(byEventAndCode), map: `${map.id} version ${map.version}` };
}
