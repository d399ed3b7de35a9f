// "A template's new version does not change how old responses display or score."
import { describe, expect, it } from 'vitest';
import { displayResponse } from './display';
import { evaluateResponse } from './evaluate';
import { createTemplateRegistry, type TemplateRegistry } from './registry';
import { finaliseResponse, type FormResponse } from './response';
import type { Template } from './template-schema';

// Version 1: "Shakes" scores 0 / 1, "Sweats" 0 / 1; total 0-2, 2 is "High".
const v1: Template = {
  id: 'shakes',
  version: 1,
  title: 'Shakes check',
  sections: [
    {
      id: 's',
      title: 'Signs',
      items: [
        { id: 'shakes', kind: 'scored', label: 'Shakes', required: true, options: [{ value: 'no', label: 'No shakes', score: 0 }, { value: 'yes', label: 'Shakes', score: 1 }] },
        { id: 'sweats', kind: 'scored', label: 'Sweats', required: true, options: [{ value: 'no', label: 'No sweats', score: 0 }, { value: 'yes', label: 'Sweats', score: 1 }] },
      ],
    },
  ],
  scores: [{ id: 'total', label: 'Total', items: ['shakes', 'sweats'], bands: [{ min: 0, max: 1, label: 'Low', severity: 'low' }, { min: 2, max: 2, label: 'High', severity: 'high' }] }],
  flags: [{ id: 'high', code: 'SHAKES_HIGH', label: 'High', reason: 'Both signs', partnerAdvice: 'Call healthcare now', when: { kind: 'scoreBand', score: 'total', bands: ['High'] } }],
  codes: [],
};

// Version 2 re-weights the items ("Shakes" now 3), renames a question and moves the band edge.
const v2: Template = {
  ...v1,
  version: 2,
  sections: [
    {
      id: 's',
      title: 'Signs',
      items: [
        { id: 'shakes', kind: 'scored', label: 'Tremor (revised wording)', required: true, options: [{ value: 'no', label: 'None', score: 0 }, { value: 'yes', label: 'Present', score: 3 }] },
        { id: 'sweats', kind: 'scored', label: 'Sweats', required: true, options: [{ value: 'no', label: 'No sweats', score: 0 }, { value: 'yes', label: 'Sweats', score: 1 }] },
      ],
    },
  ],
  scores: [{ id: 'total', label: 'Total', items: ['shakes', 'sweats'], bands: [{ min: 0, max: 3, label: 'Low', severity: 'low' }, { min: 4, max: 4, label: 'High', severity: 'high' }] }],
};

function registryOf(templates: Template[]): TemplateRegistry {
  const r = createTemplateRegistry(templates);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.registry;
}

describe('template versions', () => {
  it('an old response keeps its score, band, flags and wording after a new version is published', () => {
    // Saved under v1: shakes 1 + sweats 1 = 2 -> High, flagged.
    const saved = finaliseResponse(v1, { shakes: 'yes', sweats: 'yes' }, { id: 'r1', at: '2025-01-10T08:00:00Z', by: 'u1' });
    if (!saved.ok) throw new Error('expected to save');
    const old: FormResponse = saved.response;
    expect(old.scores[0]).toMatchObject({ value: 2, band: { label: 'High' } });

    const registry = registryOf([v1, v2]);
    expect(registry.latest('shakes')?.version).toBe(2);
    expect(registry.versions('shakes')).toEqual([1, 2]);

    // The same answers under v2 would be 3 + 1 = 4 (still High, but a different score)...
    expect(evaluateResponse(v2, old.answers).scores[0]).toMatchObject({ value: 4, band: { label: 'High' } });
    // ...and "shakes only" would be Low under v1 (1) but 3 under v2: the versions really differ.
    expect(evaluateResponse(v1, { shakes: 'yes', sweats: 'no' }).scores[0]?.value).toBe(1);
    expect(evaluateResponse(v2, { shakes: 'yes', sweats: 'no' }).scores[0]?.value).toBe(3);

    // The old response is shown with its own version's wording and its saved results.
    const view = displayResponse(old, registry);
    expect(view).toMatchObject({ title: 'Shakes check', templateVersion: 1, templateFound: true, status: 'final' });
    expect(view.sections).toEqual([{ title: 'Signs', rows: [{ itemId: 'shakes', label: 'Shakes', answer: 'Shakes' }, { itemId: 'sweats', label: 'Sweats', answer: 'Sweats' }] }]);
    expect(view.scores).toEqual(old.scores);
    expect(view.flags).toEqual(old.flags);
    // Re-scoring with the version it was made with gives exactly what was saved.
    const again = evaluateResponse(registry.forResponse(old)!, old.answers);
    expect(again.scores.map(({ missing: _m, ...s }) => s)).toEqual(old.scores);
    expect(again.flags).toEqual(old.flags);
  });

  it('still shows a response whose template version is not registered, from what was stored', () => {
    const saved = finaliseResponse(v1, { shakes: 'yes', sweats: 'no' }, { id: 'r2', at: '2025-01-10T08:00:00Z', by: 'u1' });
    if (!saved.ok) throw new Error('expected to save');
    const view = displayResponse(saved.response, registryOf([v2]));
    expect(view).toMatchObject({ templateFound: false, title: 'shakes version 1', scores: saved.response.scores });
    expect(view.sections[0]!.rows).toEqual([{ itemId: 'shakes', label: 'shakes', answer: 'yes' }, { itemId: 'sweats', label: 'sweats', answer: 'no' }]);
  });

  it('refuses the same (id, version) twice and invalid templates, listing every problem', () => {
    const r = createTemplateRegistry([v1, { ...v1, title: 'Changed' }, { ...v2, scores: [{ ...v2.scores[0]!, max: 9 }] }, 'not a template']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { templateId: 'shakes', version: 1, path: 'version', message: 'shakes version 1 is given more than once' },
      { templateId: 'shakes', version: 2, path: 'scores[0].max', message: 'is 9 but the items allow at most 4' },
      { templateId: '(no id)', version: null, path: '', message: expect.any(String) },
    ]);
  });

  it('applies the authoring rules (partner advice on high flags) to the latest version only', () => {
    const noAdvice: Template = { ...v1, flags: [{ ...v1.flags[0]!, partnerAdvice: undefined }] };
    delete noAdvice.flags[0]!.partnerAdvice;
    // An earlier version without partner advice stays registered, so its responses still show.
    expect(createTemplateRegistry([noAdvice, v2]).ok).toBe(true);
    // The version new responses use must have it.
    const latestWithout = createTemplateRegistry([v1, { ...noAdvice, version: 2 }]);
    expect(latestWithout).toEqual({
      ok: false,
      problems: [{ templateId: 'shakes', version: 2, path: 'flags[0].partnerAdvice', message: 'a high flag needs partner advice: what a police officer or other partner must do about "High"' }],
    });
  });
});
