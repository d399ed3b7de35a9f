// SNOMED CT identifiers (SCTIDs): 6-18 digits, no leading zero; the last digit is a Verhoeff
// check digit and the two before it are the partition identifier ('00' a concept in the
// international release, '10' a concept in an extension such as the UK edition). Checking them
// catches a mistyped code in a template or code list before it is written into a record.

// Verhoeff dihedral-group multiplication and position permutation tables.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when the digits, check digit included, pass the Verhoeff check. */
export function verhoeffValid(digits: string): boolean {
  let c = 0;
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const digit = Number(digits[n - 1 - i]);
    c = D[c]![P[i % 8]![digit]!]!;
  }
  return c === 0;
}

const CONCEPT_PARTITIONS = ['00', '10'];

/** Why `code` is not a SNOMED CT concept id, or null when it is one. */
export function sctidConceptProblem(code: string): string | null {
  if (!/^[1-9]\d{5,17}$/.test(code)) return 'a SNOMED CT id is 6 to 18 digits with no leading zero';
  if (!CONCEPT_PARTITIONS.includes(code.slice(-3, -1))) return 'not a concept id (partition must be 00 or 10)';
  if (!verhoeffValid(code)) return 'the check digit does not match: check the code has been copied correctly';
  return null;
}
