// TLS verification can never be turned off (SECURITY item 14): lint refuses it in code; this test
// is the repository-wide proof, over every tracked or new file (code, scripts, configs, docs), with
// only test fixtures exempt. The patterns are assembled at run time so this file does not match
// itself.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const ENV_SWITCH = ['NODE', 'TLS', 'REJECT', 'UNAUTHORIZED'].join('_');
const OPTION = 'reject' + 'Unauthorized';
const IDENTITY = 'checkServer' + 'Identity';

const forbidden: { name: string; pattern: RegExp }[] = [
  // Anything but a literal `true` (false, 0, a variable that might be false).
  { name: `${OPTION} set to anything but true`, pattern: new RegExp(`${OPTION}["']?\\s*[:=](?!\\s*true\\b)`) },
  { name: ENV_SWITCH, pattern: new RegExp(ENV_SWITCH) },
  // Replacing the host name check is another way to accept any certificate.
  { name: `${IDENTITY} overridden`, pattern: new RegExp(`${IDENTITY}\\s*[:=]`) },
];

/** The lint rule itself has to name what it forbids. */
const ALLOWED = new Set(['eslint.config.js']);

export function findBypasses(files: { path: string; text: string }[]): string[] {
  const hits: string[] = [];
  for (const { path, text } of files) {
    if (ALLOWED.has(path) || path.startsWith('test/fixtures/')) continue;
    text.split('\n').forEach((line, i) => {
      for (const f of forbidden) if (f.pattern.test(line)) hits.push(`${path}:${i + 1}: ${f.name}`);
    });
  }
  return hits;
}

describe('no way to switch TLS verification off', () => {
  it('recognises each forbidden form (so a clean result means something)', () => {
    const samples = [`{ ${OPTION}: false }`, `opts.${OPTION} = insecure`, `process.env.${ENV_SWITCH} = '0'`, `{ ${IDENTITY}: () => undefined }`];
    expect(findBypasses(samples.map((text, i) => ({ path: `sample${i}.ts`, text })))).toHaveLength(4);
    expect(findBypasses([{ path: 'ok.ts', text: `{ ${OPTION}: true }` }, { path: 'test/fixtures/insecure.ts', text: `{ ${OPTION}: false }` }])).toEqual([]);
  });

  it('finds none in the repository outside test fixtures', () => {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((p) => p.length > 0 && !p.startsWith('node_modules/') && !/\.(png|jpg|ico|woff2?|ttf|pdf|db|sqlite|wasm|tar|gz)$/i.test(p));
    const files = listed.flatMap((path) => {
      try {
        return [{ path, text: readFileSync(join(root, path), 'utf8') }];
      } catch {
        return []; // listed but deleted in the working tree
      }
    });
    expect(files.length).toBeGreaterThan(100);
    expect(findBypasses(files)).toEqual([]);
  });
});
