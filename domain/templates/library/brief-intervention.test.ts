import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { validateTemplate } from '../validate-template';
import { briefIntervention as t } from './brief-intervention';
import { snomedCodeList } from './snomed-codes';

const delivered: Answers = { focus: ['alcohol'], 'audit-score': 12, delivered: true, components: ['feedback', 'advice', 'menu'], leaflet: true, outcome: 'no-further-action' };

describe('brief intervention', () => {
  it('is valid and offered in custody, prison and the community', () => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
    expect(t.use?.siteTypes).toEqual(['custody', 'prison', 'community']);
  });

  it('worked example: delivered for alcohol records 366371000000105 and no referral', () => {
    const e = evaluateResponse(t, delivered);
    expect(e.issues).toEqual([]);
    expect(e.codes).toEqual([{ ruleId: 'bi-alcohol-delivered', system: 'http://snomed.info/sct', code: '366371000000105', display: snomedCodeList.concepts.briefInterventionExcessiveAlcohol.display }]);
    expect(e.effects).toEqual([]);
  });

  it('for drugs only, or not delivered, records no alcohol code', () => {
    expect(evaluateResponse(t, { ...delivered, focus: ['drugs'] }).codes).toEqual([]);
    const declined = { focus: ['alcohol'], delivered: false, 'declined-reason': 'Did not want to talk today', outcome: 'follow-up' };
    expect(evaluateResponse(t, declined).issues).toEqual([]);
    expect(evaluateResponse(t, declined).codes).toEqual([]);
  });

  it('asks what was covered when delivered, and why not when not', () => {
    expect(evaluateResponse(t, { ...delivered, components: undefined as never }).issues.map((i) => i.itemId)).toEqual(['components']);
    expect(evaluateResponse(t, { focus: ['drugs'], delivered: false, outcome: 'no-further-action' }).issues.map((i) => i.itemId)).toEqual(['declined-reason']);
  });

  it('choosing a referral refers the person to the substance misuse team', () => {
    expect(evaluateResponse(t, { ...delivered, outcome: 'refer-sms' }).effects).toEqual([
      { kind: 'referral', ruleId: 'refer-sms', toService: 'substance_misuse', reason: 'Brief intervention: referred for substance misuse assessment', because: 'What happens next: Refer to the substance misuse team for assessment' },
    ]);
  });
});
