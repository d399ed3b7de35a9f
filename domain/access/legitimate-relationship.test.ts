import { describe, expect, it } from 'vitest';
import { decideRelationship, type RelationshipFacts } from './legitimate-relationship';

const base: RelationshipFacts = {
  siteCode: 'DEMO01',
  now: new Date('2026-11-23T12:00:00Z'),
  registration: { siteCode: 'OTHER', at: '2026-01-01T00:00:00Z' },
  stays: [],
  onCaseload: false,
  breakGlassUntil: null,
};

describe('legitimate relationship', () => {
  it('allows a current stay at this site, not one at another site', () => {
    expect(decideRelationship({ ...base, stays: [{ siteCode: 'DEMO01', arrivedAt: '2026-11-23T08:00:00Z', exitedAt: null }] })).toEqual({
      allowed: true,
      rule: 'current stay at this site',
    });
    expect(decideRelationship({ ...base, stays: [{ siteCode: 'OTHER', arrivedAt: '2026-11-23T08:00:00Z', exitedAt: null }] }).allowed).toBe(false);
  });

  it('allows 7 days after exit (168 hours), not after', () => {
    const stay = (exitedAt: string) => ({ ...base, stays: [{ siteCode: 'DEMO01', arrivedAt: '2026-11-01T00:00:00Z', exitedAt }] });
    expect(decideRelationship(stay('2026-11-16T12:00:00Z')).allowed).toBe(true);
    expect(decideRelationship(stay('2026-11-16T11:00:00Z')).allowed).toBe(false);
  });

  it('allows a person registered here in the last 72 hours (reception in progress)', () => {
    expect(decideRelationship({ ...base, registration: { siteCode: 'DEMO01', at: '2026-11-20T12:00:00Z' } }).allowed).toBe(true);
    expect(decideRelationship({ ...base, registration: { siteCode: 'DEMO01', at: '2026-11-20T11:00:00Z' } }).allowed).toBe(false);
  });

  it('allows the caseload and an unexpired break-glass only', () => {
    expect(decideRelationship({ ...base, onCaseload: true }).rule).toBe("on the user's caseload");
    expect(decideRelationship({ ...base, breakGlassUntil: '2026-11-23T12:30:00Z' }).allowed).toBe(true);
    expect(decideRelationship({ ...base, breakGlassUntil: '2026-11-23T11:59:59Z' })).toEqual({
      allowed: false,
      rule: 'no current or recent stay at this site, not on caseload, no active break-glass',
    });
  });

  it('allows a person this site looked up at reception while the lookup subscription runs', () => {
    expect(decideRelationship({ ...base, lookup: { purpose: 'direct_care', until: '2026-11-23T13:00:00Z' } })).toEqual({
      allowed: true,
      rule: 'looked up at reception for direct care until 2026-11-23T13:00:00Z',
    });
    expect(decideRelationship({ ...base, lookup: { purpose: 'direct_care', until: '2026-11-23T11:00:00Z' } }).allowed).toBe(false);
  });
});
