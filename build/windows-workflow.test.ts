// The committed Windows release workflow cannot run here (no Windows runner, no Electron
// download); this checks what can be checked offline: it is strict YAML of the shape GitHub
// Actions accepts, every expression is well formed and uses known contexts, secrets reach steps
// only through env (never pasted into a script), and it passes exactly the signing variables
// build/signing.ts reads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { signingOverlay } from './signing';

const file = join(import.meta.dirname, '..', '.github', 'workflows', 'windows-release.yml');
const text = readFileSync(file, 'utf8');

const step = z
  .object({
    name: z.string().min(1),
    id: z.string().optional(),
    if: z.string().optional(),
    uses: z.string().regex(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[\w.-]+$/, 'uses must be owner/repo@ref').optional(),
    run: z.string().min(1).optional(),
    shell: z.enum(['bash', 'pwsh', 'powershell', 'cmd', 'sh', 'python']).optional(),
    with: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    env: z.record(z.string().regex(/^[A-Z_][A-Z0-9_]*$/), z.string()).optional(),
    'continue-on-error': z.boolean().optional(),
    'timeout-minutes': z.number().int().positive().optional(),
  })
  .strict()
  .refine((s) => (s.uses === undefined) !== (s.run === undefined), 'a step has exactly one of uses and run');

const workflow = z
  .object({
    name: z.string().min(1),
    on: z
      .object({
        push: z.object({ tags: z.array(z.string()).optional(), branches: z.array(z.string()).optional() }).strict().optional(),
        workflow_dispatch: z.null().or(z.object({}).passthrough()).optional(),
      })
      .strict(),
    permissions: z.record(z.string(), z.enum(['read', 'write', 'none'])),
    concurrency: z.object({ group: z.string(), 'cancel-in-progress': z.boolean() }).strict().optional(),
    jobs: z.record(
      z.string().regex(/^[a-zA-Z_][\w-]*$/),
      z
        .object({
          name: z.string(),
          'runs-on': z.string(),
          'timeout-minutes': z.number().int().positive(),
          environment: z.string().optional(),
          steps: z.array(step).min(1),
        })
        .strict(),
    ),
  })
  .strict();

const parsed = workflow.parse(parse(text, { uniqueKeys: true, strict: true, prettyErrors: true }));
const steps = Object.values(parsed.jobs).flatMap((j) => j.steps);

describe('.github/workflows/windows-release.yml', () => {
  it('is a workflow GitHub Actions accepts, on a Windows runner with a time limit', () => {
    const [job] = Object.values(parsed.jobs);
    expect(job!['runs-on']).toMatch(/^windows-/);
    expect(job!.environment).toBe('release');
  });

  it('has only well-formed expressions over known contexts', () => {
    const expressions = [...text.matchAll(/\$\{\{(.*?)\}\}/g)].map((m) => m[1]!.trim());
    expect(expressions.length).toBeGreaterThan(5);
    expect(text.split('${{').length - 1).toBe(expressions.length); // none left open
    for (const expr of expressions) {
      const contexts = [...expr.matchAll(/\b([a-z_]+)\.[\w.-]+/g)].map((m) => m[1]);
      for (const c of contexts) expect(['github', 'secrets', 'vars', 'env', 'steps', 'runner', 'matrix', 'inputs', 'needs', 'job']).toContain(c);
    }
  });

  it('passes secrets and event data to steps only through env, never inside a script', () => {
    for (const s of steps) {
      expect(s.run ?? '', s.name).not.toMatch(/\$\{\{/);
    }
    expect(text).not.toMatch(/github\.event\.(head_commit|pull_request|issue|comment)/);
  });

  it('installs, tests, then builds with exactly the signing variables build/signing.ts needs, then verifies the signatures', () => {
    const names = steps.map((s) => s.name);
    const at = (pattern: RegExp) => names.findIndex((n) => pattern.test(n));
    expect(at(/^Install/)).toBeLessThan(at(/unit tests/));
    expect(at(/unit tests/)).toBeLessThan(at(/^Build, sign/));
    expect(at(/^Build, sign/)).toBeLessThan(at(/^Verify the signatures/));
    const dist = steps[at(/^Build, sign/)]!;
    expect(dist.run).toBe('npm run dist');
    // The same variables, given placeholder values, make a valid signing configuration.
    const env = Object.fromEntries(Object.keys(dist.env ?? {}).map((k) => [k, k === 'SONAR_SIGNING' ? dist.env![k]! : 'placeholder']));
    expect(signingOverlay(env).mode).toBe('azure');
    expect(Object.keys(dist.env ?? {})).toEqual(expect.arrayContaining(['AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET']));
  });

  it('keeps the installers and their checksums, failing when there are none', () => {
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.['if-no-files-found']).toBe('error');
    expect(String(upload?.with?.path)).toContain('dist/*.msi');
    expect(String(upload?.with?.path)).toContain('SHA256SUMS.txt');
  });
});
