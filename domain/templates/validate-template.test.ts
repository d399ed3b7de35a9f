import { describe, expect, it } from 'vitest';
import type { Template } from './template-schema';
import { formatPath, validateTemplate } from './validate-template';

// A small valid template; each test breaks one thing (or several) and reads the problems back.
function base(): Template {
  return {
    id: 'mini',
    version: 1,
    title: 'Mini',
    sections: [
      {
        id: 's1',
        title: 'One',
        items: [
          { id: 'a', kind: 'scored', label: 'A', required: true, options: [{ value: '0', label: 'None', score: 0 }, { value: '2', label: 'Some', score: 2 }] },
          { id: 'b', kind: 'yesNo', label: 'B', required: true },
          { id: 'c', kind: 'number', label: 'C', required: true, integer: true, min: 0, max: 200 },
          { id: 'd', kind: 'text', label: 'D', required: false, enableWhen: { match: 'all', conditions: [{ item: 'b', op: 'equals', value: true }] } },
        ],
      },
    ],
    scores: [
      {
        id: 'total',
        label: 'Total',
        items: ['a', 'c'],
        numberBands: { c: [{ max: 99, points: 0 }, { min: 100, points: 1 }] },
        max: 3,
        bands: [{ min: 0, max: 1, label: 'Low', severity: 'low' }, { min: 2, max: 3, label: 'High', severity: 'high' }],
      },
    ],
    flags: [{ id: 'f', code: 'HIGH', label: 'High', reason: 'High total', partnerAdvice: 'Call healthcare now', when: { kind: 'scoreBand', score: 'total', bands: ['High'] } }],
    codes: [{ id: 'k', system: 'http://snomed.info/sct', code: '66590003', display: 'Alcohol dependence', when: { kind: 'answers', match: 'all', conditions: [{ item: 'b', op: 'equals', value: true }] } }],
  };
}

