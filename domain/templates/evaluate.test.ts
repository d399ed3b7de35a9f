import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { evaluateResponse } from './evaluate';
import type { Item, Template } from './template-schema';
import { validateTemplate } from './validate-template';

// A template with every kind of item, used to exercise the engine rather than a scale.
const sink: Template = {
  id: 'sink',
  version: 1,
  title: 'Every kind of item',
  sections: [
    {
      id: 'a',
      title: 'A',
      items: [
        { id: 'intro', kind: 'info', label: 'Read this first', required: false },
        { id: 'name', kind: 'text', label: 'Name', required: true, maxLength: 10 },
        { id: 'notes', kind: 'text', label: 'Notes', required: false, multiline: true },
        { id: 'age', kind: 'number', label: 'Age', unit: 'years', integer: true, min: 0, max: 120, required: true },
        { id: 'temp', kind: 'number', label: 'Temperature', unit: '°C', min: 30, max: 45, required: false },
        { id: 'smoker', kind: 'yesNo', label: 'Smokes?', required: true },
        {
          id: 'cigs', kind: 'number', label: 'Cigarettes a day', integer: true, min: 1, max: 100, required: true,
          enableWhen: { match: 'all', conditions: [{ item: 'smoker', op: 'equals', value: true }] },
        },
        {
          id: 'drug', kind: 'choice', label: 'Main drug', required: true,
          options: [{ value: 'heroin', label: 'Heroin' }, { value: 'crack', label: 'Crack cocaine' }, { value: 'cannabis', label: 'Cannabis' }],
        },
        {
          id: 'drugs', kind: 'multiChoice', label: 'Symptoms', required: true,
          options: [{ value: 'a', label: 'Aches', score: 1 }, { value: 'b', label: 'Blurred vision', score: 2 }, { value: 'c', label: 'Cramps', score: 4 }],
        },
        { id: 'seen', kind: 'date', label: 'Last seen', required: false },
        { id: 'arrived', kind: 'dateTime', label: 'Arrived', required: false },
        {
          id: 'mood', kind: 'scored', label: 'Mood', required: true,
          options: [{ value: '0', label: 'Good', score: 0 }, { value: '1', label: 'Fair', score: 1 }, { value: '3', label: 'Poor', score: 3 }],
        },
        { id: 'older', kind: 'text', label: 'Older person', required: false, enableWhen: { match: 'all', conditions: [{ item: 'age', op: 'greaterThan', value: 65 }] } },
        {
          id: 'young-or-seen', kind: 'text', label: 'Young, or seen before', required: false,
          enableWhen: { match: 'any', conditions: [{ item: 'age', op: 'lessThan', value: 18 }, { item: 'seen', op: 'answered' }] },
        },
        { id: 'seen-this-year', kind: 'text', label: 'Seen this year', required: false, enableWhen: { match: 'all', conditions: [{ item: 'seen', op: 'greaterThan', value: '2024-12-31' }] } },
      ],
    },
  ],
  scores: [
    {
      id: 'sum', label: 'Sum', items: ['drugs', 'mood'],
      bands: [{ min: 0, max: 3, label: 'Low', severity: 'low' }, { min: 4, max: 10, label: 'High', severity: 'high' }],
    },
  ],
  flags: [
    { id: 'opioid', code: 'OPIOID_USE', label: 'Opioid use', reason: 'Main drug is heroin', partnerAdvice: 'Tell healthcare', when: { kind: 'answers', match: 'all', conditions: [{ item: 'drug', op: 'equals', value: 'heroin' }] } },
    { id: 'cramps', code: 'CRAMPS', label: 'Cramps', reason: 'Cramps reported', severity: 'moderate', when: { kind: 'answers', match: 'any', conditions: [{ item: 'drugs', op: 'equals', value: 'c' }] } },
    { id: 'high', code: 'HIGH', label: 'High', reason: 'Sum is high', partnerAdvice: 'Call healthcare now', when: { kind: 'scoreBand', score: 'sum', bands: ['High'] } },
  ],
  codes: [
    {
      id: 'heroin-smoker', system: 'http://snomed.info/sct', code: '75544000', display: 'Opioid dependence',
      when: { kind: 'answers', match: 'all', conditions: [{ item: 'drug', op: 'equals', value: 'heroin' }, { item: 'smoker', op: 'equals', value: true }] },
    },
  ],
};

