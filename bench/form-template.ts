// A 60-item scored template for the form-save bench: six sections of ten scored items (0-3 each),
// one total with four bands, a flag on the top band. Shaped like a long clinical scale.
import type { Answers } from '../domain/templates/answers';
import type { Template } from '../domain/templates/template-schema';

const ITEMS = 60;
const options = [0, 1, 2, 3].map((score) => ({ value: String(score), label: `${score}: level ${score}`, score }));
const ids = Array.from({ length: ITEMS }, (_, i) => `item-${i + 1}`);

export const sixtyItemTemplate: Template = {
  id: 'bench-sixty-item-scale',
  version: 1,
  title: 'Bench: 60-item scored scale',
  use: { category: 'scale', siteTypes: ['custody', 'prison', 'community'] },
  sections: Array.from({ length: 6 }, (_, s) => ({
    id: `section-${s + 1}`,
    title: `Section ${s + 1}`,
    items: ids.slice(s * 10, s * 10 + 10).map((id) => ({ id, label: `Question ${id}`, kind: 'scored' as const, required: true, options })),
  })),
  scores: [
    {
      id: 'total',
      label: 'Total',
      items: ids,
      bands: [
        { min: 0, max: 44, label: 'Low', severity: 'low' },
        { min: 45, max: 89, label: 'Moderate', severity: 'moderate' },
        { min: 90, max: 134, label: 'High', severity: 'high' },
        { min: 135, max: 180, label: 'Very high', severity: 'severe' },
      ],
      max: 180,
    },
  ],
  flags: [{ id: 'very-high', code: 'BENCH_VERY_HIGH', label: 'Very high', reason: 'Total 135 or more', partnerAdvice: 'Bench flag: no action', when: { kind: 'scoreBand', score: 'total', bands: ['Very high'] } }],
  codes: [],
};

/** A complete set of answers, varied by `seed` so every save differs. */
export function sixtyItemAnswers(seed: number): Answers {
  return Object.fromEntries(ids.map((id, i) => [id, String((seed + i * 7) % 4)]));
}
