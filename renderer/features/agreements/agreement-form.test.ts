import { describe, expect, it } from 'vitest';
import { checkAgreement, unwrapAgreementPaths, type AgreementDraft } from './agreement-form';
import { listInWords, categoryLabels, toggle, categories } from '../consent/disclosure-labels';
import { checkDate } from '../consent/date-only';

const good: AgreementDraft = {
  id: 'dsa-custody-01',
  version: '1',
  title: 'Custody to prison continuity of care',
  fromOrgTypes: ['custody_healthcare'],
  toOrgTypes: ['prison_healthcare'],
  categories: ['risk_flags', 'medication'],
  purposes: ['continuity_of_care'],
  validFrom: { day: '1', month: '4', year: '2026' },
  validTo: { day: '', month: '', year: '' },
};

describe('checkAgreement', () => {
  it('builds the agreement, upper-casing the reference and leaving no end date open', () => {
    const r = checkAgreement(good);
    expect(r.ok && r.agreement).toMatchObject({ id: 'DSA-CUSTODY-01', version: 1, validFrom: '2026-04-01', validTo: null });
  });

  it('names every field at fault', () => {
    const r = checkAgreement({ ...good, id: 'x', version: '0', title: ' ', fromOrgTypes: [], validFrom: { day: '31', month: '2', year: '2026' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual(['id', 'version', 'title', 'fromOrgTypes', 'validFrom']);
  });

  it('refuses an end before the start', () => {
    const r = checkAgreement({ ...good, validTo: { day: '31', month: '3', year: '2026' } });
    expect(!r.ok && r.errors.validTo?.message).toMatch(/after the start/);
  });
});

describe('helpers', () => {
  it('strips the agreement prefix from server paths', () => {
    const e = unwrapAgreementPaths({ code: 'invalid_input', message: 'm', path: 'agreement.validTo', issues: [{ path: 'agreement.id', message: 'bad' }] });
    expect(e.path).toBe('validTo');
    expect(e.issues?.[0]?.path).toBe('id');
  });

  it('lists categories in words', () => {
    expect(listInWords(['mental_health', 'substance_use'], categoryLabels)).toBe('Mental health and substance use');
    expect(listInWords(['substance_use'], categoryLabels)).toBe('Substance use');
  });

  it('toggles keeping the given order', () => {
    expect(toggle(['medication'], 'demographics', categories)).toEqual(['demographics', 'medication']);
    expect(toggle(['medication'], 'medication', categories)).toEqual([]);
  });

  it('checks a date without a time', () => {
    expect(checkDate({ day: '5', month: '6', year: '2026' }, 'Date')).toEqual({ ok: true, iso: '2026-06-05' });
    expect(checkDate({ day: '5', month: '', year: '2026' }, 'Date')).toMatchObject({ ok: false, parts: ['month'] });
  });
});
