// The engine additions of issue 14 on a small template: anyOf triggers, carried answers, advice
// (emergencies first, saved with the response, shown again from what was saved), task roles and
// the body map item.
import { describe, expect, it } from 'vitest';
import { formatAnswer, formatClinicalDateTime } from './answers';
import { BODY_MAP_REGIONS, HEAD_REGIONS } from './body-map';
import { displayResponse } from './display';
import { evaluateResponse } from './evaluate';
import { createTemplateRegistry } from './registry';
import { finaliseResponse } from './response';
import type { Template } from './template-schema';
import { validateTemplate } from './validate-template';

const t: Template = {
  id: 'mini-custody',
  version: 1,
  title: 'Mini custody check',
  sections: [
    {
      id: 's',
      title: 'Check',
      items: [
        { id: 'drunk', kind: 'yesNo', label: 'Intoxicated?', required: true },
        { id: 'head', kind: 'yesNo', label: 'Head injury?', required: true },
        { id: 'rouse', kind: 'choice', label: 'Rousing', required: true, options: [{ value: '30', label: 'Every 30 minutes' }, { value: '60', label: 'Every 60 minutes' }] },
        { id: 'why', kind: 'text', label: 'Rationale', required: false },
        { id: 'map', kind: 'bodyMap', label: 'Body map', required: false },
        { id: 'wakes', kind: 'yesNo', label: 'Wakes?', required: true },
      ],
    },
  ],
  scores: [],
  flags: [
    {
      id: 'below',
      code: 'BELOW',
      label: 'Rousing below minimum',
      reason: 'Rousing below PACE',
      severity: 'severe',
      partnerAdvice: 'Rouse every 30 minutes',
      when: {
        kind: 'anyOf',
        triggers: [
          { kind: 'answers', match: 'all', conditions: [{ item: 'drunk', op: 'equals', value: true }, { item: 'rouse', op: 'equals', value: '60' }] },
          { kind: 'answers', match: 'all', conditions: [{ item: 'head', op: 'equals', value: true }, { item: 'rouse', op: 'equals', value: '60' }] },
        ],
      },
      withAnswers: ['why', 'map'],
    },
  ],
  codes: [],
  advice: [
    { id: 'head', urgency: 'action', text: 'Watch for head injury warning signs', when: { kind: 'answers', match: 'any', conditions: HEAD_REGIONS.map((r) => ({ item: 'map', op: 'equals' as const, value: r })) } },
    { id: 'emergency', urgency: 'emergency', text: 'Call an ambulance', when: { kind: 'answers', match: 'all', conditions: [{ item: 'wakes', op: 'equals', value: false }] } },
  ],
  effects: [{ kind: 'task', id: 'review', taskKind: 'review', title: 'Review', dueInDays: 0, forRole: 'prescriber', when: { kind: 'answers', match: 'all', conditions: [{ item: 'head', op: 'equals', value: true }] }, withAnswers: ['why'] }],
};

const calm = { drunk: false, head: false, rouse: '60', wakes: true };

describe('anyOf triggers, carried answers, advice and the body map', () => {
  it('the test template is valid', () => {
    expect(validateTemplate(t)).toEqual({ ok: true, template: t });
  });

  it('anyOf holds when any situation holds and names every one that does; carried answers follow, only when given', () => {
    expect(evaluateResponse(t, calm).flags).toEqual([]);
    expect(evaluateResponse(t, { ...calm, drunk: true }).flags[0]!.because).toBe('Intoxicated?: Yes; Rousing: Every 60 minutes');
    const both = evaluateResponse(t, { ...calm, drunk: true, head: true, why: 'Sober by 02:00', map: ['head-front'] });
    expect(both.flags[0]!.because).toBe(
      'Intoxicated?: Yes; Rousing: Every 60 minutes; or Head injury?: Yes; Rousing: Every 60 minutes. Rationale: Sober by 02:00; Body map: Head and face',
    );
    expect(both.effects).toEqual([{ kind: 'task', ruleId: 'review', taskKind: 'review', title: 'Review', dueInDays: 0, forRole: 'prescriber', because: 'Head injury?: Yes. Rationale: Sober by 02:00' }]);
  });

  it('advice: emergencies first, whatever their order in the template; a body-map region can trigger it', () => {
    const e = evaluateResponse(t, { ...calm, wakes: false, map: ['head-back'] });
    expect(e.advice.map((a) => [a.ruleId, a.urgency])).toEqual([
      ['emergency', 'emergency'],
      ['head', 'action'],
    ]);
    expect(e.advice[1]!.because).toBe('Body map: Back of head');
  });

  it('saved advice is shown from what was saved, even if the template changes later', () => {
    const saved = finaliseResponse(t, { ...calm, wakes: false }, { id: 'r1', at: '2026-12-01T02:00:00Z', by: 'hcp' });
    if (!saved.ok) throw new Error('expected to save');
    expect(saved.response.advice).toEqual([{ ruleId: 'emergency', urgency: 'emergency', text: 'Call an ambulance', because: 'Wakes?: No' }]);
    const v2 = { ...t, version: 2, advice: [] };
    const registry = createTemplateRegistry([t, v2]);
    if (!registry.ok) throw new Error('expected a registry');
    expect(displayResponse(saved.response, registry.registry).advice).toEqual(saved.response.advice);
  });

  it('body map answers: known regions, each once; read back as region labels', () => {
    const issues = (map: unknown) => evaluateResponse(t, { ...calm, map: map as string[] }).issues;
    expect(issues(['left-calf', 'abdomen'])).toEqual([]);
    expect(issues(['elbow'])).toEqual([{ itemId: 'map', kind: 'unknownOption', message: '"elbow" is not an area of the body map' }]);
    expect(issues(['abdomen', 'abdomen'])).toEqual([{ itemId: 'map', kind: 'invalid', message: 'Each area can be marked only once' }]);
    expect(issues('abdomen')).toEqual([{ itemId: 'map', kind: 'invalid', message: 'Mark areas of the body' }]);
    expect(formatAnswer(t.sections[0]!.items[4]!, ['abdomen', 'right-foot'])).toBe('Abdomen; Right foot and ankle');
  });

  it('the region list: unique values, front and back, head regions marked, marks inside the outline', () => {
    const values = BODY_MAP_REGIONS.map((r) => r.value);
    expect(new Set(values).size).toBe(values.length);
    expect(HEAD_REGIONS).toEqual(['head-front', 'head-back']);
    for (const r of BODY_MAP_REGIONS) {
      expect(r.x, r.value).toBeGreaterThanOrEqual(0);
      expect(r.x, r.value).toBeLessThanOrEqual(100);
      expect(r.y, r.value).toBeGreaterThanOrEqual(0);
      expect(r.y, r.value).toBeLessThanOrEqual(220);
    }
  });

  it('date-time answers read dd-Mmm-yyyy HH:mm in UK time, in summer and in winter', () => {
    expect(formatClinicalDateTime('2026-12-01T08:30:00Z')).toBe('01-Dec-2026 08:30');
    expect(formatClinicalDateTime('2026-09-15T23:30:00Z')).toBe('16-Sep-2026 00:30');
    expect(formatClinicalDateTime('2026-07-01T08:30:00.000+01:00')).toBe('01-Jul-2026 08:30');
    expect(formatClinicalDateTime('yesterday')).toBe('yesterday');
  });
});
