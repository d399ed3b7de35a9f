// The pre-submission error report: each record and field the return would be rejected for, in
// words a clinician can act on, before the file leaves the site. A record is named by its client
// reference (or, without one, by its treatment start and episode id), never by name.
import { listName, type NdtmsCodeList } from './code-lists';
import type { NdtmsEpisode } from './ndtms-record';
import { ageDay, ageOn, byRecord, dischargeReasonKey, injectingStatus, type NdtmsColumn } from './ndtms-return';

export type NdtmsProblem = 'missing' | 'triage_before_referral' | 'under_age' | 'not_coded' | 'discharge_without_reason';

export interface NdtmsError {
  /** The client reference, or "no client reference (treatment started yyyy-mm-dd, id ...)". */
  record: string;
  episodeId: string;
  field: NdtmsColumn;
  problem: NdtmsProblem;
  message: string;
}


const DETAILS_FORM = 'the "Treatment details for the NDTMS return" form';
const EXIT_FORM = 'the "Prison exit for the NDTMS return" form';

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
    ['INJECTING_STATUS', injectingStatus(e, list), `Injecting status is not known: record a start TOP (injecting days) or, on ${DETAILS_FORM}, whether the person has ever injected.`],
    ['ETHNICITY', e.ethnicity, `Ethnicity is not recorded: record ${DETAILS_FORM} (the person may choose "Not stated").`],
  ];
  if (e.interventions.includes('pharmacological')) mandatory.push(['PHARM_SUB_INTERVENTION', e.pharmacologicalSub, `The pharmacological intervention is not named: choose it on ${DETAILS_FORM}.`]);
  if (e.interventions.includes('psychosocial')) mandatory.push(['PSYCH_SUB_INTERVENTION', e.psychosocialSub, `The psychosocial intervention is not named: choose it on ${DETAILS_FORM}.`]);
  if (e.exitDate !== null) {
    mandatory.push(['EXIT_REASON', e.exitReason, `The person left the prison on ${e.exitDate} but why is not recorded as a choice: record ${EXIT_FORM}.`]);
    mandatory.push(['EXIT_DESTINATION', e.exitDestination, `The person left the prison on ${e.exitDate} but where to is not recorded as a choice: record ${EXIT_FORM}.`]);
  }
  for (const [field, value, message] of mandatory) if (value === null || value === undefined) add(field, 'missing', message);
  if (e.referralDate && e.triageDate && e.triageDate < e.referralDate)
    add('TRIAGE_DATE', 'triage_before_referral', `Triage (${e.triageDate}) is before the referral (${e.referralDate}).`);
  if (e.birthDate) {
    const on = ageDay(e);
    const age = ageOn(e.birthDate, on);
    if (age < list.minimumAge) add('DATE_OF_BIRTH', 'under_age', `Aged ${age} on ${on}: the adult dataset is for people aged ${list.minimumAge} or over.`);
  }
  e.substances.slice(0, 3).forEach((s, i) => {
    if (list.drugs[s] === undefined) add(`DRUG${i + 1}` as NdtmsColumn, 'not_coded', `The substance "${s}" has no code in ${listName(list)}.`);
  });
  if (e.dischargeDate && !e.dischargeReason) add('DISCHARGE_REASON', 'discharge_without_reason', 'The treatment ended without a reason.');
  const reason = dischargeReasonKey(e);
  if (reason && list.dischargeReasons[reason] === undefined) add('DISCHARGE_REASON', 'not_coded', `The end reason "${reason}" has no code in ${listName(list)}.`);
  const uncoded: [NdtmsColumn, Readonly<Record<string, string>>, string | null, string][] = [
    ['SEX', list.sex, e.sex, 'sex'],
    ['ETHNICITY', list.ethnicity, e.ethnicity, 'ethnicity'],
    ['PHARM_SUB_INTERVENTION', list.pharmacological, e.interventions.includes('pharmacological') ? e.pharmacologicalSub : null, 'pharmacological intervention'],
    ['PSYCH_SUB_INTERVENTION', list.psychosocial, e.interventions.includes('psychosocial') ? e.psychosocialSub : null, 'psychosocial intervention'],
    ['RECOVERY_SUB_INTERVENTION', list.recoverySupport, e.recoverySupport, 'recovery support'],
    ['EXIT_REASON', list.exitReasons, e.exitReason, 'exit reason'],
    ['EXIT_DESTINATION', list.exitDestinations, e.exitDestination, 'exit destination'],
  ];
  for (const [field, codes, value, what] of uncoded) if (value !== null && codes[value] === undefined) add(field, 'not_coded', `The ${what} "${value}" has no code in ${listName(list)}.`);
  return out;
}

/** Every record's errors, records in the return's order. */
export function ndtmsErrorReport(episodes: readonly NdtmsEpisode[], list: NdtmsCodeList): NdtmsError[] {
  return [...episodes].sort(byRecord).flatMap((e) => ndtmsErrors(e, list));
}
