// The pre-submission error report: each record and field the return would be rejected for, in
// words a clinician can act on, before the file leaves the site. A record is named by its client
// reference (or, without one, by its treatment start and episode id), never by name.
import { differenceInYears, parseISO } from 'date-fns';
import type { NdtmsCodeList } from './code-lists';
import type { NdtmsEpisode } from './ndtms-record';
import { byRecord, injectingStatus, type NdtmsColumn } from './ndtms-return';

export type NdtmsProblem = 'missing' | 'triage_before_referral' | 'under_age' | 'not_coded' | 'discharge_without_reason';

export interface NdtmsError {
  /** The client reference, or "no client reference (treatment started yyyy-mm-dd, id ...)". */
  record: string;
  episodeId: string;
  field: NdtmsColumn | 'DATE_OF_BIRTH';
  problem: NdtmsProblem;
  message: string;
}

/** Whole years between two days (yyyy-mm-dd): 17 the day before an 18th birthday. */
export const ageOn = (birthDate: string, on: string) => differenceInYears(parseISO(on), parseISO(birthDate));

export function recordName(e: NdtmsEpisode): string {
  return e.clientRef ?? `no client reference (treatment started ${e.treatmentStart}, id ${e.episodeId})`;
}

export function ndtmsErrors(e: NdtmsEpisode, list: NdtmsCodeList): NdtmsError[] {
  const out: NdtmsError[] = [];
  const add = (field: NdtmsError['field'], problem: NdtmsProblem, message: string) => out.push({ record: recordName(e), episodeId: e.episodeId, field, problem, message });
  const mandatory: [NdtmsError['field'], unknown, string][] = [
    ['CLIENT_REF', e.clientRef, 'No prison number is recorded for this person.'],
    ['DATE_OF_BIRTH', e.birthDate, 'No date of birth is recorded.'],
    ['RECEPTION_DATE', e.receptionDate, 'The treatment is not linked to a prison stay with a reception date.'],
    ['DRUG1', e.substances[0], 'No substance is recorded for the treatment.'],
    ['REFERRAL_DATE', e.referralDate, 'The treatment is not linked to a referral.'],
    ['TRIAGE_DATE', e.triageDate, 'The referral has no decision day (triage).'],
    ['INJECTING_STATUS', injectingStatus(e, list), 'Injecting status is not known: record a start TOP (injecting days, or declined to say).'],
  ];
  for (const [field, value, message] of mandatory) if (value === null || value === undefined) add(field, 'missing', message);
  if (e.referralDate && e.triageDate && e.triageDate < e.referralDate)
    add('TRIAGE_DATE', 'triage_before_referral', `Triage (${e.triageDate}) is before the referral (${e.referralDate}).`);
  if (e.birthDate) {
    const on = e.referralDate ?? e.treatmentStart;
    const age = ageOn(e.birthDate, on);
    if (age < list.minimumAge) add('DATE_OF_BIRTH', 'under_age', `Aged ${age} on ${on}: the adult dataset is for people aged ${list.minimumAge} or over.`);
  }
  e.substances.slice(0, 3).forEach((s, i) => {
    if (list.drugs[s] === undefined) add(`DRUG${i + 1}` as NdtmsColumn, 'not_coded', `The substance "${s}" has no code in ${list.id} version ${list.version}.`);
  });
  if (e.dischargeDate && !e.dischargeReason) add('DISCHARGE_REASON', 'discharge_without_reason', 'The treatment ended without a reason.');
  if (e.dischargeReason && list.dischargeReasons[e.dischargeReason] === undefined)
    add('DISCHARGE_REASON', 'not_coded', `The end reason "${e.dischargeReason}" has no code in ${list.id} version ${list.version}.`);
  return out;
}

/** Every record's errors, records in the return's order. */
export function ndtmsErrorReport(episodes: readonly NdtmsEpisode[], list: NdtmsCodeList): NdtmsError[] {
  return [...episodes].sort(byRecord).flatMap((e) => ndtmsErrors(e, list));
}
