// The NDTMS secure-setting adult dataset's code lists as versioned data: how SONAR's own recorded
// values (substances, interventions, treatment end reasons, injecting status) are written in the
// return. A return names the list and version it was written with, so a change of dataset is a
// new version here, never an edit in the mapping code. The codes are SONAR's own reading of the
// dataset and must be checked against the current technical definition before a first submission
// (docs/reports.md, "NDTMS return").
export interface NdtmsCodeList {
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
} as const satisfies NdtmsCodeList;

/** The list a return is written with now. */
export const currentNdtmsCodeList: NdtmsCodeList = ndtmsSecureAdultV1;
