import { describe, expect, it } from 'vitest';
import { NOT_DISCLOSED } from '../answers';
import { evaluateResponse } from '../evaluate';
import { sensitivityOf } from '../sensitivity';
import { ndtmsPrisonExit, ndtmsTreatmentDetails } from './ndtms-details';

const issues = (answers: Record<string, unknown>) => evaluateResponse(ndtmsTreatmentDetails, answers as never).issues.map((i) => i.itemId);

describe('NDTMS treatment details and prison exit forms', () => {
  it('asks for ethnicity and lifetime injecting; "not disclosed" answers whether the person has ever injected', () => {
    expect(issues({})).toEqual(['ethnicity', 'injected-ever']);
    expect(issues({ ethnicity: 'not-stated', 'injected-ever': NOT_DISCLOSED })).toEqual([]);
  });

  it('needs the day recovery support began once one is chosen', () => {
    expect(issues({ ethnicity: 'white-irish', 'injected-ever': false, 'recovery-support': 'peer-support' })).toEqual(['recovery-support-start']);
    expect(issues({ ethnicity: 'white-irish', 'injected-ever': false, 'recovery-support': 'peer-support', 'recovery-support-start': '2026-11-10' })).toEqual([]);
  });

  it('records why and where a person left as choices', () => {
    expect(evaluateResponse(ndtmsPrisonExit, {}).issues.map((i) => i.itemId)).toEqual(['exit-reason', 'exit-destination']);
    expect(evaluateResponse(ndtmsPrisonExit, { 'exit-reason': 'released-licence', 'exit-destination': 'approved-premises' }).issues).toEqual([]);
  });

  it('are substance use information, shared and offered as the TOP is', () => {
    expect(sensitivityOf(ndtmsTreatmentDetails)).toBe('substance_use');
    expect(sensitivityOf(ndtmsPrisonExit)).toBe('substance_use');
  });
});
