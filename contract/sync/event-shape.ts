// One event type as a zod object: the envelope (envelope.ts), its `type`, the literal kind of record
// it changes, and its typed payload. Shared by every file of the event catalogue.
import { z } from 'zod';
import { envelopeShape } from './envelope';

export function event<T extends string, R extends string, P extends z.ZodType>(type: T, recordType: R, payload: P) {
  return z.object({ ...envelopeShape, type: z.literal(type), recordType: z.literal(recordType), payload }).strict();
}
