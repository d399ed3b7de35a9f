// Shorthand for the published answer lists of scored scales: the stored value is the points as
// text ("0".."7"), so an answer reads the same in the record, the wire and the paper form.
import type { ChoiceOption } from '../template-schema';

export type ScoredOption = ChoiceOption & { score: number };

export function pts(score: number, label: string): ScoredOption {
  return { value: String(score), label, score };
}
