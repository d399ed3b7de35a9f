// The pull cursor a site stores with each page it applies. Opaque to the site; inside: `s`, the
// global log position of the live stream; `r`, the last removal instruction delivered; `b`, how far
// each in-progress snapshot has got (subscription id and generation -> seq). A site that applies a
// page and its cursor in one transaction proves, by sending the cursor back, that it holds all of it.
import { z } from 'zod';

const seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const tokenSchema = z
  .object({
    v: z.literal(1),
    s: seq,
    r: seq,
    b: z.record(z.string().regex(/^[0-9a-f-]{36}\.[0-9]{1,9}$/), seq),
  })
  .strict();
export type CursorToken = z.infer<typeof tokenSchema>;

export const START: CursorToken = { v: 1, s: 0, r: 0, b: {} };

export function encodeCursor(token: CursorToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

export class CursorError extends Error {}

export function decodeCursor(cursor: string | null): CursorToken {
  if (cursor === null) return START;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('the cursor is not one this central issued');
  }
  const parsed = tokenSchema.safeParse(json);
  if (!parsed.success) throw new CursorError('the cursor is not one this central issued');
  return parsed.data;
}

export function snapshotKey(subscriptionId: string, generation: number): string {
  return `${subscriptionId}.${generation}`;
}
