import { describe, expect, it } from 'vitest';
import { NOT_DISCLOSED, formatAnswer, type Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { finaliseResponse } from '../response';
import { templateItems } from '../template-schema';
import { validateTemplate } from '../validate-template';
import { summariseTop } from '../../sms/top-summary';
import { templateRegistry } from './index';
import { topCommunity, topSecure } from './top';
import { TOP_SUBSTANCES, weekItemIds } from './top-items';

/** A complete secure-setting TOP: heroin 7, 7, 5, 4 days; crack 2 days in week 4; nothing else. */
function worked(overrides: Answers = {}): Answers {
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

const issues = (a: Answers) => evaluateResponse(topSecure, a).issues.map((i) => `${i.itemId} ${i.kind}`);

describe('TOP (secure setting and community)', () => {
  it('both versions are valid, registered, offered where they belong, and record no code', () => {
    expect(validateTemplate(topSecure)).toEqual({ ok: true, template: topSecure });
    expect(validateTemplate(topCommunity)).toEqual({ ok: true, template: topCommunity });
    expect(templateRegistry.latest('top-secure')).toEqual(topSecure);
    expect(topSecure.use?.siteTypes).toEqual(['prison']);
    expect(topCommunity.use?.siteTypes).toEqual(['community']);
    expect(topSecure.codes).toEqual([]);
    // Tobacco is asked in the secure-setting version only.
    expect(templateItems(topSecure).some((i) => i.id === 'tobacco-week-1')).toBe(true);
    expect(templateItems(topCommunity).some((i) => i.id.startsWith('tobacco'))).toBe(false);
  });

  it('worked example: a complete start TOP saves with no problems', () => {
    expect(issues(worked())).toEqual([]);
    const saved = finaliseResponse(topSecure, worked(), { id: 'r1', at: '2026-12-02T10:00:00Z', by: 'u1' });
    expect(saved.ok).toBe(true);
  });

  it('offers the four stages and requires one', () => {
    const stage = templateItems(topSecure).find((i) => i.id === 'stage');
    expect(stage && 'options' in stage ? stage.options.map((o) => o.value) : []).toEqual(['start', 'review', 'exit', 'post-treatment-exit']);
    const { stage: _s, ...rest } = worked();
    expect(issues(rest)).toEqual(['stage required']);
  });

  it('days in a week are 0 to 7; the four weeks of a substance add up to 0-28', () => {
    expect(issues(worked({ 'alcohol-week-2': 8 }))).toEqual(['alcohol-week-2 outOfRange']);
    expect(issues(worked({ 'alcohol-week-2': -1 }))).toEqual(['alcohol-week-2 outOfRange']);
    expect(issues(worked({ 'alcohol-week-2': 2.5 }))).toEqual(['alcohol-week-2 invalid']);
    // Seven a week, every week: 28, the most there can be.
    expect(issues(worked({ 'alcohol-week-1': 7, 'alcohol-week-2': 7, 'alcohol-week-3': 7, 'alcohol-week-4': 7, 'alcohol-amount': 20 }))).toEqual([]);
    expect(summariseTop(worked({ 'alcohol-week-1': 7, 'alcohol-week-2': 7, 'alcohol-week-3': 7, 'alcohol-week-4': 7, 'alcohol-amount': 20 })).days[0]).toEqual({
      key: 'alcohol',
      label: 'Alcohol',
      days: { value: 28, notDisclosed: false },
    });
  });

  it('asks for the typical amount only where a substance was used, and then requires it', () => {
    const e = evaluateResponse(topSecure, worked());
    expect(e.enabledItems).toContain('opioids-amount');
    expect(e.enabledItems).not.toContain('alcohol-amount');
    expect(issues(worked({ 'alcohol-week-3': 1 }))).toEqual(['alcohol-amount required']);
    expect(issues(worked({ 'other-week-1': 2 }))).toEqual(['other-name required', 'other-amount required']);
  });

  it('days injected cannot be more than the days an injectable drug was used (cross-item check)', () => {
    // Opiates 23 days + crack 2 days = 25 possible injecting days.
    expect(issues(worked({ 'injecting-days': 25 }))).toEqual([]);
    const e = evaluateResponse(topSecure, worked({ 'injecting-days': 26 }));
    expect(e.issues).toEqual([
      {
        itemId: 'injecting-days',
        kind: 'inconsistent',
        message: 'Days injected cannot be more than the days opiates, crack, cocaine, amphetamines or another substance were used (26 is more than 25)',
      },
    ]);
    // Alcohol and cannabis days do not count towards injecting.
    expect(issues(worked({ 'injecting-days': 26, 'alcohol-week-1': 3, 'alcohol-amount': 4 }))).toEqual(['injecting-days inconsistent']);
    // Sharing is asked only of someone who injected.
    expect(evaluateResponse(topSecure, worked({ 'injecting-days': 0, 'shared-needles': undefined as never, 'shared-equipment': undefined as never })).issues).toEqual([]);
    expect(issues(worked({ 'injecting-days': 0 }))).toEqual(['shared-needles notApplicable', 'shared-equipment notApplicable']);
  });

  it('"Not disclosed" is a valid answer, shown in words, and a check it touches is not applied', () => {
    const a = worked({ 'opioids-week-2': NOT_DISCLOSED, 'injecting-days': 28, 'psychological-health': NOT_DISCLOSED, 'shoplifting-days': NOT_DISCLOSED });
    expect(issues(a)).toEqual([]);
    const item = templateItems(topSecure).find((i) => i.id === 'psychological-health')!;
    expect(formatAnswer(item, NOT_DISCLOSED)).toBe('Not disclosed');
    const summary = summariseTop(a);
    expect(summary.days.find((d) => d.key === 'opioids')?.days).toEqual({ value: null, notDisclosed: true });
    expect(summary.ratings[0]).toEqual({ id: 'psychological-health', label: 'Psychological health', rating: { value: null, notDisclosed: true } });
    // The stage and the interview date may not be declined.
    expect(issues(worked({ stage: NOT_DISCLOSED }))).toEqual(['stage unknownOption']);
    expect(issues(worked({ 'interview-date': NOT_DISCLOSED }))).toEqual(['interview-date invalid']);
  });

  it('the 0-20 ratings refuse 21; a not-disclosed week does not enable the amount', () => {
    expect(issues(worked({ 'quality-of-life': 21 }))).toEqual(['quality-of-life outOfRange']);
    expect(evaluateResponse(topSecure, worked({ 'cannabis-week-1': NOT_DISCLOSED })).enabledItems).not.toContain('cannabis-amount');
  });

  it('summarises the worked example for the chart', () => {
    const s = summariseTop(worked());
    expect(s.stageLabel).toBe('Start of treatment');
    expect(s.interviewDate).toBe('2026-12-02');
    expect(s.days.map((d) => `${d.key}:${d.days.value}`)).toEqual(['alcohol:0', 'opioids:23', 'crack:2', 'cocaine:0', 'amphetamines:0', 'cannabis:0', 'other:0', 'tobacco:28']);
    expect(s.ratings.map((r) => r.rating.value)).toEqual([6, 9, 5]);
    expect(s.injectingDays).toEqual({ value: 20, notDisclosed: false });
  });
});
