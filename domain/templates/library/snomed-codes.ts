// SNOMED CT (UK edition) concepts SONAR records, as a versioned data table (DOMAIN.md "Codes").
// Templates take codes from here; logic never spells a code. A site may load its own list; a
// change to a code or its term is a new version of this list. Every id is checked (Verhoeff check
// digit, concept partition) by snomed-codes.test.ts.
//
// `use` says when SONAR may record a concept, because a code in a record is a clinical statement:
// a screening score or a withdrawal score is not a diagnosis, so no template emits a diagnosis code
// from a score alone.

export type SnomedConcept = { code: string; display: string; use: string };

export const snomedCodeList = {
  id: 'sonar-snomed-uk',
  version: 1,
  edition: 'SNOMED CT UK edition',
  concepts: {
    briefInterventionExcessiveAlcohol: {
      code: '366371000000105',
      display: 'Brief intervention for excessive alcohol consumption completed',
      use: 'when the clinician records that the brief intervention was delivered',
    },
    referralCommunityDrugAlcoholTeam: {
      code: '417096006',
      display: 'Referral to community drug and alcohol team',
      use: 'when the clinician records the referral',
    },
    referralSpecialistAlcoholService: {
      code: '431260004',
      display: 'Referral to specialist alcohol treatment service',
      use: 'when the clinician records the referral',
    },
    alcoholDependence: {
      code: '66590003',
      display: 'Alcohol dependence',
      use: 'a diagnosis made by a clinician; never from an AUDIT score (20+ means "possible dependence")',
    },
    alcoholWithdrawalSyndrome: {
      code: '191480000',
      display: 'Alcohol withdrawal syndrome',
      use: 'a diagnosis made by a clinician; a CIWA-Ar score measures severity once withdrawal is judged present',
    },
    opioidDependence: {
      code: '75544000',
      display: 'Opioid dependence',
      use: 'a diagnosis made by a clinician; never from a COWS score',
    },
    alcoholDetoxification: {
      code: '64297001',
      display: 'Alcohol detoxification',
      use: 'when a detoxification regime is started',
    },
    alcoholRelapsePrevention: {
      code: '968891000000109',
      display: 'Alcohol relapse prevention',
      use: 'when relapse prevention is delivered',
    },
  },
} as const satisfies { id: string; version: number; edition: string; concepts: Record<string, SnomedConcept> };

export type SnomedConceptKey = keyof typeof snomedCodeList.concepts;
