// A saved form response: a clinical entry, versioned and never edited in place. It keeps the
// template id and version it was made with, the answers, and the scores, bands, flags and codes
// computed when it was saved, so a later template version never changes what an old response
// says. An amendment is a new version with a reason; a mistake is marked entered-in-error (a new
// version that keeps the content), never deleted. Ids and the clock are passed in.
//
// The caller (the saving service) checks that `previous` is still the latest version of its entry
// and stores each version as a new row; these helpers only build the next version.
import { z } from 'zod';
import { answersSchema, isAnswered, type Answers, type ItemIssue } from './answers';
import { evaluateResponse } from './evaluate';
import { derivedAdviceSchema, derivedCodeSchema, derivedFlagSchema, scoreResultSchema } from './result-schema';
import type { Template } from './template-schema';

export const responseStatusSchema = z.enum(['final', 'amended', 'entered_in_error']);

export const formResponseSchema = z
  .object({
    /** This version's id. */
    id: z.string().min(1),
    /** The id of the first version: every version of one entry shares it. */
    entryId: z.string().min(1),
    version: z.number().int().positive(),
    /** The id of the version this one replaces (absent on version 1). */
    supersedes: z.string().min(1).optional(),
    templateId: z.string().min(1),
    templateVersion: z.number().int().positive(),
    answers: answersSchema,
    /** Each score with its band, as computed at saving. */
    scores: z.array(scoreResultSchema),
    flags: z.array(derivedFlagSchema),
    codes: z.array(derivedCodeSchema),
    /** The advice shown when it was saved; absent on responses saved before advice existed. */
    advice: z.array(derivedAdviceSchema).optional(),
    status: responseStatusSchema,
    recordedAt: z.iso.datetime({ offset: true }),
    /**
     * When the observation was made, if not when it was recorded (a late entry): scores are charted
     * at this time. Absent means at `recordedAt`. Every later version of the entry keeps it.
     */
    observedAt: z.iso.datetime({ offset: true }).optional(),
    recordedBy: z.string().min(1),
    amendReason: z.string().min(1).optional(),
    enteredInErrorReason: z.string().min(1).optional(),
  })
  .strict();
export type FormResponse = z.infer<typeof formResponseSchema>;

/** Who and when, supplied by the caller: the new version's id, the time (ISO with offset) and the user. */
export type SaveMeta = { id: string; at: string; by: string; observedAt?: string };

export type SaveRefusal = {
  ok: false;
  error: { code: 'INCOMPLETE' | 'REASON_REQUIRED' | 'WRONG_TEMPLATE' | 'ENTERED_IN_ERROR' | 'INVALID_META'; message: string; issues: ItemIssue[] };
};
export type SaveResult = { ok: true; response: FormResponse } | SaveRefusal;

function refuse(code: SaveRefusal['error']['code'], message: string, issues: ItemIssue[] = []): SaveRefusal {
  return { ok: false, error: { code, message, issues } };
}

/** Every version built here is checked against the stored shape, so a bad id or time is refused, never stored. */
function checked(response: FormResponse): SaveResult {
  const parsed = formResponseSchema.safeParse(response);
  if (parsed.success) return { ok: true, response: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
  return refuse('INVALID_META', `Cannot save: ${fields} not valid (ids must not be empty; times are ISO 8601 with an offset)`);
}

/** Answers as stored: unanswered entries (null, blank, empty) are left out. */
function storedAnswers(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => isAnswered(v)));
}

type Computed = Pick<FormResponse, 'answers' | 'scores' | 'flags' | 'codes' | 'advice'>;

function compute(template: Template, answers: Answers): { ok: true; computed: Computed } | SaveRefusal {
  const evaluation = evaluateResponse(template, answers);
  if (evaluation.issues.length > 0) {
    const n = evaluation.issues.length;
    return refuse('INCOMPLETE', `There ${n === 1 ? 'is a problem' : `are ${n} problems`} to put right before saving`, evaluation.issues);
  }
  return {
    ok: true,
    computed: {
      answers: storedAnswers(answers),
      // With no issues every required item is answered, so every score is complete.
      scores: evaluation.scores.map(({ missing: _missing, ...score }) => score),
      flags: evaluation.flags,
      codes: evaluation.codes,
      // Kept for templates that give advice (an empty list then means none was called for).
      ...(template.advice ? { advice: evaluation.advice } : {}),
    },
  };
}

function reasonOf(reason: string): string | null {
  const trimmed = reason.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** Version 1 of a new entry, or the problems (each at its item) that stop it being saved. */
export function finaliseResponse(template: Template, answers: Answers, meta: SaveMeta): SaveResult {
  const result = compute(template, answers);
  if (!result.ok) return result;
  return checked({
    id: meta.id,
    entryId: meta.id,
    version: 1,
    templateId: template.id,
    templateVersion: template.version,
    ...result.computed,
    status: 'final',
    recordedAt: meta.at,
    ...(meta.observedAt && meta.observedAt !== meta.at ? { observedAt: meta.observedAt } : {}),
    recordedBy: meta.by,
  });
}

/**
 * The next version of an entry with corrected answers. It is scored with the template version the
 * entry was made with (pass it from the registry), so an amendment corrects the answers without
 * silently moving the entry to a newer scoring.
 */
export function amendResponse(previous: FormResponse, template: Template, answers: Answers, reason: string, meta: SaveMeta): SaveResult {
  if (previous.status === 'entered_in_error') return refuse('ENTERED_IN_ERROR', 'This entry was marked entered in error and cannot be amended');
  if (template.id !== previous.templateId || template.version !== previous.templateVersion) {
    return refuse('WRONG_TEMPLATE', `Amend with the template this entry was made with (${previous.templateId} version ${previous.templateVersion})`);
  }
  const why = reasonOf(reason);
  if (!why) return refuse('REASON_REQUIRED', 'Enter the reason for the amendment');
  const result = compute(template, answers);
  if (!result.ok) return result;
  return checked({
    id: meta.id,
    entryId: previous.entryId,
    version: previous.version + 1,
    supersedes: previous.id,
    templateId: previous.templateId,
    templateVersion: previous.templateVersion,
    ...result.computed,
    status: 'amended',
    recordedAt: meta.at,
    observedAt: previous.observedAt ?? previous.recordedAt,
    recordedBy: meta.by,
    amendReason: why,
  });
}

/** A new version marking the entry as a mistake; the content is kept (for audit) but no longer counts. */
export function markEnteredInError(previous: FormResponse, reason: string, meta: SaveMeta): SaveResult {
  if (previous.status === 'entered_in_error') return refuse('ENTERED_IN_ERROR', 'This entry is already marked entered in error');
  const why = reasonOf(reason);
  if (!why) return refuse('REASON_REQUIRED', 'Enter the reason this entry was entered in error');
  const { amendReason: _amendReason, ...kept } = previous;
  return checked({
    ...kept,
    id: meta.id,
    version: previous.version + 1,
    supersedes: previous.id,
    status: 'entered_in_error',
    recordedAt: meta.at,
    observedAt: previous.observedAt ?? previous.recordedAt,
    recordedBy: meta.by,
    enteredInErrorReason: why,
  });
}
