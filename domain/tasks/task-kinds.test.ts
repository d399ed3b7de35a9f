import { describe, expect, it } from 'vitest';
import { closingOutcome, creatableKinds, outcomeLabel, SMS_REVIEW_KIND, taskKind, taskKinds } from './task-kinds';
import { byUrgency, taskUrgency } from './task-urgency';

describe('task kinds', () => {
  it('every kind has at least one outcome, unique values, and a label for each required note', () => {
    for (const k of taskKinds) {
      expect(k.outcomes.length, k.kind).toBeGreaterThan(0);
      expect(new Set(k.outcomes.map((o) => o.value)).size, k.kind).toBe(k.outcomes.length);
      for (const o of k.outcomes) {
        expect(o.note.label.length).toBeGreaterThan(0);
        if (o.followUp) expect(taskKind(o.followUp.kind).kind).toBe(o.followUp.kind);
        if (o.rebook) expect(taskKinds.some((x) => x.kind === o.rebook!.kind)).toBe(true);
      }
    }
  });

  it('letters, results, appointments and recalls are made by hand; reviews only by the pathway', () => {
    expect(creatableKinds.map((k) => k.kind).sort()).toEqual(['external-appointment', 'hospital-letter', 'recall', 'test-result']);
    expect(taskKind(SMS_REVIEW_KIND).closedBy).toBe('review');
    expect(closingOutcome(SMS_REVIEW_KIND, 'review-completed')).toBeNull();
  });

  it('closing a letter needs one of its outcomes, with what the letter said', () => {
    expect(closingOutcome('hospital-letter', 'done')).toBeNull();
    expect(closingOutcome('hospital-letter', 'received')).toMatchObject({ status: 'done', note: { required: true } });
    expect(closingOutcome('hospital-letter', 'not-expected')?.status).toBe('cancelled');
  });

  it('a missed appointment creates its follow-up; a rebooked one needs a new date', () => {
    expect(closingOutcome('external-appointment', 'missed')?.followUp).toMatchObject({ kind: 'missed-appointment', dueInDays: 1 });
    expect(closingOutcome('external-appointment', 'rebooked')?.rebook).toEqual({ kind: 'external-appointment' });
    expect(closingOutcome('missed-appointment', 'rebooked')?.rebook).toEqual({ kind: 'external-appointment' });
  });

  it('kinds made by forms keep the done-or-cancelled outcomes', () => {
    expect(taskKind('second-stage-assessment').outcomes.map((o) => o.value)).toEqual(['done', 'cancelled']);
    expect(closingOutcome('second-stage-assessment', 'cancelled')?.note.required).toBe(true);
    expect(outcomeLabel('sms-review', 'handed-over')).toBe('Handed over on transfer');
    expect(outcomeLabel('anything', 'made-up')).toBe('made-up');
  });
});

describe('task urgency and escalation', () => {
  const now = new Date('2026-12-10T12:00:00Z');
  it('is not due before its time, overdue after it, escalated once late for longer than its kind allows', () => {
    expect(taskUrgency({ kind: 'hospital-letter', dueAt: '2026-12-10T12:00:01Z' }, now)).toEqual({ urgency: 'not_due', overdueDays: 0 });
    expect(taskUrgency({ kind: 'hospital-letter', dueAt: '2026-12-10T12:00:00Z' }, now)).toEqual({ urgency: 'overdue', overdueDays: 0 });
    expect(taskUrgency({ kind: 'hospital-letter', dueAt: '2026-12-04T00:00:00Z' }, now)).toEqual({ urgency: 'overdue', overdueDays: 6 });
    expect(taskUrgency({ kind: 'hospital-letter', dueAt: '2026-12-03T12:00:00Z' }, now)).toEqual({ urgency: 'escalated', overdueDays: 7 });
    expect(taskUrgency({ kind: 'sms-review', dueAt: '2026-12-08T12:00:00Z' }, now).urgency).toBe('escalated');
    expect(taskUrgency({ kind: 'sms-review', dueAt: '2026-12-08T12:00:01Z' }, now).urgency).toBe('overdue');
    expect(taskUrgency({ kind: 'anything', dueAt: 'not a date' }, now).urgency).toBe('not_due');
  });

  it('orders escalated, then overdue, then soonest due', () => {
    const tasks = [
      { id: 'a', kind: 'recall', dueAt: '2026-12-20T00:00:00Z' },
      { id: 'b', kind: 'recall', dueAt: '2026-12-09T00:00:00Z' },
      { id: 'c', kind: 'hospital-letter', dueAt: '2026-11-01T00:00:00Z' },
      { id: 'd', kind: 'recall', dueAt: '2026-12-15T00:00:00Z' },
    ];
    expect(byUrgency(tasks, now).map((t) => t.id)).toEqual(['c', 'b', 'd', 'a']);
  });
});
