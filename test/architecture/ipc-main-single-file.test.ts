// ipcMain is touched in one file only, main/electron/ipc.ts, where every message
// has its sender checked. A second file registering handlers would be an unchecked way in.
// Test files are skipped: they fake ipcMain to test ipc.ts and never ship.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const THE_FILE = 'main/electron/ipc.ts';
const SKIPPED_FOLDERS = new Set(['node_modules', 'out', '.tsbuild', '.git', 'dist', 'coverage', 'reports', 'test-results', 'playwright-report']);
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;

// `ipcMain` by name, and the per-frame / per-contents handlers (`frame.ipc.handle`,
// `webContents.ipc.on`) that would receive messages without passing through ipc.ts either.
const IPC_MAIN = /\bipcMain\b/;
const SCOPED_IPC = /\.ipc\s*\.\s*(on|once|handle|handleOnce|addListener)\b/;

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) sourceFiles(path.join(dir, entry.name), found);
    } else if (entry.isFile() && SOURCE.test(entry.name)) {
      found.push(path.relative(root, path.join(dir, entry.name)).split(path.sep).join('/'));
    }
  }
  return found;
}

describe('ipcMain lives in one file', () => {
  const files = sourceFiles(root);
  const productFiles = files.filter((f) => !TEST_FILE.test(f));

  it('finds the source tree (the scan itself works)', () => {
    expect(productFiles.length).toBeGreaterThan(10);
    expect(productFiles).toContain(THE_FILE);
    expect(IPC_MAIN.test(fs.readFileSync(path.join(root, THE_FILE), 'utf8'))).toBe(true);
  });

  it(`no file other than ${THE_FILE} mentions ipcMain or registers scoped IPC handlers`, () => {
    const offenders = productFiles.filter((f) => {
      if (f === THE_FILE) return false;
      const source = fs.readFileSync(path.join(root, f), 'utf8');
      return IPC_MAIN.test(source) || SCOPED_IPC.test(source);
    });
    expect(offenders).toEqual([]);
  });

  it('the scanner would catch an offender', () => {
    expect(IPC_MAIN.test("import { ipcMain } from 'electron';")).toBe(true);
    expect(IPC_MAIN.test("const m = require('electron').ipcMain;")).toBe(true);
    expect(SCOPED_IPC.test("win.webContents.ipc.handle('x', f)")).toBe(true);
    expect(SCOPED_IPC.test('frame.ipc.on("x", f)')).toBe(true);
  });
});
