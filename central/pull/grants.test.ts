import { describe, expect, it } from 'vitest';
import type { Agreement, ConsentDecision } from '../../domain/access/disclosure';
import { Decider } from '../policy/decider';
import { evaluateGrant, type SubscriptionRow } from './grants';

const agreement: Agreement = {
  id: 'DSA-1',
  version: 1,
  title: 'custody to prison',
  fromOrgTypes: ['custody_healthcare'],
  toOrgTypes: ['prison_healthcare'],
  categories: ['demographics', 'risk_flags', 'mental_health'],
  purposes: ['direct_care'],
  validFrom: '2026-01-01',
  validTo: null,
};

const sub = (granted: SubscriptionRow['granted'], cap: SubscriptionRow['categoryCap'] = null): SubscriptionRow => ({
  id: 's',
  personId: 'p',
  kind: 'stay',
  purpose: 'direct_care',
  categoryCap: cap,
  expiresAt: null,
  snapshotSeq: 0,
  snapshotFloor: 0,
  snapshotGen: 1,
  snapshotDone: true,
  granted,
});

const dissent: ConsentDecision = { decision: 'do_not_share', categories: ['mental_health'], legalBasis: 'direct_care', decidedOn: '2026-11-30' };

describe('what a subscribed site may hold', () => {
  const decider = new Decider([agreement], '2026-12-01');
  const from = ['custody_healthcare', 'police'] as const;

  it('permits per origin organisation type and names the rule for the rest', () => {
    const change = evaluateGrant(sub(null), 'prison_healthcare', [...from], [], decider);
    expect([...(change.grant.permitted.get('custody_healthcare') ?? [])].sort()).toEqual(['demographics', 'mental_health', 'risk_flags']);
    expect(change.grant.permitted.get('police')?.size).toBe(0);
    expect(change.grant.withheld.get('police')?.get('risk_flags')).toMatch(/no data-sharing agreement/);
    expect(change.lost).toEqual([]);
  });

  it('turns a category that dropped out (dissent) into a removal, with the reason', () => {
    const before = evaluateGrant(sub(null), 'prison_healthcare', [...from], [], decider).stored;
    const change = evaluateGrant(sub(before), 'prison_healthcare', [...from], [dissent], decider);
    expect(change.lost).toEqual([{ orgType: 'custody_healthcare', categories: ['mental_health'], rules: [expect.stringMatching(/declined sharing of mental_health/)] }]);
    expect(change.gained).toBe(false);
  });

  it('notices a widened permission (so earlier events are sent again)', () => {
    const narrow = evaluateGrant(sub(null), 'prison_healthcare', [...from], [dissent], decider).stored;
    expect(evaluateGrant(sub(narrow), 'prison_healthcare', [...from], [], decider).gained).toBe(true);
  });

  it('keeps a capped (partner) subscription to its cap', () => {
    const change = evaluateGrant(sub(null, ['demographics', 'risk_flags']), 'prison_healthcare', [...from], [], decider);
    expect([...(change.grant.permitted.get('custody_healthcare') ?? [])].sort()).toEqual(['demographics', 'risk_flags']);
    expect(change.grant.withheld.get('custody_healthcare')?.get('mental_health')).toMatch(/need-to-know/);
  });
});
