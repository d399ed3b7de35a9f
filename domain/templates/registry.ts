// Templates by (id, version). Every version ever used stays registered, so an old response is
// shown, amended and checked against the version it was made with; new responses use the latest.
import type { Template } from './template-schema';
import { authoringProblems, validateTemplate, type TemplateProblem } from './validate-template';

export type TemplateRegistry = {
  get(id: string, version: number): Template | undefined;
  latest(id: string): Template | undefined;
  versions(id: string): number[];
  /** The template a saved response was made with. */
  forResponse(response: { templateId: string; templateVersion: number }): Template | undefined;
  all(): Template[];
};

export type RegistryProblem = TemplateProblem & { templateId: string; version: number | null };

export type RegistryResult = { ok: true; registry: TemplateRegistry } | { ok: false; problems: RegistryProblem[] };

function describe(input: unknown): { id: string; version: number | null } {
  const t = (typeof input === 'object' && input !== null ? input : {}) as { id?: unknown; version?: unknown };
  return { id: typeof t.id === 'string' ? t.id : '(no id)', version: typeof t.version === 'number' ? t.version : null };
}

/**
 * A registry of valid templates, or every problem of every template (and any (id, version) given
 * twice). The latest version of each template, the one new responses use, must also meet the
 * authoring rules; earlier versions only need to be sound.
 */
export function createTemplateRegistry(inputs: readonly unknown[]): RegistryResult {
  const problems: RegistryProblem[] = [];
  const byId = new Map<string, Map<number, Template>>();
  for (const input of inputs) {
    const check = validateTemplate(input, { earlierVersion: true });
    if (!check.ok) {
      const { id, version } = describe(input);
      problems.push(...check.problems.map((p) => ({ ...p, templateId: id, version })));
      continue;
    }
    const t = check.template;
    const versions = byId.get(t.id) ?? new Map<number, Template>();
    if (versions.has(t.version)) {
      // A version, once used, is frozen: the same key must never mean two different templates.
      problems.push({ templateId: t.id, version: t.version, path: 'version', message: `${t.id} version ${t.version} is given more than once` });
      continue;
    }
    versions.set(t.version, t);
    byId.set(t.id, versions);
  }
  for (const versions of byId.values()) {
    const latest = versions.get(Math.max(...versions.keys()))!;
    problems.push(...authoringProblems(latest).map((p) => ({ ...p, templateId: latest.id, version: latest.version })));
  }
  if (problems.length > 0) return { ok: false, problems };

  const versionsOf = (id: string): number[] => [...(byId.get(id)?.keys() ?? [])].sort((a, b) => a - b);
  const get = (id: string, version: number): Template | undefined => byId.get(id)?.get(version);
  const registry: TemplateRegistry = {
    get,
    versions: versionsOf,
    latest: (id) => {
      const v = versionsOf(id);
      return v.length > 0 ? get(id, v[v.length - 1]!) : undefined;
    },
    forResponse: (r) => get(r.templateId, r.templateVersion),
    all: () => [...byId.values()].flatMap((m) => [...m.values()]),
  };
  return { ok: true, registry };
}
