import { describe, expect, it } from 'vitest';
import { checkIdentifierDraft, otherIdentifierTypes } from './identifier-input';

const ctx = { allowTestNumbers: false, now: new Date(2026, 10, 23) };

describe('identifier typed at the desk', () => {
  it('offers every type but the NHS number beside the NHS number box', () => {
    expect(otherIdentifierTypes).not.toContain('nhs_number');
    expect(otherIdentifierTypes).toContain('nomis_number');
  });

  it('asks for the type, then the value', () => {
    expect(checkIdentifierDraft({ type: '', value: 'A1234BC' }, ctx)).toEqual({ ok: false, message: 'Select the type of identifier', on: 'type' });
    expect(checkIdentifierDraft({ type: 'pnc_id', value: ' ' }, ctx)).toEqual({ ok: false, message: 'Enter the PNC ID', on: 'value' });
  });

  it('checks with the domain rules and returns the canonical value', () => {
    expect(checkIdentifierDraft({ type: 'nomis_number', value: 'a1234bc' }, ctx)).toEqual({ ok: true, type: 'nomis_number', value: 'A1234BC' });
    expect(checkIdentifierDraft({ type: 'pnc_id', value: '03/12345N' }, ctx)).toMatchObject({ ok: true, value: '2003/0012345N' });
    const bad = checkIdentifierDraft({ type: 'pnc_id', value: '2003/0012345A' }, ctx);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toBe('PNC ID is not valid: the check letter does not match. Check it has been copied correctly');
  });
});
