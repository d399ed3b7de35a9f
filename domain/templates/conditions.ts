// Whether a condition holds, over the answers that count: those given to enabled items and valid
// for their item. An unanswered, disabled or invalid answer makes every comparison false (as FHIR
// enableWhen does), so a wrong or stale answer never switches on a question, a flag or a code.
import { NOT_DISCLOSED, type AnswerValue } from './answers';
import type { Condition, ConditionGroup } from './template-schema';

/** Answers that count, by item id. Built by evaluate.ts in item order. */
export type EffectiveAnswers = ReadonlyMap<string, AnswerValue>;

function same(answer: AnswerValue, value: string | number | boolean): boolean {
  return Array.isArray(answer) ? typeof value === 'string' && answer.includes(value) : answer === value;
}

function compare(answer: AnswerValue, value: string | number): number | null {
  if (typeof answer === 'number' && typeof value === 'number') return answer - value;
  // ISO dates (yyyy-mm-dd) order correctly as text.
  if (typeof answer === 'string' && typeof value === 'string') return answer < value ? -1 : answer > value ? 1 : 0;
  return null;
}

export function conditionHolds(condition: Condition, answers: EffectiveAnswers): boolean {
  const answer = answers.get(condition.item);
  if (answer === undefined) return false;
  // "Not disclosed" was asked and answered, but says nothing either way: only `answered` holds.
  if (answer === NOT_DISCLOSED) return condition.op === 'answered';
  switch (condition.op) {
    case 'answered':
      return true;
    case 'equals':
      return same(answer, condition.value);
    case 'notEquals':
      return !same(answer, condition.value);
    case 'greaterThan': {
      const c = compare(answer, condition.value);
      return c !== null && c > 0;
    }
    case 'lessThan': {
      const c = compare(answer, condition.value);
      return c !== null && c < 0;
    }
  }
}

/** The conditions that hold; the group holds when all (or, for `any`, at least one) of them do. */
export function groupHolds(group: Pick<ConditionGroup, 'match' | 'conditions'>, answers: EffectiveAnswers): Condition[] | null {
  const held = group.conditions.filter((c) => conditionHolds(c, answers));
  const ok = group.match === 'all' ? held.length === group.conditions.length : held.length > 0;
  return ok ? held : null;
}
