// The engine's "Not disclosed" answer and its cross-item checks, on small templates made for the test.
import { describe, expect, it } from 'vitest';
import { NOT_DISCLOSED, formatAnswer } from './answers';
import { evaluateResponse } from './evaluate';
import { templateItems, type Template } from './template-schema';
import { validateTemplate } from './validate-template';

const base: Template = {
  id: 'check-test',
  version: 1,
  title: 'Check test',
  sections: [
    {
      id: 's',
      title: 'S',
      items: [
        { id: 'a', kind: 'number', label: 'A', integer: true, min: 0, max: 20, required: true, notDisclosed: true },
        { id: 'b', kind: 'number', label: 'B', integer: true, min: 0, max: 20, required: true },
        { id: 'c', kind: 'number', label: 'C', integer: true, min: 0, max: 40, required: true },
        { id: 'used', kind: 'yesNo', label: 'Used?', required: true, notDisclosed: true },
        { id: 'd', kind: 'number', label: 'D', integer: true, min: 0, max: 20, required: true, enableWhen: { match: 'all', conditions: [{ item: 'used', op: 'equals', value: true }] } },
      ],
    },
  ],
  scores: [],
  flags: [],
  codes: [],
  checks: [
    { kind: 'sumBetween', id: 'a-plus-b', items: ['a', 'b'], min: 0, max: 28, message: 'A and B must add up to 0-28' },
    { kind: 'atMostSumOf', id: 'c-within', item: 'c', of: ['a', 'b', 'd'], message: 'C cannot be more than A, B and D together' },
  ],
};

const issues = (answers: Record<string, unknown>) => evaluateResponse(base, answers as never).issues.map((i) => `${i.itemId} ${i.kind}: ${i.message}`);

describe('cross-item checks', () => {
  it('sumBetween: reports at the last item, with the sum and the range', () => {
    expect(issues({ a: 14, b: 14, c: 0, used: false })).toEqual([]);
    expect(issues({ a: 15, b: 14, c: 0, used: false })).toEqual(['b inconsistent: A and B must add up to 0-28 (they add up to 29; allowed 0 to 28)']);
  });

  it('atMostSumOf: disabled items count 0, enabled ones must be numbers', () => {
    expect(issues({ a: 1, b: 1, c: 2, used: false })).toEqual([]);
    expect(issues({ a: 1, b: 1, c: 3, used: false })).toEqual(['c inconsistent: C cannot be more than A, B and D together (3 is more than 2)']);
    expect(issues({ a: 1, b: 1, c: 3, used: true, d: 1 })).toEqual([]);
    // D is asked but unanswered: the check waits (the missing answer is asked for instead).
    expect(issues({ a: 1, b: 1, c: 30, used: true })).toEqual(['d required: Enter a number']);
  });

  it('a check touching a "Not disclosed" answer is not applied', () => {
    expect(issues({ a: NOT_DISCLOSED, b: 14, c: 40, used: false })).toEqual([]);
  });
});

describe('"Not disclosed"', () => {
  it('is valid only where the item allows it', () => {
    expect(issues({ a: NOT_DISCLOSED, b: 0, c: 0, used: NOT_DISCLOSED })).toEqual([]);
    expect(issues({ a: 0, b: NOT_DISCLOSED, c: 0, used: false })).toEqual(['b invalid: Enter a number']);
  });

  it('counts as answered but makes no comparison true', () => {
    const e = evaluateResponse(base, { a: 0, b: 0, c: 0, used: NOT_DISCLOSED });
    expect(e.enabledItems).not.toContain('d');
    const notEquals: Template = {
      ...base,
      checks: [],
      sections: [
        {
          id: 's',
          title: 'S',
          items: [
            { id: 'used', kind: 'yesNo', label: 'Used?', required: true, notDisclosed: true },
            { id: 'x', kind: 'text', label: 'Asked when not no', required: false, enableWhen: { match: 'all', conditions: [{ item: 'used', op: 'notEquals', value: false }] } },
            { id: 'y', kind: 'text', label: 'Asked when answered', required: false, enableWhen: { match: 'all', conditions: [{ item: 'used', op: 'answered' }] } },
          ],
        },
      ],
    };
    expect(evaluateResponse(notEquals, { used: NOT_DISCLOSED }).enabledItems).toEqual(['used', 'y']);
  });

  it('reads "Not disclosed", never 0', () => {
    const a = templateItems(base).find((i) => i.id === 'a')!;
    expect(formatAnswer(a, NOT_DISCLOSED)).toBe('Not disclosed');
  });
});

describe('template validation of checks and "Not disclosed"', () => {
  const problems = (t: unknown) => {
    const r = validateTemplate(t);
    return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('accepts the test template', () => {
    expect(problems(base)).toEqual([]);
  });

  it('names every problem of a check: unknown item, not a number, named twice, impossible range, duplicate id', () => {
    const t = {
      ...base,
      checks: [
        { kind: 'sumBetween', id: 'x', items: ['a', 'nope'], min: 5, max: 1, message: 'm' },
        { kind: 'atMostSumOf', id: 'x', item: 'used', of: ['a', 'a'], message: 'm' },
      ],
    };
    expect(problems(t)).toEqual([
      'checks[0].id: Check id "x" is used more than once',
      'checks[1].id: Check id "x" is used more than once',
      'checks[0].items[1]: refers to "nope", which is not an item of this template',
      'checks[0].min: min 5 is above max 1',
      'checks[1].item: "used" is not a number item: checks add up numbers',
      'checks[1].of[0]: "a" is named more than once in this check',
      'checks[1].of[1]: "a" is named more than once in this check',
    ]);
  });

  it('refuses "Not disclosed" on an item counted in a score, on an information item, and as an option value', () => {
    const t: Template = {
      ...base,
      checks: [],
      sections: [
        {
          id: 's',
          title: 'S',
          items: [
            { id: 'n', kind: 'info', label: 'Info', required: false, notDisclosed: true },
            { id: 'q', kind: 'scored', label: 'Q', required: true, notDisclosed: true, options: [{ value: '0', label: 'None', score: 0 }, { value: NOT_DISCLOSED, label: 'Declined', score: 1 }] },
          ],
        },
      ],
      scores: [{ id: 'total', label: 'Total', items: ['q'], bands: [{ min: 0, max: 1, label: 'Any', severity: 'none' }] }],
    };
    expect(problems(t)).toEqual([
      'sections[0].items[0].notDisclosed: an information item takes no answer, so it cannot be "Not disclosed"',
      'sections[0].items[1].options[1].value: "not-disclosed" is the "Not disclosed" answer: choose another option value',
      'scores[0].items[0]: "q" may be answered "Not disclosed", so it cannot be counted in a total (a total must be complete)',
    ]);
  });
});
