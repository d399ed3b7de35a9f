import { describe, expect, it } from 'vitest';
import { codeMapSchema, CTV3_SYSTEM, shippedCtv3Map, SNOMED_SYSTEM, type CodeMap } from './code-map';
import { countCodedEvents, systemOf } from './coded-event-counts';

// A site's own map: two CTV3 codes (invented for the test, not real CTV3 codes) to two concepts of the shipped list.
const siteMap: CodeMap = codeMapSchema.parse({
  kind: 'code-map',
  id: 'test-site-ctv3',
  version: 3,
  from: CTV3_SYSTEM,
  to: SNOMED_SYSTEM,
  source: 'test',
  entries: [
    { code: 'XaT01', target: '417096006', display: 'Referral to community drug and alcohol team' },
    { code: 'XaT02', target: '431260004', display: 'Referral to specialist alcohol treatment service' },
  ],
});

describe('coded event counts', () => {
  it('counts SNOMED CT codes as recorded and CTV3 codes under the concept the map gives, adding up per concept', () => {
    const r = countCodedEvents(
      [
        { event: 'referral-outcome', system: null, code: '417096006', display: 'Referral to community drug and alcohol team', events: 2 },
        { event: 'referral-outcome', system: null, code: 'XaT01', display: 'CDAT referral', events: 3 },
        { event: 'release-referral', system: CTV3_SYSTEM, code: 'XaT02', display: 'Alcohol service referral', events: 1 },
      ],
      siteMap,
    );
    expect(r.counted).toEqual([
      { event: 'referral-outcome', code: '417096006', display: 'Referral to community drug and alcohol team', events: 5, mappedFromCtv3: 3 },
      { event: 'release-referral', code: '431260004', display: 'Referral to specialist alcohol treatment service', events: 1, mappedFromCtv3: 1 },
    ]);
    expect(r.unmapped).toEqual([]);
    expect(r.map).toBe('test-site-ctv3 version 3');
  });

  it('lists a CTV3 code the map lacks, and a code of an unknown system, as not mapped with their counts', () => {
    const r = countCodedEvents(
      [
        { event: 'referral-outcome', system: null, code: 'XaZZZ', display: 'Old code', events: 2 },
        { event: 'form', system: 'http://example.org/local', code: 'L1', display: 'Local', events: 1 },
        { event: 'referral-outcome', system: null, code: 'XaZZZ', display: 'Old code', events: 1 },
      ],
      siteMap,
    );
    expect(r.counted).toEqual([]);
    expect(r.unmapped).toEqual([
      { event: 'form', system: 'unknown', code: 'L1', display: 'Local', events: 1, why: 'recorded in http://example.org/local' },
      { event: 'referral-outcome', system: 'CTV3', code: 'XaZZZ', display: 'Old code', events: 3, why: 'not in test-site-ctv3 version 3' },
    ]);
  });

  it('with the shipped map (no entries) maps nothing and drops nothing', () => {
    const r = countCodedEvents([{ event: 'referral-outcome', system: null, code: 'XaT01', display: null, events: 4 }], shippedCtv3Map);
    expect(r.counted).toEqual([]);
    expect(r.unmapped).toMatchObject([{ code: 'XaT01', events: 4, system: 'CTV3' }]);
  });

  it('tells the terminology from the recorded system, else from the code’s form', () => {
    expect(systemOf({ system: null, code: '417096006' })).toBe('SNOMED CT');
    expect(systemOf({ system: null, code: '8H7..' })).toBe('CTV3');
    expect(systemOf({ system: SNOMED_SYSTEM, code: '417096006' })).toBe('SNOMED CT');
    expect(systemOf({ system: null, code: 'ABCDEFG' })).toBe('unknown');
  });

  it('refuses a map that sends one code to two concepts, or to an id that is not a concept', () => {
    const base = { kind: 'code-map', id: 'bad', version: 1, from: CTV3_SYSTEM, to: SNOMED_SYSTEM, source: 'test' };
    expect(codeMapSchema.safeParse({ ...base, entries: [{ code: 'XaT01', target: '417096006', display: 'a' }, { code: 'XaT01', target: '431260004', display: 'b' }] }).success).toBe(false);
    expect(codeMapSchema.safeParse({ ...base, entries: [{ code: 'XaT01', target: '417096007', display: 'a' }] }).success).toBe(false);
    expect(codeMapSchema.safeParse({ ...base, entries: [{ code: 'XaT0', target: '417096006', display: 'a' }] }).success).toBe(false);
  });
});
