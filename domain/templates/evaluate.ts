// Evaluates answers against a template: which items are enabled, every problem at once (each at
// its item), live scores with bands, and the flags and codes the data justifies. The renderer calls
// this on every keystroke and the server calls it again before saving, so both see the same result.
//
// Decisions (clinical safety):
// - An answer to a disabled item is ignored for scores, flags, codes and other conditions, AND is
//   reported as a `notApplicable` issue, so a response cannot be finalised with it. Silently
//   dropping it could lose something the clinician meant (an answer that contradicts an earlier
//   one, e.g. AUDIT Q1 "Never" with Q4 "Weekly"); keeping it would store an answer to a question
//   that did not apply. The clinician resolves it; `clearDisabledAnswers` does so on request.
// - An incomplete score has a value (points so far, a lower bound since points are never negative)
//   and a provisional band for the live display, but never raises a flag or a code.
// - A condition on an unanswered, invalid or disabled item is false.
// The template is assumed valid (validateTemplate); the evaluator never throws on bad answers.
import { answerProblem, formatAnswer, isAnswered, requiredMessage, type AnswerValue, type Answers, type ItemIssue } from './answers';
import { groupHolds, type EffectiveAnswers } from './conditions';
import { crossCheckIssues } from './cross-checks';
import type { DerivedAdvice, DerivedCode, DerivedEffect, DerivedFlag, ScoreResult } from './result-schema';
import { bandFor, itemPoints, scoreRange } from './scoring';
import { templateItems, type Item, type ScoreRule, type SimpleTrigger, type Template, type Trigger } from './template-schema';

/** A live score: the saved shape plus the enabled items still unanswered (or invalid). */
export type LiveScore = ScoreResult & { missing: string[] };

export type Evaluation = {
  issues: ItemIssue[];
  /** Ids of the items to show, in order (information items included). */
  enabledItems: string[];
  scores: LiveScore[];
  flags: DerivedFlag[];
  codes: DerivedCode[];
  /** Tasks and referrals saving would create (the server acts on them; the form can preview them). */
  effects: DerivedEffect[];
  /** What the answers call for, emergencies first (then in the template's order). */
  advice: DerivedAdvice[];
};

type TemplateIndex = { items: Item[]; byId: Map<string, Item> };

// Templates are immutable data, so the flattened item list is worked out once per template object.
const indexes = new WeakMap<Template, TemplateIndex>();

function indexOf(template: Template): TemplateIndex {
  let index = indexes.get(template);
  if (!index) {
    const items = templateItems(template);
    index = { items, byId: new Map(items.map((i) => [i.id, i])) };
    indexes.set(template, index);
  }
  return index;
}

/** The answer held for an item; an own property only, so an id such as "constructor" is safe. */
function answerFor(answers: Answers, id: string): AnswerValue | undefined {
  return Object.hasOwn(answers, id) ? answers[id] : undefined;
}

const NOT_APPLICABLE = 'This question does not apply because of earlier answers: clear this answer or change the earlier answer';

function score(rule: ScoreRule, index: TemplateIndex, enabled: ReadonlySet<string>, effective: EffectiveAnswers): LiveScore {
  let value = 0;
  let answered = 0;
  const missing: string[] = [];
  for (const id of rule.items) {
    const item = index.byId.get(id);
    // A disabled item was skipped by the form's own logic: it adds nothing and is not awaited.
    if (!item || !enabled.has(id)) continue;
    const answer = effective.get(id);
    if (answer === undefined) {
      missing.push(id);
      continue;
    }
    answered += 1;
    value += itemPoints(item, answer, rule.numberBands?.[id]);
  }
  const complete = missing.length === 0;
  const band = answered > 0 || complete ? bandFor(rule.bands, value) : undefined;
  return {
    id: rule.id,
    label: rule.label,
    value,
    max: rule.max ?? scoreRange(rule, index.byId)?.max ?? value,
    complete,
    band: band ? { label: band.label, severity: band.severity, min: band.min, max: band.max } : null,
    missing,
  };
}

function describeAnswers(ids: readonly string[], index: TemplateIndex, effective: EffectiveAnswers): string {
  return ids
    .map((id) => {
      const item = index.byId.get(id);
      return item ? `${item.label}: ${formatAnswer(item, effective.get(id))}` : id;
    })
    .join('; ');
}

function simpleHolds(trigger: SimpleTrigger, index: TemplateIndex, effective: EffectiveAnswers, scores: readonly LiveScore[]): string | null {
  if (trigger.kind === 'scoreBand') {
    const s = scores.find((x) => x.id === trigger.score);
    if (!s || !s.complete || !s.band || !trigger.bands.includes(s.band.label)) return null;
    return `${s.label} ${s.value}: ${s.band.label}`;
  }
  const held = groupHolds(trigger, effective);
  if (!held) return null;
  return describeAnswers([...new Set(held.map((c) => c.item))], index, effective);
}

