// A complete, valid set of answers to any template, chosen by a seeded random source: each round
// answers what the evaluator says is missing and drops what no longer applies, until no issue is
// left. Tests use it so they keep working when a template gains items in a new version.
import type { AnswerValue, Answers } from '../../domain/templates/answers';
import { clearDisabledAnswers, evaluateResponse } from '../../domain/templates/evaluate';
import { BODY_MAP_REGIONS } from '../../domain/templates/body-map';
import { templateItems, type Item, type Template } from '../../domain/templates/template-schema';

/** Mulberry32: small, seeded, good enough to pick options. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function answerFor(item: Item, random: () => number, at: string): AnswerValue {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  switch (item.kind) {
    case 'choice':
    case 'scored':
      return pick(item.options).value;
    case 'multiChoice':
      return [pick(item.options).value];
    case 'yesNo':
      return random() < 0.5;
    case 'number': {
      const min = item.min ?? 0;
      const max = item.max ?? Math.max(min + 100, 100);
      const value = min + random() * (max - min);
      return item.integer === false ? Math.round(value * 10) / 10 : Math.round(value);
    }
    case 'text':
      return 'Seen and recorded';
    case 'date':
      return at.slice(0, 10);
    case 'dateTime':
      return at;
    case 'bodyMap':
      return [pick(BODY_MAP_REGIONS).value];
    case 'info':
      return null;
  }
}

/**
 * `fixed` answers are kept as given (null: left unanswered) and never chosen at random, so a test
 * can pin the answers its expected figures depend on; one that does not apply is dropped.
 */
export function completeAnswers(template: Template, seed: number, at = '2026-11-23T09:00:00.000Z', fixed: Answers = {}): Answers {
  const random = seededRandom(seed);
  const items = new Map(templateItems(template).map((i) => [i.id, i]));
  let answers: Answers = {};
  for (let round = 0; round < 50; round++) {
    answers = clearDisabledAnswers(template, { ...answers, ...fixed });
    const { issues } = evaluateResponse(template, answers);
    if (issues.length === 0) return answers;
    for (const issue of issues) {
      const item = items.get(issue.itemId);
      if (!item || item.id in fixed) continue;
      // Optional items are answered now and then, so conditions that hang on them are exercised too.
      answers = { ...answers, [item.id]: answerFor(item, random, at) };
    }
    for (const item of items.values()) {
      if (!item.required && item.kind !== 'info' && !(item.id in answers) && !(item.id in fixed) && random() < 0.3) answers = { ...answers, [item.id]: answerFor(item, random, at) };
    }
  }
  throw new Error(`could not complete ${template.id}: ${JSON.stringify(evaluateResponse(template, answers).issues.slice(0, 3))}`);
}
