import { describe, expect, it } from 'vitest';
import { listName, ndtmsSecureAdultV2 as list } from './code-lists';
import { ndtmsEpisodeSchema, type NdtmsEpisode } from './ndtms-record';
import { injectingStatus, NDTMS_COLUMNS, ndtmsCsv, ndtmsRow } from './ndtms-return';
import { ndtmsErrorReport } from './ndtms-errors';

const top = {
  date: '2026-11-04',
  days: { alcohol: 4, opioids: 20, crack: 12, cocaine: 0, amphetamines: 0, cannabis: 2, other: null },
  injectingDays: 8,
  injectingDeclined: false,
  psychologicalHealth: 7,
  physicalHealth: 9,
  qualityOfLife: 5,
};

const base: NdtmsEpisode = {
  episodeId: 'ep-1',
  clientRef: 'A1234BC',
  birthDate: '1990-05-01',
  sex: 'male',
  ethnicity: 'white-british',
  injectedEver: true,
  receptionDate: '2026-11-02',
  substances: ['opioids', 'crack', 'alcohol', 'cannabis'],
  interventions: ['pharmacological', 'psychosocial'],
  pharmacologicalSub: 'ost-maintenance',
  psychosocialSub: 'motivational',
  recoverySupport: 'peer-support',
  recoverySupportStart: '2026-11-10',
  treatmentStart: '2026-11-04',
  referralDate: '2026-11-02',
  triageDate: '2026-11-03',
  dischargeDate: '2026-11-20',
  dischargeReason: 'released',
  exitDate: '2026-11-20',
  exitReason: 'released-end-of-sentence',
  exitDestination: 'own-home',
  releaseReferral: 'Community drug and alcohol team',
  releaseReferralDate: '2026-11-18',
  top,
  reviewTop: { ...top, date: '2026-11-18', days: { ...top.days, opioids: 2, crack: 0 }, injectingDays: 0, psychologicalHealth: 12 },
  exitTop: null,
};

const none = { pharmacologicalSub: null, psychosocialSub: null, recoverySupport: null, recoverySupportStart: null, reviewTop: null, exitTop: null };
const episodes: NdtmsEpisode[] = [
  // Planted errors: triage before referral, under 18, no TOP and no details form (injecting status, ethnicity and the psychosocial intervention unknown).
  { ...base, ...none, episodeId: 'ep-2', clientRef: 'B2222CD', birthDate: '2009-01-15', sex: 'female', ethnicity: null, injectedEver: null, referralDate: '2026-11-10', triageDate: '2026-11-08', substances: ['cannabis'], interventions: ['psychosocial'], top: null, dischargeDate: null, dischargeReason: null, exitDate: null, exitReason: null, exitDestination: null, releaseReferral: null, releaseReferralDate: null },
  base,
  // No prison number, no reception date, an uncoded substance; declined the TOP's injecting question; left with no exit form.
  { ...base, ...none, episodeId: 'ep-3', clientRef: null, receptionDate: null, substances: ['glue'], pharmacologicalSub: 'ost-reduction', psychosocialSub: 'cbt-relapse-prevention', top: { ...top, injectingDays: null, injectingDeclined: true }, exitReason: null, exitDestination: null, releaseReferral: null },
];

const TOP_NA = Array(12).fill('NA').join(',');
const expected = [
  NDTMS_COLUMNS.join(','),
  `NA,1990-05-01,36,1,A,NA,NA,NA,NA,Z,2026-11-02,2026-11-03,2026-11-04,OSTR,2026-11-04,CBT,NA,NA,2026-11-20,RNR,2026-11-20,NA,NA,NA,2026-11-18,2026-11-04,4,20,12,0,0,2,NA,NA,7,9,5,${TOP_NA},${TOP_NA}`,
  `A1234BC,1990-05-01,36,1,A,2026-11-02,OPI,CRA,ALC,C,2026-11-02,2026-11-03,2026-11-04,OSTM,2026-11-04,MOT,2026-11-10,PEER,2026-11-20,TNC,2026-11-20,RES,HOME,Community drug and alcohol team,2026-11-18,2026-11-04,4,20,12,0,0,2,NA,8,7,9,5,2026-11-18,4,2,0,0,0,2,NA,0,12,9,5,${TOP_NA}`,
  `B2222CD,2009-01-15,17,2,NA,2026-11-02,CAN,NA,NA,NA,2026-11-10,2026-11-08,NA,NA,2026-11-04,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,${TOP_NA},${TOP_NA},${TOP_NA}`,
].map((line) => `${line}\r\n`).join('');

