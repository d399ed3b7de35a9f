// COWS version 2: the same items, scores and bands as version 1; the opiate withdrawal flag now
// carries handling advice for partners (a high flag must: validate-template.ts authoring rules).
import type { Template } from '../template-schema';
import { cows } from './cows';

export const cowsV2: Template = {
  ...cows,
  version: 2,
  flags: cows.flags.map((f) => ({
    ...f,
    partnerAdvice: 'Opiate withdrawal: check on the person as directed; if they are vomiting repeatedly, collapse or cannot be roused, call an ambulance and the healthcare professional.',
  })),
};
