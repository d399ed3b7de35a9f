import { describe, expect, it } from 'vitest';
import { sctidConceptProblem, verhoeffValid } from './sctid';

describe('SNOMED CT ids', () => {
  it('passes the Verhoeff worked example and well-known concept ids', () => {
    // Verhoeff's own example: 236 has check digit 3, so 2363 is valid and 2364 is not.
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
    // 138875005 SNOMED CT concept (the root), 404684003 clinical finding, 71388002 procedure.
    for (const id of ['138875005', '404684003', '71388002']) expect(sctidConceptProblem(id)).toBeNull();
  });

  it('accepts UK extension concepts (partition 10)', () => {
    // 366371000000105: partition "10" (a concept in an extension), check digit 5.
    expect(sctidConceptProblem('366371000000105')).toBeNull();
  });

  it('refuses a wrong check digit, a non-concept partition and a malformed id', () => {
    expect(sctidConceptProblem('138875006')).toMatch(/check digit/);
    // 123456011: partition "01" marks a description id, not a concept.
    expect(sctidConceptProblem('123456011')).toMatch(/partition/);
    expect(sctidConceptProblem('012345')).toMatch(/6 to 18 digits/);
    expect(sctidConceptProblem('12345')).toMatch(/6 to 18 digits/);
    expect(sctidConceptProblem('66590003 ')).toMatch(/6 to 18 digits/);
  });
});
