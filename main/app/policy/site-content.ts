// The templates and code lists a site loads beside what SONAR ships (settings `templates` and
// `codeLists`: absolute paths of JSON files IT places on the PC). Each file is checked before use:
// templates by the domain's own validator, code lists by shape and SNOMED CT check digit, and every
// code a site template records must be in the shipped list or a loaded code list with the same
// term, because a code in a record is a clinical statement. Any problem stops start-up naming the
// file and the path inside it; a half-loaded set of templates is never offered.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { SiteConfig } from '../../../contract/site-config';
import { codeMapSchema, isCodeMapJson, type CodeMap } from '../../../domain/reports/coded-events/code-map';
import { libraryTemplates } from '../../../domain/templates/library';
import { snomedCodeList } from '../../../domain/templates/library/snomed-codes';
import { createTemplateRegistry, type TemplateRegistry } from '../../../domain/templates/registry';
import { sctidConceptProblem } from '../../../domain/templates/sctid';
import type { Template } from '../../../domain/templates/template-schema';
import { validateTemplate } from '../../../domain/templates/validate-template';
import { SiteConfigError, formatIssues } from './settings-layer';

export const codeListSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'id must be lower-case letters, digits and hyphens' }),
    version: z.number().int().positive(),
    edition: z.string().min(1).max(200),
    concepts: z.record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/),
      z.object({ code: z.string(), display: z.string().trim().min(1).max(300), use: z.string().max(500).optional() }).strict(),
    ),
  })
  .strict();
export type CodeList = z.infer<typeof codeListSchema>;

export interface SiteContent {
  templates: TemplateRegistry;
  codeLists: CodeList[];
  /** Maps from another terminology to SNOMED CT (a CTV3 site's map), for the outcome reports. */
  codeMaps: CodeMap[];
}

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SiteConfigError(`The ${what} ${file} named in the site settings could not be read: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SiteConfigError(`The ${what} ${file} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Each file named in `codeLists`, read once: a code list, or a code map ("kind": "code-map"). */
function readCodeFiles(files: readonly string[]): { file: string; json: unknown }[] {
  return files.map((file) => ({ file, json: readJson(file, 'code list') }));
}

/**
 * The code maps among the files in `codeLists`, each validated; at most one map from each
 * terminology, so an event is never counted under two maps.
 */
function codeMapsOf(read: readonly { file: string; json: unknown }[]): CodeMap[] {
  const maps: CodeMap[] = [];
  for (const { file, json } of read) {
    if (!isCodeMapJson(json)) continue;
    const parsed = codeMapSchema.safeParse(json);
    if (!parsed.success) throw new SiteConfigError(`The code map ${file} is not valid: ${formatIssues(parsed.error.issues)}`);
    const other = maps.find((m) => m.from === parsed.data.from);
    if (other) throw new SiteConfigError(`The code map ${file} maps the same terminology as ${other.id}: load one map per terminology`);
    maps.push(parsed.data);
  }
  return maps;
}

/** The code maps among the files in `codeLists` (for a site whose templates come from elsewhere). */
export function loadCodeMaps(files: readonly string[]): CodeMap[] {
  return codeMapsOf(readCodeFiles(files));
}

function codeListOf(file: string, json: unknown): CodeList {
  const parsed = codeListSchema.safeParse(json);
  if (!parsed.success) throw new SiteConfigError(`The code list ${file} is not valid: ${formatIssues(parsed.error.issues)}`);
  const problems = Object.entries(parsed.data.concepts).flatMap(([key, c]) => {
    const problem = sctidConceptProblem(c.code);
    return problem ? [`concepts.${key}.code: "${c.code}": ${problem}`] : [];
  });
  if (problems.length > 0) throw new SiteConfigError(`The code list ${file} is not valid: ${problems.join('; ')}`);
  return parsed.data;
}

export function loadTemplateFile(file: string): Template[] {
  const json = readJson(file, 'template file');
  const inputs = Array.isArray(json) ? json : [json];
  return inputs.map((input, i) => {
    const check = validateTemplate(input);
    if (!check.ok) {
      const where = Array.isArray(json) ? `template [${i}] ` : '';
      throw new SiteConfigError(`The template file ${file} is not valid: ${where}${check.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    }
    return check.template;
  });
}

/** The shipped library plus the site's files, every site code checked against the known code lists. */
export function loadSiteContent(config: Pick<SiteConfig, 'templates' | 'codeLists'>): SiteContent {
  const read = readCodeFiles(config.codeLists);
  const codeMaps = codeMapsOf(read);
  const codeLists = read.filter(({ json }) => !isCodeMapJson(json)).map(({ file, json }) => codeListOf(file, json));
  const terms = new Map<string, Set<string>>();
  for (const list of [snomedCodeList, ...codeLists]) {
    for (const concept of Object.values(list.concepts)) {
      terms.set(concept.code, (terms.get(concept.code) ?? new Set()).add(concept.display));
    }
  }
  const siteTemplates: Template[] = [];
  for (const file of config.templates) {
    for (const template of loadTemplateFile(file)) {
      template.codes.forEach((rule, i) => {
        const known = terms.get(rule.code);
        if (!known) {
          throw new SiteConfigError(
            `The template file ${file} is not valid: ${template.id} codes[${i}]: ${rule.code} is in no code list the site loads (add it to a code list in codeLists)`,
          );
        }
        if (!known.has(rule.display)) {
          throw new SiteConfigError(
            `The template file ${file} is not valid: ${template.id} codes[${i}]: the term "${rule.display}" differs from the code list's "${[...known].join('" / "')}"`,
          );
        }
      });
      siteTemplates.push(template);
    }
  }
  const result = createTemplateRegistry([...libraryTemplates, ...siteTemplates]);
  if (!result.ok) {
    throw new SiteConfigError(
      `The site's template files are not valid: ${result.problems.map((p) => `${p.templateId} v${p.version ?? '?'} ${p.path}: ${p.message}`).join('; ')}`,
    );
  }
  return { templates: result.registry, codeLists, codeMaps };
}
