// SNOMED CT (UK edition) concepts SONAR records, as a versioned data table. Templates take codes
// from here; logic never spells a code. A site may load its own list; a change to a code or its
// term is a new version of this list (a saved response keeps the code and term it was saved with).
// Every id is checked (Verhoeff check digit, concept partition) by library.test.ts.
//
// `use` says when SONAR may record a concept, because a code in a record is a clinical statement:
// a screening score or a withdrawal score is not a diagnosis, so no template emits a diagnosis code
// from a score alone.
//
// `checked` says what each id and term were checked against (docs/clinical-content.md, "Codes").
// No terminology server or UK edition release file was reachable when this version was made, so
// "public code list" means the concept id and its fully specified name were found together in
// published code lists or value sets; "not found" means they were not, and the concept is not used
// by any template until a terminology server confirms it.
//
// Version 2 (issue 14): 968891000000109 "Alcohol relapse prevention" removed (it could not be found
// in any public source); 64297001's term is its fully specified name, "Detoxication psychiatric
// therapy for alcoholism", not "Alcohol detoxification".

export type CodeCheck = 'public code list' | 'not found';

export type SnomedConcept = { code: string; display: string; fullySpecifiedName: string; use: string; checked: CodeCheck };

export const snomedCodeList = {
  id: 'sonar-snomed-uk',
  version: 2,
  edition: 'SNOMED CT UK edition',
  concepts: {
    briefInterventionExcessiveAlcohol: {
      code: '366371000000105',
      display: 'Brief intervention for excessive alcohol consumption completed',
      fullySpecifiedName: 'Brief intervention for excessive alcohol consumption completed (situation)',
      use: 'when the clinician records that the brief intervention was delivered',
      checked: 'public code list',
    },
    referralCommunityDrugAlcoholTeam: {
      code: '417096006',
      display: 'Referral to community drug and alcohol team',
      fullySpecifiedName: 'Referral to community drug and alcohol team (procedure)',
      use: 'when the clinician records the referral',
      checked: 'public code list',
    },
    referralSpecialistAlcoholService: {
      code: '431260004',
      display: 'Referral to specialist alcohol treatment service',
      fullySpecifiedName: 'Referral to specialist alcohol treatment service (procedure)',
      use: 'when the clinician records the referral',
      checked: 'public code list',
    },
    alcoholDependence: {
      code: '66590003',
      display: 'Alcohol dependence',
      fullySpecifiedName: 'Alcohol dependence (disorder)',
      use: 'a diagnosis made by a clinician; never from an AUDIT score (20+ means "possible dependence")',
      checked: 'public code list',
    },
    alcoholWithdrawalSyndrome: {
      code: '191480000',
      display: 'Alcohol withdrawal syndrome',
      fullySpecifiedName: 'Alcohol withdrawal syndrome (disorder)',
      use: 'a diagnosis made by a clinician; a CIWA-Ar score measures severity once withdrawal is judged present',
      checked: 'not found',
    },
    opioidDependence: {
      code: '75544000',
      display: 'Opioid dependence',
      fullySpecifiedName: 'Opioid dependence (disorder)',
      use: 'a diagnosis made by a clinician; never from a COWS score',
      checked: 'not found',
    },
    alcoholDetoxification: {
      code: '64297001',
      display: 'Detoxication psychiatric therapy for alcoholism',
      fullySpecifiedName: 'Detoxication psychiatric therapy for alcoholism (regime/therapy)',
      use: 'when a detoxification regime is started',
      checked: 'public code list',
    },
  },
} as const satisfies { id: string; version: number; edition: string; concepts: Record<string, SnomedConcept> };

export type SnomedConceptKey = keyof typeof snomedCodeList.concepts;

/** Concepts removed from the list, with why, so a reviewer sees they were dropped on purpose. */
export const removedConcepts: readonly { code: string; display: string; removedInVersion: number; why: string }[] = [
  { code: '968891000000109', display: 'Alcohol relapse prevention', removedInVersion: 2, why: 'not found in any public source; no template used it' },
];
