// The NDTMS secure-setting adult return as rows of text: one row per treatment episode, the
// columns in a fixed order (the person, the referral and triage, interventions with their
// sub-interventions, discharge, prison exit, release, and the start, review and exit TOPs), codes
// from the versioned code list, and the code list's empty value (NA) for anything not recorded. Pure: the same episodes and list always give the same file.
import { differenceInYears, parseISO } from 'date-fns';
import type { NdtmsCodeList } from './code-lists';
import type { NdtmsEpisode, NdtmsTop } from './ndtms-record';

/** The items of one TOP in the return; each TOP (start, review, exit) has them under its prefix. */
const TOP_ITEMS = [
  'DATE',
  'ALCOHOL_DAYS',
  'OPIATES_DAYS',
  'CRACK_DAYS',
  'COCAINE_DAYS',
  'AMPHETAMINES_DAYS',
  'CANNABIS_DAYS',
  'OTHER_DAYS',
  'INJECTING_DAYS',
  'PSYCHOLOGICAL_HEALTH',
  'PHYSICAL_HEALTH',
  'QUALITY_OF_LIFE',
] as const;
type TopItem = (typeof TOP_ITEMS)[number];
const TOP_PREFIXES = ['TOP_', 'TOP_REVIEW_', 'TOP_EXIT_'] as const;
type TopPrefix = (typeof TOP_PREFIXES)[number];

export const NDTMS_COLUMNS = [
  'CLIENT_REF',
  'DATE_OF_BIRTH',
  'AGE',
  'SEX',
  'ETHNICITY',
  'RECEPTION_DATE',
  'DRUG1',
  'DRUG2',
  'DRUG3',
  'INJECTING_STATUS',
  'REFERRAL_DATE',
  'TRIAGE_DATE',
  'PHARM_INTERVENTION_START',
  'PHARM_SUB_INTERVENTION',
  'PSYCH_INTERVENTION_START',
  'PSYCH_SUB_INTERVENTION',
  'RECOVERY_SUPPORT_START',
  'RECOVERY_SUB_INTERVENTION',
  'DISCHARGE_DATE',
  'DISCHARGE_REASON',
  'EXIT_DATE',
  'EXIT_REASON',
  'EXIT_DESTINATION',
  'REFERRAL_ON_RELEASE',
  'REFERRAL_ON_RELEASE_DATE',
  ...TOP_PREFIXES.flatMap((prefix) => TOP_ITEMS.map((item) => `${prefix}${item}` as `${TopPrefix}${TopItem}`)),
] as const;
export type NdtmsColumn = (typeof NDTMS_COLUMNS)[number];
export type NdtmsRow = Record<NdtmsColumn, string>;

const TOP_DAY_ITEMS: Readonly<Record<string, TopItem>> = {
  alcohol: 'ALCOHOL_DAYS',
  opioids: 'OPIATES_DAYS',
  crack: 'CRACK_DAYS',
  cocaine: 'COCAINE_DAYS',
  amphetamines: 'AMPHETAMINES_DAYS',
  cannabis: 'CANNABIS_DAYS',
  other: 'OTHER_DAYS',
};

/**
 * Injecting status: injecting on any day of the start TOP's 4 weeks is "currently"; declining to
 * say there is "declined". Otherwise the treatment details form's lifetime question: injected
 * before is "previously", never is "never", declined is "declined". Neither recorded: empty (the
 * error report names it).
 */
export function injectingStatus(e: NdtmsEpisode, list: NdtmsCodeList): string | null {
  if (e.top?.injectingDeclined) return list.injecting.declined;
  if (e.top && e.top.injectingDays !== null && e.top.injectingDays > 0) return list.injecting.currently;
  if (e.injectedEver === true) return list.injecting.previously;
  if (e.injectedEver === false) return list.injecting.never;
  if (e.injectedEver === 'declined') return list.injecting.declined;
  return null;
}

/** The code list key of how the treatment ended: released and referred on to community treatment is its own reason. */
export function dischargeReasonKey(e: NdtmsEpisode): string | null {
  if (e.dischargeReason === 'released' && e.releaseReferral !== null) return 'released-referred';
  return e.dischargeReason;
}

