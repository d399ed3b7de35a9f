import { z } from 'zod';

/** Free text from a person: trimmed, bounded, no control characters. */
export function text(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer` })
    // Control characters have no place in a name or a note, and break printed copies.
    // eslint-disable-next-line no-control-regex
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: `${label} contains characters that are not allowed` });
}

export function requiredText(label: string, max: number) {
  return text(label, max).refine((v) => v.length > 0, { error: `Enter ${label.toLowerCase()}` });
}

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date must be in the form yyyy-mm-dd' });

export const uuidSchema = z.uuid({ error: 'Must be a record id' });

export const emptyInput = z.object({}).strict();