function problems(t: unknown): string[] {
  const r = validateTemplate(t);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('validateTemplate', () => {
  it('accepts a valid template and returns it parsed', () => {
    expect(validateTemplate(base())).toEqual({ ok: true, template: base() });
  });

  it('reports shape problems with their paths (all of them)', () => {
    const t = base() as unknown as { version: number; sections: { items: Record<string, unknown>[] }[] };
    t.version = 0;
    t.sections[0]!.items[0]!.label = '';
    t.sections[0]!.items[1]!.kind = 'slider';
    expect(problems(t)).toEqual([
      expect.stringMatching(/^version: Too small/),
      'sections[0].items[0].label: must not be empty',
      expect.stringMatching(/^sections\[0\]\.items\[1\]\.kind: Invalid discriminator value/),
    ]);
    expect(problems({ ...base(), id: 'Bad Id' })).toEqual(['id: use lower-case letters, digits and hyphens, starting with a letter']);
  });

  it('finds duplicate ids and option values', () => {
    const t = base();
    t.sections[0]!.items[1] = { ...t.sections[0]!.items[1]!, id: 'a' } as Template['sections'][0]['items'][0];
    const a = t.sections[0]!.items[0]!;
    if (a.kind === 'scored') a.options.push({ value: '0', label: 'Again', score: 1 });
    t.flags.push({ ...t.flags[0]! });
    expect(problems(t)).toEqual(expect.arrayContaining([
      'sections[0].items[0].id: Item id "a" is used more than once',
      'sections[0].items[1].id: Item id "a" is used more than once',
      'sections[0].items[0].options[0].value: option value "0" is used more than once',
      'sections[0].items[0].options[2].value: option value "0" is used more than once',
      'flags[1].id: Flag rule id "f" is used more than once',
    ]));
  });

  it('requires enableWhen to refer to an earlier, existing item with a fitting value', () => {
    const t = base();
    t.sections[0]!.items[0] = { ...t.sections[0]!.items[0]!, enableWhen: { match: 'all', conditions: [{ item: 'b', op: 'answered' }] } };
    t.sections[0]!.items[3]!.enableWhen = {
      match: 'any',
      conditions: [
        { item: 'zz', op: 'answered' },
        { item: 'a', op: 'equals', value: '7' },
        { item: 'b', op: 'equals', value: 'yes' },
        { item: 'b', op: 'greaterThan', value: 1 },
        { item: 'c', op: 'lessThan', value: '10' },
      ],
    };
    expect(problems(t)).toEqual(expect.arrayContaining([
      'sections[0].items[0].enableWhen.conditions[0].item: refers to "b", which does not come before this item (conditions may refer to earlier items only)',
      'sections[0].items[3].enableWhen.conditions[0].item: refers to "zz", which is not an item of this template',
      'sections[0].items[3].enableWhen.conditions[1]: "7" is not an option of "a"',
      'sections[0].items[3].enableWhen.conditions[2]: a yes/no item is compared with true or false',
      'sections[0].items[3].enableWhen.conditions[3]: greaterThan applies to number and date items only',
      'sections[0].items[3].enableWhen.conditions[4]: compare a number item with a number',
    ]));
  });

  it('requires score bands in order, without gaps or overlaps, covering exactly the possible range', () => {
    const gap = base();
    gap.scores[0]!.bands = [{ min: 0, max: 1, label: 'Low', severity: 'low' }, { min: 3, max: 3, label: 'High', severity: 'high' }];
    expect(problems(gap)).toEqual(["scores[0].bands[1].min: must be 2, right after the previous band's max 1 (bands in ascending order, no gap, no overlap)"]);

    const overlap = base();
    overlap.scores[0]!.bands = [{ min: 0, max: 2, label: 'Low', severity: 'low' }, { min: 2, max: 3, label: 'High', severity: 'high' }];
    expect(problems(overlap)).toEqual(["scores[0].bands[1].min: must be 3, right after the previous band's max 2 (bands in ascending order, no gap, no overlap)"]);

    const short = base();
    short.scores[0]!.bands = [{ min: 1, max: 1, label: 'Low', severity: 'low' }, { min: 2, max: 2, label: 'High', severity: 'high' }];
    short.scores[0]!.max = 4;
    expect(problems(short)).toEqual([
      'scores[0].bands[0].min: the lowest possible total is 0: the first band must start there',
      'scores[0].bands[1].max: the highest possible total is 3: the last band must end there',
      'scores[0].max: is 4 but the items allow at most 3',
    ]);
  });

  it('checks what a score may count', () => {
    const t = base();
    t.scores[0]!.items = ['a', 'b', 'd', 'nope', 'a'];
    t.scores[0]!.numberBands = {};
    expect(problems(t)).toEqual(expect.arrayContaining([
      'scores[0].items[1]: "b": a yesNo item cannot be scored (use a scored item)',
      'scores[0].items[2]: "d" is part of a total and must be required',
      'scores[0].items[2]: "d": a text item cannot be scored (use a scored item)',
      'scores[0].items[3]: refers to "nope", which is not an item of this template',
      'scores[0].items[4]: "a" is counted more than once',
    ]));
    const unscoredChoice = base();
    unscoredChoice.sections[0]!.items[0] = { id: 'a', kind: 'choice', label: 'A', required: true, options: [{ value: 'x', label: 'X' }] };
    expect(problems(unscoredChoice)).toContain('scores[0].items[0]: "a": every option of a scored item needs a score');
  });

  it('checks numberBands: whole-number items only, contiguous, covering the item range', () => {
    const t = base();
    t.scores[0]!.numberBands = { c: [{ min: 10, max: 50, points: 0 }, { min: 60, max: 150, points: 1 }] };
    expect(problems(t)).toEqual([
      "scores[0].numberBands.c[1].min: must be 51, right after the previous band's max 50 (no gap, no overlap)",
      "scores[0].numberBands.c[0].min: leaves answers below 10 without points: start at the item's min or leave min open",
      "scores[0].numberBands.c[1].max: leaves answers above 150 without points: end at the item's max or leave max open",
    ]);
    const notInteger = base();
    const c = notInteger.sections[0]!.items[2]!;
    if (c.kind === 'number') c.integer = false;
    expect(problems(notInteger)).toContain('scores[0].numberBands.c: numberBands apply to whole-number items only ("c" is not one)');
  });

  it('checks flag and code triggers and SNOMED CT ids', () => {
    const t = base();
    t.flags[0]!.when = { kind: 'scoreBand', score: 'total', bands: ['Severe'] };
    t.flags.push({ id: 'g', code: 'G', label: 'G', reason: 'G', when: { kind: 'scoreBand', score: 'other', bands: ['High'] } });
    t.codes[0]!.code = '66590004'; // last digit mistyped
    t.codes[0]!.when = { kind: 'answers', match: 'all', conditions: [{ item: 'missing', op: 'answered' }] };
    expect(problems(t)).toEqual([
      'flags[0].when.bands[0]: "Severe" is not a band of score "total"',
      'flags[1].when.score: refers to score "other", which this template does not have',
      'codes[0].when.conditions[0].item: refers to "missing", which is not an item of this template',
      'codes[0].code: "66590004": the check digit does not match: check the code has been copied correctly',
      'flags[1].partnerAdvice: a high flag needs partner advice: what a police officer or other partner must do about "G"',
    ]);
  });

  it('requires partner advice on high and severe flags (and on a flag with no severity, which counts as high), unless checking an earlier version', () => {
    const t = base();
    t.flags = [
      { id: 'h', code: 'H', label: 'Withdrawal', reason: 'r', severity: 'high', when: t.flags[0]!.when },
      { id: 's', code: 'S', label: 'Not fit', reason: 'r', severity: 'severe', when: t.flags[0]!.when },
      { id: 'd', code: 'D', label: 'Default', reason: 'r', when: t.flags[0]!.when },
      { id: 'm', code: 'M', label: 'Moderate', reason: 'r', severity: 'moderate', when: t.flags[0]!.when },
    ];
    expect(problems(t)).toEqual([
      'flags[0].partnerAdvice: a high flag needs partner advice: what a police officer or other partner must do about "Withdrawal"',
      'flags[1].partnerAdvice: a severe flag needs partner advice: what a police officer or other partner must do about "Not fit"',
      'flags[2].partnerAdvice: a high flag needs partner advice: what a police officer or other partner must do about "Default"',
    ]);
    expect(validateTemplate(t, { earlierVersion: true }).ok).toBe(true);
  });

  it('checks anyOf triggers, advice rules, carried answers and body-map conditions, each at its path', () => {
    const t = base();
    t.sections[0]!.items.push({ id: 'map', kind: 'bodyMap', label: 'Body map', required: false });
    t.flags[0]!.when = {
      kind: 'anyOf',
      triggers: [
        { kind: 'scoreBand', score: 'total', bands: ['Nope'] },
        { kind: 'answers', match: 'all', conditions: [{ item: 'map', op: 'equals', value: 'elbow' }] },
      ],
    };
    t.flags[0]!.withAnswers = ['d', 'ghost'];
    t.advice = [
      { id: 'x', urgency: 'action', text: 'Do this', when: { kind: 'answers', match: 'all', conditions: [{ item: 'map', op: 'equals', value: 'head-front' }] } },
      { id: 'x', urgency: 'emergency', text: 'Now', when: { kind: 'scoreBand', score: 'none', bands: ['High'] }, withAnswers: ['a'] },
    ];
    expect([...problems(t)].sort()).toEqual([
      'advice[0].id: Advice rule id "x" is used more than once',
      'advice[1].id: Advice rule id "x" is used more than once',
      'advice[1].when.score: refers to score "none", which this template does not have',
      'flags[0].when.triggers[0].bands[0]: "Nope" is not a band of score "total"',
      'flags[0].when.triggers[1].conditions[0]: "elbow" is not an area of the body map',
      'flags[0].withAnswers[1]: refers to "ghost", which is not an item of this template',
    ]);
  });

  it('formats paths for people', () => {
    expect(formatPath(['sections', 0, 'items', 3, 'enableWhen', 'conditions', 1, 'item'])).toBe('sections[0].items[3].enableWhen.conditions[1].item');
    expect(formatPath([])).toBe('');
  });
});
