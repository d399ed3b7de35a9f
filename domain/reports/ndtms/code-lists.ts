// The NDTMS secure-setting adult dataset's code lists as versioned data: how SONAR's own recorded
// values (substances, interventions, treatment end reasons, injecting status, and from version 2
// demographics, sub-interventions and prison exit) are written in the return. A return names the list and version it was written with, so a change of dataset is a
// new version here, never an edit in the mapping code. The codes are SONAR's own reading of the
// dataset and must be checked against the current technical definition before a first submission
// (docs/reports.md, "NDTMS return").
/** Version 1's shape, kept so the list a past return was written with can still be read. */
export interface NdtmsCodeListV1 {
  id: string;
  /** The dataset the list belongs to, and this list's version of it. */
  dataset: string;
  version: number;
  /** SONAR substance value (domain/templates/library/screening-options.ts) -> NDTMS drug code. */
  drugs: Readonly<Record<string, string>>;
  /** SONAR intervention (contract/sync/events-sms.ts) -> NDTMS intervention code. */
  interventions: Readonly<Record<string, string>>;
  /** SONAR treatment end reason -> NDTMS discharge reason code. */
  dischargeReasons: Readonly<Record<string, string>>;
  /** Injecting status as the dataset codes it. */
  injecting: { currently: string; previously: string; never: string; declined: string };
  /** Written for an item with no value. */
  empty: string;
  /** The youngest age, in whole years at referral, the adult dataset accepts. */
  minimumAge: number;
}

export const ndtmsSecureAdultV1 = {
  id: 'sonar-ndtms-secure-adult',
  dataset: 'secure-setting-adult',
  version: 1,
  drugs: {
    alcohol: 'ALC',
    opioids: 'OPI',
    crack: 'CRA',
    cocaine: 'COC',
    benzodiazepines: 'BEN',
    gabapentinoids: 'GAB',
    'synthetic-cannabinoids': 'SCR',
    cannabis: 'CAN',
    amphetamines: 'AMP',
    other: 'OTH',
  },
  interventions: { pharmacological: 'PHARM', psychosocial: 'PSYCH' },
  dischargeReasons: {
    completed: 'TC',
    declined: 'DC',
    transferred: 'TN',
    released: 'RL',
    other: 'OT',
  },
  injecting: { currently: 'C', previously: 'P', never: 'N', declined: 'Z' },
  empty: 'NA',
  minimumAge: 18,
} as const satisfies NdtmsCodeListV1;

/**
 * From version 2: the dataset letter the list was made for (null until the list has been checked
 * against that letter's technical definition: the return says so), the demographic items, lifetime
 * injecting, sub-interventions and recovery support, prison exit reason and destination, and the
 * discharge reasons split by where the person went (released and referred on to community treatment
 * is "transferred - not in custody").
 */
export interface NdtmsCodeList extends Omit<NdtmsCodeListV1, 'interventions' | 'dischargeReasons'> {
  datasetLetter: string | null;
  /** SONAR sex (contract/channels/patients.ts) -> stated gender code. */
  sex: Readonly<Record<string, string>>;
  /** Ethnicity as recorded on the treatment details form -> ethnic category code. */
  ethnicity: Readonly<Record<string, string>>;
  /** Sub-intervention (treatment details form) -> code, by kind of intervention. */
  pharmacological: Readonly<Record<string, string>>;
  psychosocial: Readonly<Record<string, string>>;
  recoverySupport: Readonly<Record<string, string>>;
  /**
   * Treatment end -> discharge reason code. Keys are SONAR end reasons, and for "released" whether a
   * community treatment referral was made on release (`released-referred`) or not (`released`).
   */
  dischargeReasons: Readonly<Record<string, string>>;
  /** Prison exit form -> exit reason and destination codes. */
  exitReasons: Readonly<Record<string, string>>;
  exitDestinations: Readonly<Record<string, string>>;
}

export const ndtmsSecureAdultV2 = {
  id: 'sonar-ndtms-secure-adult',
  dataset: 'secure-setting-adult',
  datasetLetter: null,
  version: 2,
  drugs: ndtmsSecureAdultV1.drugs,
  injecting: ndtmsSecureAdultV1.injecting,
  empty: 'NA',
  minimumAge: 18,
  sex: { male: '1', female: '2', other: '9', unknown: 'X' },
  ethnicity: {
    'white-british': 'A',
    'white-irish': 'B',
    'white-other': 'C',
    'mixed-white-black-caribbean': 'D',
    'mixed-white-black-african': 'E',
    'mixed-white-asian': 'F',
    'mixed-other': 'G',
    'asian-indian': 'H',
    'asian-pakistani': 'J',
    'asian-bangladeshi': 'K',
    'asian-other': 'L',
    'black-caribbean': 'M',
    'black-african': 'N',
    'black-other': 'P',
    chinese: 'R',
    other: 'S',
    'not-stated': 'Z',
  },
  pharmacological: {
    'ost-maintenance': 'OSTM',
    'ost-reduction': 'OSTR',
    'opioid-withdrawal': 'OWD',
    'alcohol-withdrawal': 'AWD',
    'relapse-prevention-medication': 'RPM',
    'other-pharmacological': 'PHOTH',
  },
  psychosocial: {
    motivational: 'MOT',
    'contingency-management': 'CM',
    'family-social-network': 'FSN',
    'cbt-relapse-prevention': 'CBT',
    'mutual-aid-facilitation': 'MAF',
    'other-psychosocial': 'PSOTH',
  },
  recoverySupport: {
    'peer-support': 'PEER',
    'mutual-aid': 'MUTA',
    'housing-support': 'HOUS',
    'education-employment': 'EET',
    'family-support': 'FAM',
    'other-recovery-support': 'RSOTH',
  },
  dischargeReasons: {
    completed: 'TC',
    declined: 'DC',
    transferred: 'TIC',
    'released-referred': 'TNC',
    released: 'RNR',
    other: 'OT',
  },
  exitReasons: {
    'released-end-of-sentence': 'RES',
    'released-licence': 'RLH',
    'released-court': 'RCB',
    'transferred-prison': 'TPR',
    'transferred-hospital': 'THO',
    deported: 'DEP',
    died: 'DIE',
    other: 'OTH',
  },
  exitDestinations: {
    'own-home': 'HOME',
    'approved-premises': 'APPR',
    'temporary-accommodation': 'TEMP',
    'no-fixed-abode': 'NFA',
    'another-prison': 'PRIS',
    hospital: 'HOSP',
    'outside-uk': 'ABRD',
    'not-known': 'NK',
  },
} as const satisfies NdtmsCodeList;

/** The list a return is written with now. */
export const currentNdtmsCodeList: NdtmsCodeList = ndtmsSecureAdultV2;

/** How a return names its list: "sonar-ndtms-secure-adult version 2 (dataset letter not yet confirmed)". */
export const listName = (list: NdtmsCodeList) => `${list.id} version ${list.version} (${list.datasetLetter === null ? 'dataset letter not yet confirmed' : `dataset ${list.datasetLetter}`})`;
