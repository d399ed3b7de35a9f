import { describe, expect, it } from 'vitest';
import { cursorSchema } from '../../contract/sync/wire';
import { CursorError, decodeCursor, encodeCursor, START } from './cursor-token';

describe('the pull cursor', () => {
  it('round-trips and fits the wire schema', () => {
    const token = { v: 1 as const, s: 12345, r: 7, b: { '0193a000-0000-7000-8000-000000000001.2': 99 } };
    const text = encodeCursor(token);
    expect(cursorSchema.safeParse(text).success).toBe(true);
    expect(decodeCursor(text)).toEqual(token);
    expect(decodeCursor(null)).toEqual(START);
  });

  it('refuses a cursor it did not make', () => {
    expect(() => decodeCursor('bm90IGpzb24')).toThrow(CursorError);
    expect(() => decodeCursor(Buffer.from(JSON.stringify({ v: 1, s: -1, r: 0, b: {} })).toString('base64url'))).toThrow(CursorError);
    expect(() => decodeCursor(Buffer.from(JSON.stringify({ v: 2, s: 1, r: 0, b: {} })).toString('base64url'))).toThrow(CursorError);
  });
});
