import { describe, expect, it } from 'vitest';
import { readRecordId, rolesText, verifyText } from './audit-format';
import { checkBreakGlass } from './break-glass-form';
import { recordPrint, printAudited } from './record-print';
import { accessEndText } from './ReviewsScreen';
import { formatClinicalDateTime } from '../../format/person-format';

describe('the audit view', () => {
  it('names roles by their labels', () => {
    expect(rolesText('custody_hcp,site_admin')).toBe('Custody healthcare professional, Site administrator');
    expect(rolesText('partner_police')).toBe('Police partner');
    expect(rolesText(null)).toBe('Not known');
    expect(rolesText('something_new')).toBe('something_new');
  });

  it('takes a pasted record id, tidied', () => {
    expect(readRecordId(' "0190A3B4-5C6D-7E8F-9A0B-1C2D3E4F5A6B" ')).toBe('0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b');
    expect(readRecordId('Mary Jones')).toBeNull();
    expect(readRecordId('')).toBeNull();
  });

  it('says whether the chain verifies, and where it breaks', () => {
    expect(verifyText({ ok: true, rows: 120, firstBadSeq: null, problem: null })).toBe('The audit trail is intact: 120 entries checked, none changed or removed.');
    expect(verifyText({ ok: false, rows: 0, firstBadSeq: 17, problem: 'hash mismatch' })).toMatch(/tampered with at entry 17: hash mismatch/);
  });
});

describe('the break-glass form', () => {
  it('needs a reason of 10 characters or more and one of the time limits', () => {
    expect(checkBreakGlass('', '').errors).toEqual({
      reason: { message: 'Enter the clinical reason you need this record now' },
      minutes: { message: 'Choose how long you need access for' },
    });
    expect(checkBreakGlass('unwell', '30').errors.reason?.message).toMatch(/at least 10 characters/);
    expect(checkBreakGlass('collapsed in reception', '45').errors.minutes).toBeDefined();
    expect(checkBreakGlass('  collapsed in reception ', '60')).toEqual({ errors: {}, minutes: 60 });
  });
});

describe('break-glass reviews', () => {
  it('say how each access ended', () => {
    const now = new Date('2030-01-01T12:00:00Z');
    expect(accessEndText({ endedAt: '2030-01-01T11:00:00Z', expiresAt: '2030-01-01T11:30:00Z' }, now)).toBe(`${formatClinicalDateTime('2030-01-01T11:00:00Z')}, before the time limit`);
    expect(accessEndText({ endedAt: '2030-01-01T11:30:00Z', expiresAt: '2030-01-01T11:30:00Z' }, now)).toMatch(/, at the time limit$/);
    expect(accessEndText({ endedAt: null, expiresAt: '2030-01-01T11:30:00Z' }, now)).toMatch(/, at the time limit$/);
    expect(accessEndText({ endedAt: null, expiresAt: '2030-01-01T12:30:00Z' }, now)).toMatch(/^Still open, until/);
  });
});

describe('printing', () => {
  it('records each print in the audit trail before printing', async () => {
    const seen: unknown[] = [];
    const order: string[] = [];
    const call = (async (channel: string, input: unknown) => {
      seen.push({ channel, input });
      order.push('recorded');
      return { ok: true, value: { recorded: true } };
    }) as never;
    expect(await printAudited(call, 'p1', 'Handover to the custody officer', () => order.push('printed'))).toEqual({ recorded: true, problem: null });
    expect(seen).toEqual([{ channel: 'audit.recordPrint', input: { personId: 'p1', document: 'Handover to the custody officer' } }]);
    expect(order).toEqual(['recorded', 'printed']);
  });

  it('says so when the print could not be recorded, without stopping it', async () => {
    const refused = (async () => ({ ok: false, error: { code: 'internal', message: 'disk full' } })) as never;
    const r = await recordPrint(refused, 'p1', 'Release pack');
    expect(r.recorded).toBe(false);
    expect(r.problem).toMatch(/could not be recorded in the audit trail \(disk full\)/);
    const thrown = (async () => {
      throw new Error('gone');
    }) as never;
    expect((await recordPrint(thrown, 'p1', 'Release pack')).recorded).toBe(false);
  });
});
