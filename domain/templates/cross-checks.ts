// Checks that need several answers at once (template `checks`): the days used in each of four
// weeks must add up to 0-28; the days injected cannot be more than the days any drug was used.
// Each problem is reported at the item the clinician should look at, with the numbers in words.
import type { ItemIssue } from './answers';
import type { EffectiveAnswers } from './conditions';
import type { CheckRule } from './template-schema';

/** The numbers given for `ids`; null when any enabled one is not a number (unanswered, invalid or "Not disclosed"). Disabled items count 0. */
function numbers(ids: readonly string[], effective: EffectiveAnswers, enabled: ReadonlySet<string>): number[] | null {
  const values: number[] = [];
  for (const id of ids) {
    if (!enabled.has(id)) {
      values.push(0);
      continue;
    }
    const v = effective.get(id);
    if (typeof v !== 'number') return null;
    values.push(v);
  }
  return values;
}

const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function crossCheckIssues(checks: readonly CheckRule[], effective: EffectiveAnswers, enabled: ReadonlySet<string>): ItemIssue[] {
  const issues: ItemIssue[] = [];
  for (const check of checks) {
    if (check.kind === 'sumBetween') {
      // Only when every item was asked: a check over questions that were skipped does not apply.
      if (!check.items.every((id) => enabled.has(id))) continue;
      const values = numbers(check.items, effective, enabled);
      if (!values) continue;
      const sum = total(values);
      if (sum < check.min || sum > check.max) {
        issues.push({ itemId: check.items[check.items.length - 1]!, kind: 'inconsistent', message: `${check.message} (they add up to ${sum}; allowed ${check.min} to ${check.max})` });
      }
    } else {
      if (!enabled.has(check.item)) continue;
      const value = effective.get(check.item);
      const of = numbers(check.of, effective, enabled);
      if (typeof value !== 'number' || !of) continue;
      const limit = total(of);
      if (value > limit) issues.push({ itemId: check.item, kind: 'inconsistent', message: `${check.message} (${value} is more than ${limit})` });
    }
  }
  return issues;
}
