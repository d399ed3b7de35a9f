// Answers of realistic size and shape for a template's items (every item answered with one of its
// options, a number in range, a short text), varied by a seeded source. Not checked against the
// template's conditions: the report bench needs bodies like real ones, not valid clinical entries.
import { templateItems } from '../domain/templates/template-schema';
import { templateRegistry } from '../domain/templates/library';
import { Prng } from './prng';

export function answerVariants(templateId: string, n: number, seed: number): string[] {
  const template = templateRegistry.latest(templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  const rng = new Prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng.next() * list.length)]!;
  return Array.from({ length: n }, () => {
    const answers: Record<string, unknown> = {};
    for (const item of templateItems(template)) {
      if (item.kind === 'info') continue;
      if ('options' in item) answers[item.id] = item.kind === 'multiChoice' ? [pick(item.options).value] : pick(item.options).value;
      else if (item.kind === 'yesNo') answers[item.id] = rng.next() < 0.3;
      else if (item.kind === 'number') answers[item.id] = Math.round((item.min ?? 0) + rng.next() * ((item.max ?? 100) - (item.min ?? 0)));
      else if (item.kind === 'bodyMap') answers[item.id] = ['head-front'];
      else if (item.kind === 'date') answers[item.id] = '2026-01-01';
      else if (item.kind === 'dateTime') answers[item.id] = '2026-01-01T09:00:00.000Z';
      else answers[item.id] = 'Seen and recorded at reception; no concerns raised by the detainee.';
    }
    return JSON.stringify(answers);
  });
}
