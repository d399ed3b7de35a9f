// A complete secure-setting TOP for tests: heroin on 23 of the 28 days, crack on 2, tobacco daily,
// injecting on 20 days, psychological health 6, physical health 9, quality of life 5.
import type { Answers } from '../../domain/templates/answers';
import { TOP_SUBSTANCES, weekItemIds } from '../../domain/templates/library/top-items';

export function workedTop(overrides: Answers = {}): Answers {
  const a: Answers = { stage: 'start', 'interview-date': '2026-12-02', 'recall-period': 'before-custody' };
  for (const s of [...TOP_SUBSTANCES.map((x) => x.key), 'tobacco']) for (const id of weekItemIds(s)) a[id] = 0;
  Object.assign(a, { 'opioids-week-1': 7, 'opioids-week-2': 7, 'opioids-week-3': 5, 'opioids-week-4': 4, 'opioids-amount': 0.5 });
  Object.assign(a, { 'crack-week-4': 2, 'crack-amount': 0.2 });
  Object.assign(a, { 'tobacco-week-1': 7, 'tobacco-week-2': 7, 'tobacco-week-3': 7, 'tobacco-week-4': 7, 'tobacco-amount': 15 });
  Object.assign(a, { 'injecting-days': 20, 'shared-needles': false, 'shared-equipment': true });
  Object.assign(a, { 'shoplifting-days': 6, 'drug-selling-days': 0, 'other-theft-days': 0, 'assault-violence': false });
  Object.assign(a, { 'psychological-health': 6, 'paid-work-days': 0, 'education-days': 0, 'housing-acute-problem': true, 'housing-eviction-risk': false });
  Object.assign(a, { 'physical-health': 9, 'quality-of-life': 5 });
  return { ...a, ...overrides };
}
