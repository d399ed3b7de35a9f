import { describe, expect, it } from 'vitest';
import { searchScope } from './search-scope';

describe('search scope', () => {
  it('clinicians search the whole site record', () => {
    expect(searchScope(['custody_hcp'])).toBe('site');
    expect(searchScope(['site_admin', 'prison_nurse'])).toBe('site');
  });
  it('partners find only people with a current stay', () => {
    expect(searchScope(['partner_police'])).toBe('currentStays');
    expect(searchScope(['partner_social_care'])).toBe('currentStays');
    expect(searchScope(['partner_voluntary'])).toBe('currentStays');
  });
  it('an auditor (no clinical view) is not widened by the rule', () => {
    expect(searchScope(['auditor'])).toBe('currentStays');
  });
});
