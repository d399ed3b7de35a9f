// NOMIS prison number: a letter, four digits, two letters (A1234BC). Stored uppercase.

export type NomisNumberCheck =
  | { ok: true; value: string }
  | { ok: false; reason: string };

const NOMIS = /^[A-Z]\d{4}[A-Z]{2}$/;

/** Trims and uppercases, then checks the shape; the reason names the part that is wrong. */
export function checkNomisNumber(input: string): NomisNumberCheck {
  const value = input.trim().toUpperCase();
  if (value.length === 0) return { ok: false, reason: 'Enter a prison number' };
  if (NOMIS.test(value)) return { ok: true, value };
  const shape = 'a letter, 4 digits and 2 letters, like A1234BC';
  if (value.length !== 7) {
    return { ok: false, reason: `Prison number must be 7 characters: ${shape} (you entered ${value.length})` };
  }
  if (!/^[A-Z]$/.test(value.slice(0, 1))) return { ok: false, reason: `Prison number must start with a letter: ${shape}` };
  if (!/^\d{4}$/.test(value.slice(1, 5))) return { ok: false, reason: `Prison number must have 4 digits after the first letter: ${shape}` };
  return { ok: false, reason: `Prison number must end with 2 letters: ${shape}` };
}
