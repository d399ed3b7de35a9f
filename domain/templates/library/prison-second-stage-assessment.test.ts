// Issue 14 item 3 and issue 8 item 7: the second-stage health assessment exists, and saving it
// completes the 7-day task that the reception screen set.
import { describe, expect, it } from 'vitest';
import type { Answers } from '../answers';
import { evaluateResponse } from '../evaluate';
import { completionNote, responseCompleting, taskCompletedBy, type OpenTask } from '../tasks';
import { validateTemplate } from '../validate-template';
import { templateRegistry } from './index';
import { prisonReceptionScreenV2 } from './prison-reception-screen-v2';
import { prisonSecondStageAssessment as t } from './prison-second-stage-assessment';

const routine: Answers = {
  'first-stage-reviewed': true,
  'gp-record': 'obtained',
  'long-term-conditions': ['none'],
  height: 178,
  weight: 80.5,
  'bp-systolic': 128,
  'bp-diastolic': 80,
  pulse: 70,
  'medicines-reconciled': 'no-medicines',
  'bbv-testing': 'accepted',
  'hepatitis-b-vaccination': 'started',
  'tb-symptoms': false,
  'substance-treatment-need': false,
  'mental-health-need': false,
  'neuro-needs': ['none'],
  'social-care-need': false,
  smoking: 'never',
  'care-plan': 'No needs found beyond BBV testing and hepatitis B vaccination, both under way.',
};

function evaluate(a: Answers) {
  const e = evaluateResponse(t, { ...routine, ...a });
  expect(e.issues).toEqual([]);
  return e;
}

const task = (over: Partial<OpenTask>): OpenTask => ({ id: 't1', kind: 'second-stage-assessment', status: 'open', dueAt: '2026-12-08T10:00:00Z', stayId: 's1', ...over });

describe('prison second-stage health assessment', () => {
  it('is registered for prisons and declares that it completes the task the reception screen sets', () => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
    expect(templateRegistry.latest('prison-second-stage-assessment')).toEqual(t);
    expect(t.use).toMatchObject({ siteTypes: ['prison'], completesTask: 'second-stage-assessment' });
    expect(prisonReceptionScreenV2.effects!.find((e) => e.id === 'second-stage-assessment')).toMatchObject({ taskKind: t.use!.completesTask, dueInDays: 7 });
  });

  it('completes the open second-stage task of the current stay, earliest due first; nothing when none is open', () => {
    const open = [
      task({ id: 'other-kind', kind: 'ost-continuity', dueAt: '2026-12-01T10:00:00Z' }),
      task({ id: 'old-stay', stayId: 's0', dueAt: '2026-01-08T10:00:00Z' }),
      task({ id: 'later', dueAt: '2026-12-09T10:00:00Z' }),
      task({ id: 'due-first', dueAt: '2026-12-08T10:00:00Z' }),
      task({ id: 'done', status: 'done', dueAt: '2026-12-02T10:00:00Z' }),
    ];
    expect(taskCompletedBy(t, open, 's1')?.id).toBe('due-first');
    // No task for this stay: the oldest open one (an obligation left from before).
    expect(taskCompletedBy(t, open, 's9')?.id).toBe('old-stay');
    expect(taskCompletedBy(t, [task({ status: 'done' })], 's1')).toBeNull();
    // A template that completes no task never closes one.
    expect(taskCompletedBy(prisonReceptionScreenV2, open, 's1')).toBeNull();
    expect(completionNote(t, 'resp-9')).toBe('Completed by Second-stage health assessment (NICE NG57) (version 1), response resp-9');
    // The note names the response, so an entry later entered in error finds the task it met.
    expect(responseCompleting(completionNote(t, '0195f3c2-7d1e-7abc-8def-0123456789ab'))).toBe('0195f3c2-7d1e-7abc-8def-0123456789ab');
    expect(responseCompleting('Seen at the clinic')).toBeNull();
    expect(responseCompleting(null)).toBeNull();
  });

  it('a routine assessment saves with no referral or task; needs found refer on and set tasks', () => {
    expect(evaluate({}).effects).toEqual([]);
    const e = evaluate({ 'tb-symptoms': true, 'medicines-reconciled': 'not-yet', 'substance-treatment-need': true, 'mental-health-need': true, 'social-care-need': true, 'social-care-details': 'Uses a walking frame' });
    expect(e.effects.map((x) => (x.kind === 'task' ? `task ${x.taskKind}` : `referral ${x.toService}`))).toEqual([
      'task medicines-reconciliation',
      'task tb-review',
      'referral substance_misuse',
      'referral mental_health_inreach',
    ]);
    expect(e.advice.map((a) => a.ruleId)).toEqual(['tb', 'reconcile', 'social-care']);
  });

  it('asks for adjustments when a learning disability, neurodevelopmental condition or brain injury is found', () => {
    expect(evaluateResponse(t, { ...routine, 'neuro-needs': ['brain-injury'] }).issues.map((i) => i.itemId)).toEqual(['reasonable-adjustments']);
  });
});
