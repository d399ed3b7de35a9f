import { describe, expect, it } from 'vitest';
import { flagsRaise } from '../../../contract/channels/flags';
import { flagTypes, otherFlagCode } from './flag-types';

describe('flag types', () => {
  it('every code is one the contract accepts', () => {
    for (const t of flagTypes) {
      expect(flagsRaise.input.safeParse({ personId: '6f1c1a52-8f5c-4f4e-9d55-1a2b3c4d5e6f', code: t.code, label: t.label, severity: t.severity, reason: 'r' }).success).toBe(true);
    }
  });

  it('makes a valid code from the clinician’s own words', () => {
    expect(otherFlagCode('Needs a hearing loop')).toBe('OTHER_NEEDS_A_HEARING_LOOP');
    expect(otherFlagCode('  ¿?  ')).toBe('OTHER_FLAG');
    const long = otherFlagCode('a very long description of an unusual risk that goes on and on');
    expect(long.length).toBeLessThanOrEqual(41);
    expect(/^[A-Z][A-Z0-9_]{1,40}$/.test(long)).toBe(true);
  });
});