const good: Answers = { name: 'Sam', age: 40, smoker: false, drug: 'crack', drugs: ['a'], mood: '1' };

describe('evaluateResponse', () => {
  it('the test template is itself valid', () => {
    expect(validateTemplate(sink)).toMatchObject({ ok: true });
  });

  it('a complete, valid set: no issues, score and band, no flags or codes that do not hold', () => {
    const e = evaluateResponse(sink, good);
    expect(e.issues).toEqual([]);
    expect(e.enabledItems).toEqual(['intro', 'name', 'notes', 'age', 'temp', 'smoker', 'drug', 'drugs', 'seen', 'arrived', 'mood']);
    // Symptoms "Aches" 1 + mood "Fair" 1 = 2 -> Low (0-3).
    expect(e.scores).toEqual([{ id: 'sum', label: 'Sum', value: 2, max: 10, complete: true, missing: [], band: { label: 'Low', severity: 'low', min: 0, max: 3 } }]);
    expect(e.flags).toEqual([]);
    expect(e.codes).toEqual([]);
  });

  it('derives flags and codes, saying why', () => {
    // Aches 1 + Cramps 4 + mood Poor 3 = 8 -> High.
    const e = evaluateResponse(sink, { ...good, drug: 'heroin', smoker: true, cigs: 20, drugs: ['a', 'c'], mood: '3' });
    expect(e.flags).toEqual([
      { ruleId: 'opioid', code: 'OPIOID_USE', label: 'Opioid use', reason: 'Main drug is heroin', severity: 'high', partnerAdvice: 'Tell healthcare', because: 'Main drug: Heroin' },
      { ruleId: 'cramps', code: 'CRAMPS', label: 'Cramps', reason: 'Cramps reported', severity: 'moderate', because: 'Symptoms: Aches; Cramps' },
      { ruleId: 'high', code: 'HIGH', label: 'High', reason: 'Sum is high', severity: 'high', partnerAdvice: 'Call healthcare now', because: 'Sum 8: High' },
    ]);
    expect(e.codes).toEqual([{ ruleId: 'heroin-smoker', system: 'http://snomed.info/sct', code: '75544000', display: 'Opioid dependence' }]);
  });

  it('reports every problem at once, each at its item, in form order', () => {
    const e = evaluateResponse(sink, {
      intro: 'typed into an info item',
      name: 'Alexandrina Victoria',
      age: 121,
      temp: 29.9,
      smoker: 'yes',
      drug: 'meth',
      drugs: ['a', 'a'],
      seen: '2023-02-29',
      arrived: '2025-03-01T10:00:00',
      mood: 2,
      bogus: 'x',
    });
    expect(e.issues).toEqual([
      { itemId: 'intro', kind: 'invalid', message: 'This is information only and takes no answer' },
      { itemId: 'name', kind: 'tooLong', message: 'Enter no more than 10 characters (you entered 20)' },
      { itemId: 'age', kind: 'outOfRange', message: 'Enter a value between 0 and 120 years' },
      { itemId: 'temp', kind: 'outOfRange', message: 'Enter a value between 30 and 45 °C' },
      { itemId: 'smoker', kind: 'invalid', message: 'Select yes or no' },
      { itemId: 'drug', kind: 'unknownOption', message: '"meth" is not one of the options for this question' },
      { itemId: 'drugs', kind: 'invalid', message: 'Each option can be chosen only once' },
      { itemId: 'seen', kind: 'invalid', message: 'Enter a real date' },
      { itemId: 'arrived', kind: 'invalid', message: 'Enter a real date and time, with its time zone' },
      { itemId: 'mood', kind: 'invalid', message: 'Select one of the options' },
      { itemId: 'bogus', kind: 'unknownItem', message: 'There is no question "bogus" in Every kind of item (version 1)' },
    ]);
    expect(evaluateResponse(sink, { ...good, drugs: ['a', 'z'] }).issues).toEqual([
      { itemId: 'drugs', kind: 'unknownOption', message: '"z" is not one of the options for this question' },
    ]);
    expect(evaluateResponse(sink, { ...good, age: 'forty' }).issues).toEqual([{ itemId: 'age', kind: 'invalid', message: 'Enter a number' }]);
    expect(evaluateResponse(sink, { ...good, age: Number.NaN }).issues[0]?.kind).toBe('invalid');
  });

  it('treats null, blank text and an empty selection as not answered', () => {
    const e = evaluateResponse(sink, { name: '   ', age: null, smoker: null, drug: '', drugs: [], mood: null, notes: '' });
    expect(e.issues).toEqual([
      { itemId: 'name', kind: 'required', message: 'Enter an answer' },
      { itemId: 'age', kind: 'required', message: 'Enter a number' },
      { itemId: 'smoker', kind: 'required', message: 'Select yes or no' },
      { itemId: 'drug', kind: 'required', message: 'Select an answer' },
      { itemId: 'drugs', kind: 'required', message: 'Select at least one option' },
      { itemId: 'mood', kind: 'required', message: 'Select an answer' },
    ]);
  });

  it('enables a conditional item only while its condition holds, and then requires it', () => {
    expect(evaluateResponse(sink, { ...good, smoker: true }).issues).toEqual([{ itemId: 'cigs', kind: 'required', message: 'Enter a number' }]);
    expect(evaluateResponse(sink, { ...good, smoker: true, cigs: 10 }).issues).toEqual([]);
    // Not a smoker: the question is not shown; an answer left in it is reported, not used.
    const e = evaluateResponse(sink, { ...good, smoker: false, cigs: 10 });
    expect(e.enabledItems).not.toContain('cigs');
    expect(e.issues).toEqual([{ itemId: 'cigs', kind: 'notApplicable', message: expect.stringMatching(/does not apply/) }]);
  });

  it('compares numbers and dates, combines with all/any, and tests presence', () => {
    const enabled = (a: Answers) => evaluateResponse(sink, { ...good, ...a }).enabledItems.filter((id) => ['older', 'young-or-seen', 'seen-this-year'].includes(id));
    expect(enabled({ age: 65 })).toEqual([]);
    expect(enabled({ age: 66 })).toEqual(['older']);
    expect(enabled({ age: 17 })).toEqual(['young-or-seen']); // any: age < 18
    expect(enabled({ seen: '2024-12-31' })).toEqual(['young-or-seen']); // any: seen answered; not after 2024-12-31
    expect(enabled({ seen: '2025-01-01' })).toEqual(['young-or-seen', 'seen-this-year']);
    // An invalid answer counts as no answer: it switches nothing on.
    expect(enabled({ age: 200 })).toEqual([]);
    expect(enabled({ seen: '2025-13-01' })).toEqual([]);
  });

  it('ignores inherited properties of the answers object', () => {
    const inherited = Object.create({ mood: '3' }) as Answers;
    expect(evaluateResponse(sink, inherited).issues.some((i) => i.itemId === 'mood' && i.kind === 'required')).toBe(true);
  });

  it('evaluates a 60-item template in well under 1 ms', () => {
    // 60 scored items, each after the first enabled by the one before it (a chain of conditions).
    const items: Item[] = Array.from({ length: 60 }, (_, i) => ({
      id: `i${i}`,
      kind: 'scored' as const,
      label: `Item ${i}`,
      required: true,
      options: [0, 1, 2, 3].map((s) => ({ value: String(s), label: `${s}`, score: s })),
      ...(i > 0 ? { enableWhen: { match: 'all' as const, conditions: [{ item: `i${i - 1}`, op: 'answered' as const }] } } : {}),
    }));
    const big: Template = {
      id: 'big', version: 1, title: 'Big', sections: [{ id: 's', title: 'S', items }], flags: [], codes: [],
      scores: [{ id: 't', label: 'T', items: items.map((i) => i.id), bands: [{ min: 0, max: 90, label: 'Lower', severity: 'low' }, { min: 91, max: 180, label: 'Upper', severity: 'high' }] }],
    };
    expect(validateTemplate(big).ok).toBe(true);
    const a: Answers = Object.fromEntries(items.map((item, i) => [item.id, String(i % 4 === 2 ? 3 : i % 4)]));
    for (let i = 0; i < 200; i++) evaluateResponse(big, a); // warm up
    const runs = 2000;
    const start = performance.now();
    for (let i = 0; i < runs; i++) evaluateResponse(big, a);
    const perRun = (performance.now() - start) / runs;
    expect(evaluateResponse(big, a).scores[0]).toMatchObject({ complete: true, value: 15 * (0 + 1 + 3 + 3) });
    expect(perRun).toBeLessThan(0.5);
  });
});
