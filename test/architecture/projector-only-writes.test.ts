// The clinical tables change only through the projector (db/projector): every other file that would
// INSERT, UPDATE or DELETE one of them (by SQL text or through drizzle's query builder) fails here.
// The bench's raw baselines are the one named exception: they measure SQLite underneath the app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clinicalTableNames } from '../../db/projector/clinical-tables';

const root = join(import.meta.dirname, '..', '..');
// central/ is the other program: its PostgreSQL tables share names, not this store.
const SKIP_DIRS = new Set(['node_modules', '.tsbuild', 'out', 'dist', '.git', 'test-results', 'migrations', 'central']);
/** Test-run output at the root only: source folders named reports (db/reports, main/services/reports) are scanned. */
const SKIP_AT_ROOT = new Set(['reports']);
/** Raw SQLite baselines, measured next to the app in `npm run bench`; never part of the app. */
const ALLOWED = [/^db\/projector\//, /^bench\/(load|report-load|save-bench|form-save-bench|projector-bench)\.ts$/, /\.test\.tsx?$/];

/** The drizzle table objects' names for each clinical table (persons -> persons, person_identifiers -> personIdentifiers). */
const drizzleNames = clinicalTableNames.map((t) => t.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

function clinicalWrites(source: string): string[] {
  const sqlTables = clinicalTableNames.join('|');
  const patterns = [
    new RegExp(`\\b(INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO|UPDATE|DELETE\\s+FROM|REPLACE\\s+INTO)\\s+[\`"']?(${sqlTables})\\b`, 'gi'),
    new RegExp(`\\.(insert|update|delete)\\(\\s*(${drizzleNames.join('|')})\\b`, 'g'),
  ];
  return patterns.flatMap((p) => [...source.matchAll(p)].map((m) => m[0]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP_DIRS.has(name) || (dir === root && SKIP_AT_ROOT.has(name))) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

describe('clinical tables are written by the projector only', () => {
  it('finds writes by SQL text and by the query builder (the scanner itself works)', () => {
    expect(clinicalWrites("db.prepare('INSERT INTO flags (id) VALUES (?)')")).toHaveLength(1);
    expect(clinicalWrites('raw.exec(`update  tasks set status = 1`)')).toHaveLength(1);
    expect(clinicalWrites('this.db.insert(formResponses).values(row)')).toHaveLength(1);
    expect(clinicalWrites('db.delete( personAliases ).where(x)')).toHaveLength(1);
    expect(clinicalWrites("SELECT * FROM flags WHERE id = ?")).toEqual([]);
    expect(clinicalWrites('this.db.insert(users).values(row)')).toEqual([]);
  });

  it('no file outside db/projector writes a clinical table', () => {
    const offenders = sourceFiles(root).flatMap((file) => {
      const rel = relative(root, file).split('\\').join('/');
      if (ALLOWED.some((a) => a.test(rel))) return [];
      return clinicalWrites(readFileSync(file, 'utf8')).map((w) => `${rel}: ${w}`);
    });
    expect(offenders).toEqual([]);
  });
});