/** Whole years on the referral day (the treatment's start when there is no referral). */
export const ageOn = (birthDate: string, on: string) => differenceInYears(parseISO(on), parseISO(birthDate));
export const ageDay = (e: NdtmsEpisode) => e.referralDate ?? e.treatmentStart;

function writeTop(row: NdtmsRow, prefix: TopPrefix, top: NdtmsTop | null, v: (x: string | number | null | undefined) => string): void {
  if (!top) return;
  row[`${prefix}DATE`] = v(top.date);
  for (const [key, item] of Object.entries(TOP_DAY_ITEMS)) row[`${prefix}${item}`] = v(top.days[key]);
  row[`${prefix}INJECTING_DAYS`] = v(top.injectingDays);
  row[`${prefix}PSYCHOLOGICAL_HEALTH`] = v(top.psychologicalHealth);
  row[`${prefix}PHYSICAL_HEALTH`] = v(top.physicalHealth);
  row[`${prefix}QUALITY_OF_LIFE`] = v(top.qualityOfLife);
}

export function ndtmsRow(e: NdtmsEpisode, list: NdtmsCodeList): NdtmsRow {
  const v = (x: string | number | null | undefined) => (x === null || x === undefined || x === '' ? list.empty : String(x));
  const drug = (i: number) => {
    const s = e.substances[i];
    return v(s === undefined ? null : (list.drugs[s] ?? null));
  };
  const given = (intervention: string) => e.interventions.includes(intervention);
  const started = (intervention: string) => (given(intervention) ? e.treatmentStart : null);
  const coded = (codes: Readonly<Record<string, string>>, value: string | null) => v(value === null ? null : (codes[value] ?? null));
  const row = Object.fromEntries(NDTMS_COLUMNS.map((c) => [c, list.empty])) as NdtmsRow;
  Object.assign(row, {
    CLIENT_REF: v(e.clientRef),
    DATE_OF_BIRTH: v(e.birthDate),
    AGE: v(e.birthDate === null ? null : ageOn(e.birthDate, ageDay(e))),
    SEX: coded(list.sex, e.sex),
    ETHNICITY: coded(list.ethnicity, e.ethnicity),
    RECEPTION_DATE: v(e.receptionDate),
    DRUG1: drug(0),
    DRUG2: drug(1),
    DRUG3: drug(2),
    INJECTING_STATUS: v(injectingStatus(e, list)),
    REFERRAL_DATE: v(e.referralDate),
    TRIAGE_DATE: v(e.triageDate),
    PHARM_INTERVENTION_START: v(started('pharmacological')),
    PHARM_SUB_INTERVENTION: coded(list.pharmacological, given('pharmacological') ? e.pharmacologicalSub : null),
    PSYCH_INTERVENTION_START: v(started('psychosocial')),
    PSYCH_SUB_INTERVENTION: coded(list.psychosocial, given('psychosocial') ? e.psychosocialSub : null),
    RECOVERY_SUPPORT_START: v(e.recoverySupport === null ? null : e.recoverySupportStart),
    RECOVERY_SUB_INTERVENTION: coded(list.recoverySupport, e.recoverySupport),
    DISCHARGE_DATE: v(e.dischargeDate),
    DISCHARGE_REASON: coded(list.dischargeReasons, dischargeReasonKey(e)),
    EXIT_DATE: v(e.exitDate),
    EXIT_REASON: coded(list.exitReasons, e.exitReason),
    EXIT_DESTINATION: coded(list.exitDestinations, e.exitDestination),
    REFERRAL_ON_RELEASE: v(e.releaseReferral),
    REFERRAL_ON_RELEASE_DATE: v(e.releaseReferralDate),
  } satisfies Partial<NdtmsRow>);
  writeTop(row, 'TOP_', e.top, v);
  writeTop(row, 'TOP_REVIEW_', e.reviewTop, v);
  writeTop(row, 'TOP_EXIT_', e.exitTop, v);
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
