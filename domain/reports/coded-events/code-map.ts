// Maps from another clinical terminology to SNOMED CT, as versioned data: a site whose records carry
// CTV3 (Read version 3) codes, from an older system or a migration, has its coded events counted
// under the SNOMED CT concept they stand for. A map is data, never logic: a change of a code or its
// target is a new version of the map, and a site loads the map it uses (the NHS CTV3 to SNOMED CT
// map extract for its codes) as a JSON file named in its `codeLists` setting. SONAR ships a map
// with no entries: no CTV3 mapping could be checked against a release file when this was written,
// and a wrong mapping would count one clinical event as another.
import { z } from 'zod';
import { sctidConceptProblem } from '../../templates/sctid';

export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const CTV3_SYSTEM = 'http://read.info/ctv3';

/** A CTV3 code: five characters, letters, digits and dots (Xa9Ge, 8H7.., 9N3A.). */
export const ctv3CodeSchema = z.string().regex(/^[A-Za-z0-9.]{5}$/, { error: 'a CTV3 code is five letters, digits or dots' });

const snomedIdSchema = z.string().superRefine((code, ctx) => {
  const problem = sctidConceptProblem(code);
  if (problem) ctx.addIssue({ code: 'custom', message: `${code}: ${problem}` });
});

export const codeMapSchema = z
  .object({
    /** Marks a file in `codeLists` as a map rather than a list of SNOMED CT concepts. */
    kind: z.literal('code-map'),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, { error: 'id must be lower-case letters, digits and hyphens' }),
    version: z.number().int().positive(),
    from: z.literal(CTV3_SYSTEM),
    to: z.literal(SNOMED_SYSTEM),
    /** Where the entries come from (the map release and its date), in words. */
    source: z.string().trim().min(1).max(300),
    entries: z
      .array(z.object({ code: ctv3CodeSchema, target: snomedIdSchema, display: z.string().trim().min(1).max(300) }).strict())
      .max(100_000)
      .superRefine((entries, ctx) => {
        const seen = new Set<string>();
        entries.forEach((e, i) => {
          // One CTV3 code to two concepts would count one event twice, or pick one at random.
          if (seen.has(e.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `${e.code} is mapped more than once` });
          seen.add(e.code);
        });
      }),
  })
  .strict();
export type CodeMap = z.infer<typeof codeMapSchema>;

/** The map SONAR ships (see above: no checked entries yet); a site's own map replaces it. */
export const shippedCtv3Map: CodeMap = {
  kind: 'code-map',
  id: 'sonar-ctv3-snomed',
  version: 1,
  from: CTV3_SYSTEM,
  to: SNOMED_SYSTEM,
  source: 'SONAR: no entries until a CTV3 to SNOMED CT map release has been checked',
  entries: [],
};

/** Whether a text looks like a file in `codeLists` that is a map (the loader then validates it as one). */
export const isCodeMapJson = (json: unknown): boolean => typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'code-map';
