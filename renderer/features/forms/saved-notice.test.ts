import { describe, expect, it } from 'vitest';
import { savedNotice } from './saved-notice';

describe('saved notice', () => {
  it('says what saving set in motion', () => {
    expect(savedNotice('COWS', { flagsRaised: [], tasksCreated: [], referralsCreated: [] })).toBe('COWS saved.');
    expect(savedNotice('Reception health screen', { flagsRaised: ['Self-harm risk', 'High CSRA', 'Alcohol withdrawal'], tasksCreated: ['Second-stage health assessment'], referralsCreated: [] })).toBe(
      'Reception health screen saved. Flags raised: Self-harm risk, High CSRA and Alcohol withdrawal. Task created: Second-stage health assessment.',
    );
  });
});
