// A saved response as a clinician reads it: questions and answers worded by the template version
// the response was made with, and the scores, bands, flags and codes exactly as saved. Nothing is
// recomputed here, so a later template version cannot change what an old response shows.
import { formatAnswer } from './answers';
import type { TemplateRegistry } from './registry';
import type { FormResponse } from './response';
import type { DerivedAdvice, DerivedCode, DerivedFlag, ScoreResult } from './result-schema';

export type ResponseRow = { itemId: string; label: string; answer: string };

export type ResponseView = {
  title: string;
  templateId: string;
  templateVersion: number;
  status: FormResponse['status'];
  /** False when this template version is not registered here: rows then show stored ids and values. */
  templateFound: boolean;
  sections: { title: string; rows: ResponseRow[] }[];
  scores: ScoreResult[];
  flags: DerivedFlag[];
  codes: DerivedCode[];
  advice: DerivedAdvice[];
};

export function displayResponse(response: FormResponse, registry: TemplateRegistry): ResponseView {
  const template = registry.forResponse(response);
  const saved = { scores: response.scores, flags: response.flags, codes: response.codes, advice: response.advice ?? [] };
  const base = { templateId: response.templateId, templateVersion: response.templateVersion, status: response.status, ...saved };
  if (!template) {
    // Still readable: the record must not become blank because a template is missing at this site.
    const rows = Object.entries(response.answers).map(([itemId, v]) => ({ itemId, label: itemId, answer: Array.isArray(v) ? v.join('; ') : String(v) }));
    return { ...base, title: `${response.templateId} version ${response.templateVersion}`, templateFound: false, sections: [{ title: 'Answers', rows }] };
  }
  const sections = template.sections
    .map((s) => ({
      title: s.title,
      rows: s.items
        .filter((item) => item.kind !== 'info' && Object.hasOwn(response.answers, item.id))
        .map((item) => ({ itemId: item.id, label: item.label, answer: formatAnswer(item, response.answers[item.id]) })),
    }))
    .filter((s) => s.rows.length > 0);
  return { ...base, title: template.title, templateFound: true, sections };
}