describe('NDTMS return', () => {
  it('writes the fixture episodes as the expected lines: codes from the list, NA for empty, client reference order', () => {
    expect(NDTMS_COLUMNS).toHaveLength(25 + 3 * 12);
    expect(ndtmsCsv(episodes.map((e) => ndtmsEpisodeSchema.parse(e)), list)).toBe(expected);
  });

  it('writes at most three drugs, and an intervention start and sub-intervention only for interventions given', () => {
    const row = ndtmsRow({ ...base, interventions: ['psychosocial'] }, list);
    expect([row.DRUG1, row.DRUG2, row.DRUG3]).toEqual(['OPI', 'CRA', 'ALC']);
    expect([row.PHARM_INTERVENTION_START, row.PHARM_SUB_INTERVENTION]).toEqual(['NA', 'NA']);
    expect([row.PSYCH_INTERVENTION_START, row.PSYCH_SUB_INTERVENTION]).toEqual(['2026-11-04', 'MOT']);
    expect(row.INJECTING_STATUS).toBe('C');
  });

  it('tells currently, previously, never and declined apart from the start TOP and the lifetime question', () => {
    const noneIn4Weeks = { ...top, injectingDays: 0 };
    expect(injectingStatus({ ...base, top: noneIn4Weeks, injectedEver: true }, list)).toBe('P');
    expect(injectingStatus({ ...base, top: noneIn4Weeks, injectedEver: false }, list)).toBe('N');
    expect(injectingStatus({ ...base, top: null, injectedEver: 'declined' }, list)).toBe('Z');
    expect(injectingStatus({ ...base, top: { ...top, injectingDeclined: true, injectingDays: null }, injectedEver: false }, list)).toBe('Z');
    expect(injectingStatus({ ...base, top: noneIn4Weeks, injectedEver: null }, list)).toBeNull();
  });

  it('codes a release: referred on to community treatment is "transferred - not in custody"; a transfer to another prison is "in custody"', () => {
    expect(ndtmsRow(base, list).DISCHARGE_REASON).toBe('TNC');
    expect(ndtmsRow({ ...base, releaseReferral: null }, list).DISCHARGE_REASON).toBe('RNR');
    expect(ndtmsRow({ ...base, dischargeReason: 'transferred' }, list).DISCHARGE_REASON).toBe('TIC');
  });

  it('quotes a field holding a comma or a quote', () => {
    const csv = ndtmsCsv([{ ...base, releaseReferral: 'Elm House, "Leeds"' }], list);
    expect(csv).toContain(',"Elm House, ""Leeds""",');
  });
});

describe('NDTMS pre-submission error report', () => {
  it('names each planted error by record and field, and nothing in a clean record', () => {
    const report = ndtmsErrorReport(episodes, list).map((e) => [e.record, e.field, e.problem]);
    const ep3 = 'no client reference (treatment started 2026-11-04, id ep-3)';
    expect(report).toEqual([
      [ep3, 'CLIENT_REF', 'missing'],
      [ep3, 'RECEPTION_DATE', 'missing'],
      [ep3, 'EXIT_REASON', 'missing'],
      [ep3, 'EXIT_DESTINATION', 'missing'],
      [ep3, 'DRUG1', 'not_coded'],
      ['B2222CD', 'INJECTING_STATUS', 'missing'],
      ['B2222CD', 'ETHNICITY', 'missing'],
      ['B2222CD', 'PSYCH_SUB_INTERVENTION', 'missing'],
      ['B2222CD', 'TRIAGE_DATE', 'triage_before_referral'],
      ['B2222CD', 'DATE_OF_BIRTH', 'under_age'],
    ]);
  });

  it('counts age in whole years on the referral day: 17 the day before the 18th birthday, 18 on it', () => {
    const at = (referralDate: string) => ndtmsErrorReport([{ ...base, birthDate: '2008-11-10', referralDate, triageDate: referralDate }], list).filter((e) => e.problem === 'under_age');
    expect(at('2026-11-09')).toHaveLength(1);
    expect(at('2026-11-10')).toHaveLength(0);
    expect(ndtmsRow({ ...base, birthDate: '2008-11-10', referralDate: '2026-11-09' }, list).AGE).toBe('17');
  });

  it('names a discharge with no reason, and a value with no code in the list, naming the list and its dataset letter', () => {
    const problems = (e: Partial<NdtmsEpisode>) => ndtmsErrorReport([{ ...base, ...e }], list).map((x) => `${x.field}:${x.problem}`);
    expect(problems({ dischargeReason: null })).toEqual(['DISCHARGE_REASON:discharge_without_reason']);
    expect(problems({ dischargeReason: 'escaped' })).toEqual(['DISCHARGE_REASON:not_coded']);
    expect(problems({ ethnicity: 'martian', exitDestination: 'moon', psychosocialSub: 'hypnosis' })).toEqual(['ETHNICITY:not_coded', 'PSYCH_SUB_INTERVENTION:not_coded', 'EXIT_DESTINATION:not_coded']);
    expect(ndtmsErrorReport([{ ...base, ethnicity: 'martian' }], list)[0]!.message).toBe(`The ethnicity "martian" has no code in ${listName(list)}.`);
    expect(listName(list)).toBe('sonar-ndtms-secure-adult version 2 (dataset letter not yet confirmed)');
  });

  it('needs why and where a person went only once they have left the prison', () => {
    const problems = (e: Partial<NdtmsEpisode>) => ndtmsErrorReport([{ ...base, ...e }], list).map((x) => `${x.field}:${x.problem}`);
    expect(problems({ exitDate: null, exitReason: null, exitDestination: null, dischargeDate: null, dischargeReason: null })).toEqual([]);
    expect(problems({ exitReason: null })).toEqual(['EXIT_REASON:missing']);
  });
});
