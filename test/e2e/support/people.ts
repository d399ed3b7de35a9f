// Synthetic detainees and prisoners for the clinical specs. NHS numbers pass the mod-11 check and
// are outside the 999 test range; none belongs to a real person we know of.
export const JOHN_SMITH = {
  familyName: 'Smith',
  givenNames: 'John',
  day: '12',
  month: '5',
  year: '1988',
  sex: 'Male',
  nhsNumber: '4010232137',
  nhsFormatted: '401 023 2137',
  born: '12-May-1988',
  pnc: '2003/0012345N',
} as const;

/** Same date of birth as John Smith and a similar name: a likely duplicate to be reviewed. */
export const JON_SMYTH = {
  familyName: 'Smyth',
  givenNames: 'Jon',
  day: '12',
  month: '5',
  year: '1988',
  sex: 'Male',
} as const;

export const PETER_WALKER = {
  familyName: 'Walker',
  givenNames: 'Peter',
  day: '3',
  month: '9',
  year: '1979',
  sex: 'Male',
  nhsNumber: '4010232277',
  nhsFormatted: '401 023 2277',
  nomis: 'A1234BC',
} as const;

/** A detainee for the custody assessment, withdrawal scale and handover. */
export const DANIEL_GREEN = {
  familyName: 'Green',
  givenNames: 'Daniel',
  day: '21',
  month: '2',
  year: '1992',
  sex: 'Male',
  nhsNumber: '4010232412',
  nhsFormatted: '401 023 2412',
  custodyNumber: '04/123456/26',
} as const;
