// The one result shape every channel returns, over IPC and over the browser host alike.
import { z } from 'zod';

export const errorCodeSchema = z.enum([
  'invalid_input',
  'unknown_channel',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'throttled',
  'locked',
  'password_change_required',
  'break_glass_required',
  /** Too many calls without a session, or too many refused calls from one session: wait a moment. */
  'rate_limited',
  /** SONAR cannot serve this now (its database was found damaged, or it cannot record the attempt). */
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const rpcErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** The input field at fault, as a dotted path ("nhsNumber", "name.family"). */
  path: z.string().optional(),
  /** Every problem found in the input, so a form can mark all its fields at once. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type RpcError = z.infer<typeof rpcErrorSchema>;

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export function rpcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: rpcErrorSchema }),
  ]);
}
