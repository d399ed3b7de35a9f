import { describe, expect, it } from 'vitest';
import { decideDisclosure, type Agreement, type ConsentDecision, type DisclosureRequest } from './disclosure';

const custodyToPrison: Agreement = {
  id: 'DSA-CUSTODY-PRISON',
  version: 2,
  title: 'Custody to prison healthcare continuity',
  fromOrgTypes: ['custody_healthcare'],
  toOrgTypes: ['prison_healthcare'],
  categories: ['demographics', 'risk_flags', 'physical_health', 'mental_health', 'substance_use', 'medication'],
  purposes: ['direct_care', 'continuity_of_care'],
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
};

const request: DisclosureRequest = {
  fromOrgType: 'custody_healthcare',
  toOrgType: 'prison_healthcare',
  purpose: 'direct_care',
  categories: ['risk_flags', 'substance_use'],
  on: '2026-11-23',
};

const dissent: ConsentDecision = { decision: 'do_not_share', categories: ['substance_use'], legalBasis: 'direct_care', decidedOn: '2026-11-01' };

describe('disclosure decision', () => {
  it('permits what an agreement in force covers, naming the agreement', () => {
    expect(decideDisclosure(request, [custodyToPrison], [])).toMatchObject({ outcome: 'permit', permitted: ['risk_flags', 'substance_use'], rule: 'agreement DSA-CUSTODY-PRISON v2' });
  });

  it('denies without an agreement, outside its dates, or to another organisation type', () => {
    expect(decideDisclosure({ ...request, toOrgType: 'police' }, [custodyToPrison], []).outcome).toBe('deny');
    expect(decideDisclosure({ ...request, on: '2027-01-01' }, [custodyToPrison], []).rule).toMatch(/no data-sharing agreement in force on 2027-01-01/);
    expect(decideDisclosure({ ...request, purpose: 'safeguarding' }, [custodyToPrison], []).outcome).toBe('deny');
  });

  it('withholds a category the person declined, and categories outside the agreement', () => {
    const d = decideDisclosure({ ...request, categories: ['risk_flags', 'substance_use', 'care_plan'] }, [custodyToPrison], [dissent]);
    expect(d.outcome).toBe('permit_with_redactions');
    expect(d.permitted).toEqual(['risk_flags']);
    expect(d.withheld).toEqual([
      { category: 'substance_use', rule: 'the person declined sharing of substance_use on 2026-11-01' },
      { category: 'care_plan', rule: 'care_plan is outside agreement DSA-CUSTODY-PRISON v2' },
    ]);
  });

  it('takes the latest decision: a later consent replaces an earlier dissent', () => {
    const consent: ConsentDecision = { ...dissent, decision: 'share', decidedOn: '2026-11-20' };
    expect(decideDisclosure(request, [custodyToPrison], [dissent, consent]).outcome).toBe('permit');
    // ...but not a decision dated after the disclosure.
    expect(decideDisclosure({ ...request, on: '2026-11-10' }, [custodyToPrison], [dissent, consent]).outcome).toBe('permit_with_redactions');
  });

  it('overrides dissent only for vital interests with a justification', () => {
    const empty = decideDisclosure({ ...request, override: { basis: 'vital_interests', justification: ' ' } }, [custodyToPrison], [dissent]);
    expect(empty.outcome).toBe('permit_with_redactions');
    const d = decideDisclosure({ ...request, override: { basis: 'vital_interests', justification: 'Unconscious, suspected overdose' } }, [custodyToPrison], [dissent]);
    expect(d).toMatchObject({ outcome: 'permit', rule: expect.stringMatching(/vital-interests override/) });
  });

  it('needs explicit consent for research and planning', () => {
    const research: Agreement = { ...custodyToPrison, id: 'DSA-RESEARCH', purposes: ['research'] };
    expect(decideDisclosure({ ...request, purpose: 'research' }, [research], []).outcome).toBe('deny');
    const yes: ConsentDecision = { decision: 'share', categories: ['risk_flags', 'substance_use'], legalBasis: 'explicit_consent', decidedOn: '2026-11-02' };
    expect(decideDisclosure({ ...request, purpose: 'research' }, [research], [yes]).outcome).toBe('permit');
  });
});