/**
 * Why a trigger holds ("COWS total 14: Moderate withdrawal"), or null when it does not. For anyOf,
 * every situation that holds is named, so the reason is complete.
 */
function triggerHolds(trigger: Trigger, index: TemplateIndex, effective: EffectiveAnswers, scores: readonly LiveScore[]): string | null {
  if (trigger.kind !== 'anyOf') return simpleHolds(trigger, index, effective, scores);
  const reasons = trigger.triggers.map((t) => simpleHolds(t, index, effective, scores)).filter((r): r is string => r !== null);
  return reasons.length > 0 ? [...new Set(reasons)].join('; or ') : null;
}

/** The reason, with the answers the rule carries (only those given), e.g. the HCP's rationale. */
function withCarried(because: string, carried: readonly string[] | undefined, index: TemplateIndex, effective: EffectiveAnswers): string {
  const given = (carried ?? []).filter((id) => effective.has(id));
  return given.length > 0 ? `${because}. ${describeAnswers(given, index, effective)}` : because;
}

export function evaluateResponse(template: Template, answers: Answers): Evaluation {
  const index = indexOf(template);
  const issues: ItemIssue[] = [];
  const enabledItems: string[] = [];
  const enabled = new Set<string>();
  const effective = new Map<string, AnswerValue>();

  // In item order: enableWhen refers to earlier items only, so each item's state is settled
  // before any later item looks at it.
  for (const item of index.items) {
    const value = answerFor(answers, item.id);
    const given = isAnswered(value);
    if (item.enableWhen && !groupHolds(item.enableWhen, effective)) {
      if (given) issues.push({ itemId: item.id, kind: 'notApplicable', message: NOT_APPLICABLE });
      continue;
    }
    enabled.add(item.id);
    enabledItems.push(item.id);
    if (!given || value === undefined) {
      if (item.required && item.kind !== 'info') issues.push({ itemId: item.id, kind: 'required', message: requiredMessage(item) });
      continue;
    }
    const problem = answerProblem(item, value);
    if (problem) {
      issues.push({ itemId: item.id, ...problem });
      continue;
    }
    effective.set(item.id, value);
  }

  for (const key of Object.keys(answers)) {
    if (!index.byId.has(key) && isAnswered(answers[key])) {
      issues.push({ itemId: key, kind: 'unknownItem', message: `There is no question "${key}" in ${template.title} (version ${template.version})` });
    }
  }

  issues.push(...crossCheckIssues(template.checks ?? [], effective, enabled));

  const scores = template.scores.map((rule) => score(rule, index, enabled, effective));
  const flags: DerivedFlag[] = [];
  for (const rule of template.flags) {
    const held = triggerHolds(rule.when, index, effective, scores);
    if (held === null) continue;
    const because = withCarried(held, rule.withAnswers, index, effective);
    flags.push({ ruleId: rule.id, code: rule.code, label: rule.label, reason: rule.reason, severity: rule.severity ?? 'high', ...(rule.partnerAdvice ? { partnerAdvice: rule.partnerAdvice } : {}), because });
  }
  const codes: DerivedCode[] = [];
  for (const rule of template.codes) {
    if (triggerHolds(rule.when, index, effective, scores) !== null) {
      codes.push({ ruleId: rule.id, system: rule.system, code: rule.code, display: rule.display });
    }
  }
  const effects: DerivedEffect[] = [];
  for (const rule of template.effects ?? []) {
    const held = rule.when ? triggerHolds(rule.when, index, effective, scores) : 'always on completion';
    if (held === null) continue;
    effects.push(
      rule.kind === 'task'
        ? {
            kind: 'task',
            ruleId: rule.id,
            taskKind: rule.taskKind,
            title: rule.title,
            dueInDays: rule.dueInDays,
            ...(rule.forRole ? { forRole: rule.forRole } : {}),
            because: withCarried(held, rule.withAnswers, index, effective),
          }
        : { kind: 'referral', ruleId: rule.id, toService: rule.toService, reason: rule.reason, because: held },
    );
  }
  const advice: DerivedAdvice[] = [];
  for (const rule of template.advice ?? []) {
    const held = triggerHolds(rule.when, index, effective, scores);
    if (held !== null) advice.push({ ruleId: rule.id, urgency: rule.urgency, text: rule.text, because: withCarried(held, rule.withAnswers, index, effective) });
  }
  advice.sort((a, b) => (a.urgency === b.urgency ? 0 : a.urgency === 'emergency' ? -1 : 1));
  return { issues, enabledItems, scores, flags, codes, effects, advice };
}

/** The answers without those to disabled items: what the clinician asks for after being told they no longer apply. */
export function clearDisabledAnswers(template: Template, answers: Answers): Answers {
  const enabled = new Set(evaluateResponse(template, answers).enabledItems);
  const byId = indexOf(template).byId;
  return Object.fromEntries(Object.entries(answers).filter(([id]) => enabled.has(id) || !byId.has(id)));
}
