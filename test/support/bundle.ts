// Bundles a TypeScript entry into one ES module with esbuild, so a test can start it as a child
// process many times (a crash loop) in a fraction of what loading the sources through tsx takes.
// The bundle lives under node_modules/.cache, where it can still find the native addons.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export async function bundleForChild(entry: string): Promise<string> {
  const outDir = join(root, 'node_modules', '.cache', 'sonar-test');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, basename(entry).replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['better-sqlite3-multiple-ciphers', 'better-sqlite3', '@node-rs/argon2'],
    // Some bundled dependencies still call require(); give the module one.
    banner: { js: "import { createRequire as __sonarRequire } from 'node:module'; const require = __sonarRequire(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}

/** The committed migrations, which a bundled child cannot find next to its own file. */
export const MIGRATIONS_FOLDER = join(root, 'db', 'migrations');
