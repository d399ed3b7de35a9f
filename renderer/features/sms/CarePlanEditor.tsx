// Goals, each with its actions and who does them, and the plan's review date: the care plan as
// edited on the care plan screen and at a review. Empty rows are dropped; a goal needs an action.
import { DateTimeField } from '../../components/DateTimeField';
import { TextField } from '../../components/TextField';
import type { DateTimeDraft } from '../../format/date-time-input';
import { checkDate } from '../consent/date-only';

export interface GoalDraft {
  goal: string;
  actions: { action: string; owner: string }[];
}

export interface CarePlanDraft {
  goals: GoalDraft[];
  reviewOn: DateTimeDraft;
}

export const emptyGoal = (): GoalDraft => ({ goal: '', actions: [{ action: '', owner: '' }] });

export type CarePlanCheck =
  | { ok: true; goals: { goal: string; actions: { action: string; owner: string; by: null }[] }[]; reviewOn: string }
  | { ok: false; field: 'goals' | 'reviewOn'; message: string; target: string };

/** The plan to send, or the first problem with it (pure, so it is tested on its own). */
export function checkCarePlan(draft: CarePlanDraft, idPrefix: string): CarePlanCheck {
  const goals = draft.goals
    .map((g) => ({ goal: g.goal.trim(), actions: g.actions.map((a) => ({ action: a.action.trim(), owner: a.owner.trim(), by: null })).filter((a) => a.action || a.owner) }))
    .filter((g) => g.goal || g.actions.length > 0);
  if (goals.length === 0) return { ok: false, field: 'goals', message: 'Enter at least one goal', target: `${idPrefix}-goal-0` };
  for (const [i, g] of goals.entries()) {
    if (!g.goal) return { ok: false, field: 'goals', message: `Enter goal ${i + 1}`, target: `${idPrefix}-goal-${i}` };
    if (g.actions.length === 0) return { ok: false, field: 'goals', message: `Enter an action for goal ${i + 1}`, target: `${idPrefix}-goal-${i}-action-0` };
    const missing = g.actions.findIndex((a) => !a.action || !a.owner);
    if (missing >= 0) return { ok: false, field: 'goals', message: `Enter the action and who does it for goal ${i + 1}`, target: `${idPrefix}-goal-${i}-action-${missing}` };
  }
  const day = checkDate(draft.reviewOn, 'Care plan review date');
  if (!day.ok) return { ok: false, field: 'reviewOn', message: day.message, target: `${idPrefix}-review-${day.parts[0] ?? 'day'}` };
  return { ok: true, goals, reviewOn: day.iso };
}

export function CarePlanEditor({ draft, onChange, idPrefix, error }: { draft: CarePlanDraft; onChange(d: CarePlanDraft): void; idPrefix: string; error?: { field: string; message: string } | null }) {
  const setGoal = (i: number, g: GoalDraft) => onChange({ ...draft, goals: draft.goals.map((x, j) => (j === i ? g : x)) });
  return (
    <div data-testid="care-plan-editor">
      {error?.field === 'goals' ? <p className="nhsuk-error-message">{error.message}</p> : null}
      {draft.goals.map((g, i) => (
        <fieldset className="nhsuk-fieldset sonar-panel" key={i}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Goal {i + 1}</legend>
          <TextField id={`${idPrefix}-goal-${i}`} label={`Goal ${i + 1}`} value={g.goal} onValueChange={(v) => setGoal(i, { ...g, goal: v })} autoComplete="off" />
          {g.actions.map((a, k) => (
            <div className="sonar-action-row" key={k}>
              <TextField
                id={`${idPrefix}-goal-${i}-action-${k}`}
                label={`Action ${k + 1}`}
                value={a.action}
                onValueChange={(v) => setGoal(i, { ...g, actions: g.actions.map((x, m) => (m === k ? { ...x, action: v } : x)) })}
                autoComplete="off"
              />
              <TextField
                id={`${idPrefix}-goal-${i}-owner-${k}`}
                label={`Who does action ${k + 1}`}
                value={a.owner}
                onValueChange={(v) => setGoal(i, { ...g, actions: g.actions.map((x, m) => (m === k ? { ...x, owner: v } : x)) })}
                width="20"
                autoComplete="off"
              />
            </div>
          ))}
          <button type="button" className="sonar-link-button" onClick={() => setGoal(i, { ...g, actions: [...g.actions, { action: '', owner: '' }] })}>
            Add an action to goal {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => onChange({ ...draft, goals: [...draft.goals, emptyGoal()] })}>
        Add a goal
      </button>
      <DateTimeField
        id={`${idPrefix}-review`}
        legend="Review the care plan by"
        value={draft.reviewOn}
        onChange={(v) => onChange({ ...draft, reviewOn: v })}
        error={error?.field === 'reviewOn' ? { message: error.message } : undefined}
        dateOnly
      />
    </div>
  );
}
