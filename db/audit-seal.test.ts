// The seal's two slots: a write torn by a crash spoils only the slot being written, and the
// previous head is read back from the other; a file with neither slot whole reads as no seal.
import { mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditSealWriter, readSealFile } from './audit-seal';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sonar-seal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const h = (n: number) => n.toString(16).padStart(64, '0');

function scribble(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.from('torn write'), 0, 10, offset + 40);
  } finally {
    closeSync(fd);
  }
}

describe('the audit seal file', () => {
  it('reads back the newest head, and which head is known durable', () => {
    const file = join(dir, 'seal');
    const w = new AuditSealWriter(file);
    w.seal({ seq: 1, hash: h(1) }, { durable: true });
    w.seal({ seq: 2, hash: h(2) }, { durable: false });
    w.close();
    expect(readSealFile(file)).toMatchObject({ seq: 2, hash: h(2), durableSeq: 1, durableHash: h(1), clean: false, cut: null });
  });

  it('falls back to the previous head when the newest slot is torn, and to none when both are', () => {
    const file = join(dir, 'seal');
    const w = new AuditSealWriter(file);
    w.seal({ seq: 7, hash: h(7) }, { durable: true }); // n = 1: slot 1
    w.seal({ seq: 8, hash: h(8) }, { durable: true }); // n = 2: slot 0
    w.close();
    scribble(file, 0);
    expect(readSealFile(file)).toMatchObject({ seq: 7 });
    scribble(file, 1024);
    expect(readSealFile(file)).toBeNull();
  });

  it('keeps a recorded cut through later heads', () => {
    const file = join(dir, 'seal');
    const w = new AuditSealWriter(file);
    const cut = { foundAt: '2026-11-23T10:00:00.000Z', sealedSeq: 9, sealedHash: h(9), foundSeq: 6, problem: 'rows 7 to 9 were removed' };
    w.seal({ seq: 6, hash: h(6) }, { durable: true, cut });
    w.seal({ seq: 7, hash: h(70) }, { durable: true });
    w.close();
    expect(readSealFile(file)?.cut).toEqual(cut);
  });
});
