import { describe, expect, it } from 'vitest';
import { ndtmsSecureAdultV1 } from './code-lists';
import { ndtmsEpisodeSchema, type NdtmsEpisode } from './ndtms-record';
import { ndtmsCsv, ndtmsRow } from './ndtms-return';
import { ndtmsErrorReport } from './ndtms-errors';

const base: NdtmsEpisode = {
  episodeId: 'ep-1',
  clientRef: 'A1234BC',
  birthDate: '1990-05-01',
  receptionDate: '2026-11-02',
  substances: ['opioids', 'crack', 'alcohol', 'cannabis'],
  interventions: ['pharmacological', 'psychosocial'],
  treatmentStart: '2026-11-04',
  referralDate: '2026-11-02',
  triageDate: '2026-11-03',
  dischargeDate: '2026-11-20',
  dischargeReason: 'released',
  exitDate: '2026-11-20',
  exitDestination: 'Home address',
  releaseReferral: 'Community drug and alcohol team',
  releaseReferralDate: '2026-11-18',
  top: {
    date: '2026-11-04',
    days: { alcohol: 4, opioids: 20, crack: 12, cocaine: 0, amphetamines: 0, cannabis: 2, other: null },
    injectingDays: 8,
    injectingDeclined: false,
    psychologicalHealth: 7,
    physicalHealth: 9,
    qualityOfLife: 5,
  },
};

const episodes: NdtmsEpisode[] = [
  // Planted errors: triage before referral, under 18, no TOP (injecting status unknown).
  { ...base, episodeId: 'ep-2', clientRef: 'B2222CD', birthDate: '2009-01-15', referralDate: '2026-11-10', triageDate: '2026-11-08', substances: ['cannabis'], interventions: ['psychosocial'], top: null, dischargeDate: null, dischargeReason: null, exitDate: null, exitDestination: null, releaseReferral: null, releaseReferralDate: null },
  base,
  // No prison number, no reception date, an uncoded substance.
  { ...base, episodeId: 'ep-3', clientRef: null, receptionDate: null, substances: ['glue'], top: { ...base.top!, injectingDays: null, injectingDeclined: true } },
];

const expected = [
  'CLIENT_REF,RECEPTION_DATE,DRUG1,DRUG2,DRUG3,INJECTING_STATUS,REFERRAL_DATE,TRIAGE_DATE,PHARM_INTERVENTION_START,PSYCH_INTERVENTION_START,DISCHARGE_DATE,DISCHARGE_REASON,EXIT_DATE,EXIT_DESTINATION,REFERRAL_ON_RELEASE,REFERRAL_ON_RELEASE_DATE,TOP_DATE,TOP_ALCOHOL_DAYS,TOP_OPIATES_DAYS,TOP_CRACK_DAYS,TOP_COCAINE_DAYS,TOP_AMPHETAMINES_DAYS,TOP_CANNABIS_DAYS,TOP_OTHER_DAYS,TOP_INJECTING_DAYS,TOP_PSYCHOLOGICAL_HEALTH,TOP_PHYSICAL_HEALTH,TOP_QUALITY_OF_LIFE',
  'NA,NA,NA,NA,NA,Z,2026-11-02,2026-11-03,2026-11-04,2026-11-04,2026-11-20,RL,2026-11-20,Home address,Community drug and alcohol team,2026-11-18,2026-11-04,4,20,12,0,0,2,NA,NA,7,9,5',
  'A1234BC,2026-11-02,OPI,CRA,ALC,C,2026-11-02,2026-11-03,2026-11-04,2026-11-04,2026-11-20,RL,2026-11-20,Home address,Community drug and alcohol team,2026-11-18,2026-11-04,4,20,12,0,0,2,NA,8,7,9,5',
  'B2222CD,2026-11-02,CAN,NA,NA,NA,2026-11-10,2026-11-08,NA,2026-11-04,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA,NA',
].map((line) => `${line}\r\n`).join('');

describe('NDTMS return', () => {
  it('writes the fixture episodes as the expected lines: codes from the list, NA for empty, client reference order', () => {
    expect(ndtmsCsv(episodes.map((e) => ndtmsEpisodeSchema.parse(e)), ndtmsSecureAdultV1)).toBe(expected);
  });

  it('writes at most three drugs, and an intervention start only for interventions given', () => {
    const row = ndtmsRow({ ...base, interventions: ['psychosocial'] }, ndtmsSecureAdultV1);
    expect([row.DRUG1, row.DRUG2, row.DRUG3]).toEqual(['OPI', 'CRA', 'ALC']);
    expect(row.PHARM_INTERVENTION_START).toBe('NA');
    expect(row.PSYCH_INTERVENTION_START).toBe('2026-11-04');
    expect(row.INJECTING_STATUS).toBe('C');
  });

  it('quotes a field holding a comma or a quote', () => {
    const csv = ndtmsCsv([{ ...base, exitDestination: 'Approved premises, "Elm House"' }], ndtmsSecureAdultV1);
    expect(csv).toContain(',"Approved premises, ""Elm House""",');
  });
});

describe('NDTMS pre-submission error report', () => {
  it('names each planted error by record and field, and nothing in a clean record', () => {
    const report = ndtmsErrorReport(episodes, ndtmsSecureAdultV1).map((e) => [e.record, e.field, e.problem]);
    expect(report).toEqual([
      ['no client reference (treatment started 2026-11-04, id ep-3)', 'CLIENT_REF', 'missing'],
      ['no client reference (treatment started 2026-11-04, id ep-3)', 'RECEPTION_DATE', 'missing'],
      ['no client reference (treatment started 2026-11-04, id ep-3)', 'DRUG1', 'not_coded'],
      ['B2222CD', 'INJECTING_STATUS', 'missing'],
      ['B2222CD', 'TRIAGE_DATE', 'triage_before_referral'],
      ['B2222CD', 'DATE_OF_BIRTH', 'under_age'],
    ]);
  });

  it('counts age in whole years on the referral day: 17 the day before the 18th birthday, 18 on it', () => {
    const at = (referralDate: string) => ndtmsErrorReport([{ ...base, birthDate: '2008-11-10', referralDate, triageDate: referralDate }], ndtmsSecureAdultV1).filter((e) => e.problem === 'under_age');
    expect(at('2026-11-09')).toHaveLength(1);
    expect(at('2026-11-10')).toHaveLength(0);
  });

  it('names a discharge with no reason and an end reason with no code', () => {
    const problems = (e: Partial<NdtmsEpisode>) => ndtmsErrorReport([{ ...base, ...e }], ndtmsSecureAdultV1).map((x) => `${x.field}:${x.problem}`);
    expect(problems({ dischargeReason: null })).toEqual(['DISCHARGE_REASON:discharge_without_reason']);
    expect(problems({ dischargeReason: 'escaped' })).toEqual(['DISCHARGE_REASON:not_coded']);
  });
});
