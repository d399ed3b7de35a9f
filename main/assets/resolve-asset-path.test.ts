import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAssetPath } from './resolve-asset-path';

// A real bundle on disk: <tmp>/bundle with files and symlinks, and <tmp>/secret.txt outside it.
// The folder is made at load time because the hostile-path table below names it.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sonar-assets-'));
const bundle = path.join(tmp, 'bundle');
let realBundle: string;

beforeAll(() => {
  fs.mkdirSync(path.join(bundle, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(bundle, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(bundle, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(bundle, 'assets', 'with space.css'), 'body{}');
  fs.writeFileSync(path.join(bundle, '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside the bundle');
  fs.mkdirSync(path.join(tmp, 'outside-dir'));
  fs.writeFileSync(path.join(tmp, 'outside-dir', 'x.js'), 'outside');
  fs.symlinkSync(path.join(tmp, 'secret.txt'), path.join(bundle, 'assets', 'leak.txt'));
  fs.symlinkSync(path.join(tmp, 'outside-dir'), path.join(bundle, 'linked-dir'));
  fs.symlinkSync(path.join(bundle, 'index.html'), path.join(bundle, 'assets', 'alias.html'));
  realBundle = fs.realpathSync(bundle);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('resolveAssetPath: files inside the bundle', () => {
  it('maps / to index.html', () => {
    expect(resolveAssetPath(bundle, '/')).toBe(path.join(realBundle, 'index.html'));
  });

  it('serves a nested file and ignores a query or fragment', () => {
    const expected = path.join(realBundle, 'assets', 'index-abc.js');
    expect(resolveAssetPath(bundle, '/assets/index-abc.js')).toBe(expected);
    expect(resolveAssetPath(bundle, '/assets/index-abc.js?v=1')).toBe(expected);
    expect(resolveAssetPath(bundle, '/assets/index-abc.js#x')).toBe(expected);
  });

  it('decodes ordinary escapes once', () => {
    expect(resolveAssetPath(bundle, '/assets/with%20space.css')).toBe(path.join(realBundle, 'assets', 'with space.css'));
  });

  it('follows a symlink that stays inside the bundle, returning the real path', () => {
    expect(resolveAssetPath(bundle, '/assets/alias.html')).toBe(path.join(realBundle, 'index.html'));
  });
});

describe('resolveAssetPath: refusals', () => {
  const hostile: Array<[string, string]> = [
    ['dot-dot', '/../secret.txt'],
    ['dot-dot deeper', '/assets/../../secret.txt'],
    ['dot-dot alone', '/..'],
    ['single dot segment', '/./index.html'],
    ['encoded dots', '/%2e%2e/secret.txt'],
    ['encoded dots, upper case', '/%2E%2E/secret.txt'],
    ['mixed encoded dot', '/.%2e/secret.txt'],
    ['encoded slash', '/assets%2f..%2f..%2fsecret.txt'],
    ['encoded slash alone', '/..%2fsecret.txt'],
    ['encoded backslash', '/..%5csecret.txt'],
    ['double-encoded dots', '/%252e%252e/secret.txt'],
    ['double-encoded slash', '/..%252fsecret.txt'],
    ['raw backslash', '/..\\secret.txt'],
    ['backslash inside', '/assets\\index-abc.js'],
    ['NUL byte', '/index.html\u0000.js'],
    ['encoded NUL', '/index.html%00.js'],
    ['absolute path, no leading slash', path.join(tmp, 'secret.txt').replace(/^\//, '')],
    ['absolute disk path as the URL path', path.join(tmp, 'secret.txt')],
    ['absolute disk path smuggled as a segment', `/${encodeURIComponent(path.join(tmp, 'secret.txt'))}`],
    ['windows drive', '/C:/Windows/win.ini'],
    ['windows drive, no slash', 'C:\\Windows\\win.ini'],
    ['UNC-like double slash', '//server/share/x'],
    ['empty segment', '/assets//index-abc.js'],
    ['trailing slash (folder)', '/assets/'],
    ['folder', '/assets'],
    ['dotfile', '/.env'],
    ['trailing dot (Windows alias)', '/index.html.'],
    ['trailing space (Windows alias)', '/index.html%20'],
    ['alternate data stream', '/index.html::$DATA'],
    ['malformed escape', '/index%zz.html'],
    ['lone percent', '/index%.html'],
    ['relative path', 'index.html'],
    ['empty', ''],
    ['missing file', '/nope.js'],
    ['symlinked file pointing outside', '/assets/leak.txt'],
    ['file under a symlinked folder pointing outside', '/linked-dir/x.js'],
    ['overlong', `/${'a'.repeat(5000)}`],
  ];

  it.each(hostile)('refuses %s', (_name, urlPath) => {
    expect(resolveAssetPath(bundle, urlPath)).toBeNull();
  });

  it('refuses non-string input and a missing bundle folder', () => {
    expect(resolveAssetPath(bundle, 42 as unknown as string)).toBeNull();
    expect(resolveAssetPath(path.join(tmp, 'no-such-bundle'), '/index.html')).toBeNull();
  });

  it('never returns a path outside the real bundle, whatever the input', () => {
    const pieces = ['..', '.', '%2e', '%2f', '%5c', '%25', 'assets', 'index.html', 'leak.txt', '/', '\\', '%00', 'secret.txt', 'linked-dir', 'x.js'];
    for (let i = 0; i < 2000; i += 1) {
      let p = '/';
      const n = 1 + (i % 6);
      for (let j = 0; j < n; j += 1) p += pieces[(i * 7 + j * 13 + (i >> 3)) % pieces.length];
      const result = resolveAssetPath(bundle, p);
      if (result !== null) expect(path.relative(realBundle, result).startsWith('..')).toBe(false);
    }
  });
});
