// The NDTMS secure-setting adult return as rows of text: one row per treatment episode, the
// columns in a fixed order, codes from the versioned code list, and the code list's empty value
// (NA) for anything not recorded. Pure: the same episodes and list always give the same file.
import type { NdtmsCodeList } from './code-lists';
import type { NdtmsEpisode } from './ndtms-record';

export const NDTMS_COLUMNS = [
  'CLIENT_REF',
  'RECEPTION_DATE',
  'DRUG1',
  'DRUG2',
  'DRUG3',
  'INJECTING_STATUS',
  'REFERRAL_DATE',
  'TRIAGE_DATE',
  'PHARM_INTERVENTION_START',
  'PSYCH_INTERVENTION_START',
  'DISCHARGE_DATE',
  'DISCHARGE_REASON',
  'EXIT_DATE',
  'EXIT_DESTINATION',
  'REFERRAL_ON_RELEASE',
  'REFERRAL_ON_RELEASE_DATE',
  'TOP_DATE',
  'TOP_ALCOHOL_DAYS',
  'TOP_OPIATES_DAYS',
  'TOP_CRACK_DAYS',
  'TOP_COCAINE_DAYS',
  'TOP_AMPHETAMINES_DAYS',
  'TOP_CANNABIS_DAYS',
  'TOP_OTHER_DAYS',
  'TOP_INJECTING_DAYS',
  'TOP_PSYCHOLOGICAL_HEALTH',
  'TOP_PHYSICAL_HEALTH',
  'TOP_QUALITY_OF_LIFE',
] as const;
export type NdtmsColumn = (typeof NDTMS_COLUMNS)[number];
export type NdtmsRow = Record<NdtmsColumn, string>;

const TOP_DAY_COLUMNS: Readonly<Record<string, NdtmsColumn>> = {
  alcohol: 'TOP_ALCOHOL_DAYS',
  opioids: 'TOP_OPIATES_DAYS',
  crack: 'TOP_CRACK_DAYS',
  cocaine: 'TOP_COCAINE_DAYS',
  amphetamines: 'TOP_AMPHETAMINES_DAYS',
  cannabis: 'TOP_CANNABIS_DAYS',
  other: 'TOP_OTHER_DAYS',
};

/**
 * Injecting status from the start TOP: injecting on any day of the 4 weeks is "currently";
 * declining to say is "declined". No injecting in the 4 weeks does not tell "never" from
 * "previously", so it is left empty (and the error report names it).
 */
export function injectingStatus(e: NdtmsEpisode, list: NdtmsCodeList): string | null {
  if (!e.top) return null;
  if (e.top.injectingDeclined) return list.injecting.declined;
  if (e.top.injectingDays !== null && e.top.injectingDays > 0) return list.injecting.currently;
  return null;
}

export function ndtmsRow(e: NdtmsEpisode, list: NdtmsCodeList): NdtmsRow {
  const v = (x: string | number | null | undefined) => (x === null || x === undefined || x === '' ? list.empty : String(x));
  const drug = (i: number) => {
    const s = e.substances[i];
    return v(s === undefined ? null : (list.drugs[s] ?? null));
  };
  const started = (intervention: string) => (e.interventions.includes(intervention) ? e.treatmentStart : null);
  const row = Object.fromEntries(NDTMS_COLUMNS.map((c) => [c, list.empty])) as NdtmsRow;
  Object.assign(row, {
    CLIENT_REF: v(e.clientRef),
    RECEPTION_DATE: v(e.receptionDate),
    DRUG1: drug(0),
    DRUG2: drug(1),
    DRUG3: drug(2),
    INJECTING_STATUS: v(injectingStatus(e, list)),
    REFERRAL_DATE: v(e.referralDate),
    TRIAGE_DATE: v(e.triageDate),
    PHARM_INTERVENTION_START: v(started('pharmacological')),
    PSYCH_INTERVENTION_START: v(started('psychosocial')),
    DISCHARGE_DATE: v(e.dischargeDate),
    DISCHARGE_REASON: v(e.dischargeReason === null ? null : (list.dischargeReasons[e.dischargeReason] ?? null)),
    EXIT_DATE: v(e.exitDate),
    EXIT_DESTINATION: v(e.exitDestination),
    REFERRAL_ON_RELEASE: v(e.releaseReferral),
    REFERRAL_ON_RELEASE_DATE: v(e.releaseReferralDate),
  } satisfies Partial<NdtmsRow>);
  if (e.top) {
    row.TOP_DATE = v(e.top.date);
    for (const [key, column] of Object.entries(TOP_DAY_COLUMNS)) row[column] = v(e.top.days[key]);
    row.TOP_INJECTING_DAYS = v(e.top.injectingDays);
    row.TOP_PSYCHOLOGICAL_HEALTH = v(e.top.psychologicalHealth);
    row.TOP_PHYSICAL_HEALTH = v(e.top.physicalHealth);
    row.TOP_QUALITY_OF_LIFE = v(e.top.qualityOfLife);
  }
  return row;
}

/** A text field as CSV: quoted when it holds a comma, quote or line break. */
const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** Records in a stable order: client reference, then treatment start, then the episode's id. */
export const byRecord = (a: NdtmsEpisode, b: NdtmsEpisode) =>
  (a.clientRef ?? '').localeCompare(b.clientRef ?? '') || a.treatmentStart.localeCompare(b.treatmentStart) || a.episodeId.localeCompare(b.episodeId);

/** The return as a CSV file: a header row, one row per episode in client reference order, CRLF line ends. */
export function ndtmsCsv(episodes: readonly NdtmsEpisode[], list: NdtmsCodeList): string {
  const rows = [...episodes].sort(byRecord).map((e) => ndtmsRow(e, list));
  const lines = [NDTMS_COLUMNS.join(','), ...rows.map((r) => NDTMS_COLUMNS.map((c) => field(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
