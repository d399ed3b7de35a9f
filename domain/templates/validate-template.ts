// Checks a template (as data, from anywhere) before it is used: its shape, then everything that
// needs the whole template. Every problem is returned with its path, not just the first, so an
// author fixes a template in one pass (the Medplum habit).
//
// Some rules are for the version offered for new responses only ("authoring rules", below): a
// version published before a rule existed stays registered, so the responses made with it still
// show and can be amended, but the next version must meet the rule.
import { NOT_DISCLOSED } from './answers';
import { bodyRegion } from './body-map';
import { sctidConceptProblem } from './sctid';
import { itemPointRange, scoreRange } from './scoring';
import {
  templateItems,
  templateSchema,
  type CheckRule,
  type Condition,
  type Item,
  type NumberBand,
  type ScoreRule,
  type Severity,
  type SimpleTrigger,
  type Template,
  type Trigger,
} from './template-schema';

export type TemplateProblem = { path: string; message: string };

export type TemplateCheck = { ok: true; template: Template } | { ok: false; problems: TemplateProblem[] };

/** ['sections', 0, 'items', 3, 'id'] -> "sections[0].items[3].id". */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

class Problems {
  readonly list: TemplateProblem[] = [];
  add(path: readonly PropertyKey[], message: string): void {
    this.list.push({ path: formatPath(path), message });
  }
}

function duplicates(ids: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

function checkUnique(out: Problems, entries: readonly { id: string; path: PropertyKey[] }[], what: string): void {
  const dup = duplicates(entries.map((e) => e.id));
  for (const e of entries) if (dup.has(e.id)) out.add([...e.path, 'id'], `${what} id "${e.id}" is used more than once`);
}

/** Whether a condition can ever be true of this item: the operator fits its kind, the value its options. */
function conditionFitProblem(c: Condition, item: Item): string | null {
  if (item.kind === 'info') return `"${item.id}" is information only and has no answer to test`;
  if (c.op === 'answered') return null;
  if (c.op === 'greaterThan' || c.op === 'lessThan') {
    if (item.kind === 'number') return typeof c.value === 'number' ? null : 'compare a number item with a number';
    if (item.kind === 'date') return typeof c.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.value) ? null : 'compare a date item with a yyyy-mm-dd date';
    return `${c.op} applies to number and date items only`;
  }
  switch (item.kind) {
    case 'choice':
    case 'multiChoice':
    case 'scored':
      return typeof c.value === 'string' && item.options.some((o) => o.value === c.value) ? null : `"${String(c.value)}" is not an option of "${item.id}"`;
    case 'bodyMap':
      return typeof c.value === 'string' && bodyRegion(c.value) ? null : `"${String(c.value)}" is not an area of the body map`;
    case 'yesNo':
      return typeof c.value === 'boolean' ? null : 'a yes/no item is compared with true or false';
    case 'number':
      return typeof c.value === 'number' ? null : 'a number item is compared with a number';
    default:
      return typeof c.value === 'string' ? null : `a ${item.kind} item is compared with text`;
  }
}

function checkConditions(out: Problems, conditions: readonly Condition[], path: PropertyKey[], positions: ReadonlyMap<string, number>, items: readonly Item[], before?: number): void {
  conditions.forEach((c, i) => {
    const at = [...path, 'conditions', i, 'item'];
    const pos = positions.get(c.item);
    if (pos === undefined) return out.add(at, `refers to "${c.item}", which is not an item of this template`);
    if (before !== undefined && pos >= before) return out.add(at, `refers to "${c.item}", which does not come before this item (conditions may refer to earlier items only)`);
    const fit = conditionFitProblem(c, items[pos]!);
    if (fit) out.add([...path, 'conditions', i], fit);
  });
}

function checkNumberBands(out: Problems, bands: readonly NumberBand[], item: Item, path: PropertyKey[]): void {
  if (item.kind !== 'number' || !item.integer) return out.add(path, `numberBands apply to whole-number items only ("${item.id}" is not one)`);
  bands.forEach((b, i) => {
    if (b.min !== undefined && b.max !== undefined && b.min > b.max) out.add([...path, i], `min ${b.min} is above max ${b.max}`);
    if (b.min === undefined && i > 0) out.add([...path, i, 'min'], 'only the first band may be open below');
    if (b.max === undefined && i < bands.length - 1) out.add([...path, i, 'max'], 'only the last band may be open above');
    const prev = bands[i - 1];
    if (prev?.max !== undefined && b.min !== undefined && b.min !== prev.max + 1) {
      out.add([...path, i, 'min'], `must be ${prev.max + 1}, right after the previous band's max ${prev.max} (no gap, no overlap)`);
    }
  });
  const first = bands[0];
  const last = bands[bands.length - 1];
  if (first?.min !== undefined && (item.min === undefined || first.min > item.min)) {
    out.add([...path, 0, 'min'], `leaves answers below ${first.min} without points: start at the item's min or leave min open`);
  }
  if (last?.max !== undefined && (item.max === undefined || last.max < item.max)) {
    out.add([...path, bands.length - 1, 'max'], `leaves answers above ${last.max} without points: end at the item's max or leave max open`);
  }
}

function checkScore(out: Problems, rule: ScoreRule, path: PropertyKey[], byId: ReadonlyMap<string, Item>): void {
  const dup = duplicates(rule.items);
  rule.items.forEach((id, i) => {
    const item = byId.get(id);
    if (!item) return out.add([...path, 'items', i], `refers to "${id}", which is not an item of this template`);
    if (dup.has(id)) out.add([...path, 'items', i], `"${id}" is counted more than once`);
    // A total is complete only when all of its items are answered, so they must all be required
    // (a conditional item that is switched off adds nothing and is not awaited).
    if (!item.required) out.add([...path, 'items', i], `"${id}" is part of a total and must be required`);
    if (item.notDisclosed) out.add([...path, 'items', i], `"${id}" may be answered "Not disclosed", so it cannot be counted in a total (a total must be complete)`);
    const range = itemPointRange(item, rule.numberBands?.[id]);
    if (typeof range === 'string') out.add([...path, 'items', i], `"${id}": ${range}`);
  });
  for (const [id, bands] of Object.entries(rule.numberBands ?? {})) {
    const item = byId.get(id);
    if (!item || !rule.items.includes(id)) out.add([...path, 'numberBands', id], `"${id}" is not one of this total's items`);
    else checkNumberBands(out, bands, item, [...path, 'numberBands', id]);
  }
  const labels = duplicates(rule.bands.map((b) => b.label));
  rule.bands.forEach((b, i) => {
    if (b.min > b.max) out.add([...path, 'bands', i], `min ${b.min} is above max ${b.max}`);
    if (labels.has(b.label)) out.add([...path, 'bands', i, 'label'], `band label "${b.label}" is used more than once`);
    const prev = rule.bands[i - 1];
    if (prev && b.min !== prev.max + 1) {
      out.add([...path, 'bands', i, 'min'], `must be ${prev.max + 1}, right after the previous band's max ${prev.max} (bands in ascending order, no gap, no overlap)`);
    }
  });
  const range = scoreRange(rule, byId);
  if (!range) return;
  const first = rule.bands[0];
  const last = rule.bands[rule.bands.length - 1];
  if (first && first.min !== range.min) out.add([...path, 'bands', 0, 'min'], `the lowest possible total is ${range.min}: the first band must start there`);
  if (last && last.max !== range.max) out.add([...path, 'bands', rule.bands.length - 1, 'max'], `the highest possible total is ${range.max}: the last band must end there`);
  if (rule.max !== undefined && rule.max !== range.max) out.add([...path, 'max'], `is ${rule.max} but the items allow at most ${range.max}`);
}

type Context = { template: Template; positions: ReadonlyMap<string, number>; items: readonly Item[] };

function checkSimpleTrigger(out: Problems, when: SimpleTrigger, path: PropertyKey[], ctx: Context): void {
  if (when.kind === 'answers') return checkConditions(out, when.conditions, path, ctx.positions, ctx.items);
  const rule = ctx.template.scores.find((s) => s.id === when.score);
  if (!rule) return out.add([...path, 'score'], `refers to score "${when.score}", which this template does not have`);
  when.bands.forEach((label, i) => {
    if (!rule.bands.some((b) => b.label === label)) out.add([...path, 'bands', i], `"${label}" is not a band of score "${rule.id}"`);
  });
}

function checkTrigger(out: Problems, when: Trigger, path: PropertyKey[], ctx: Context): void {
  if (when.kind !== 'anyOf') return checkSimpleTrigger(out, when, path, ctx);
  when.triggers.forEach((t, i) => checkSimpleTrigger(out, t, [...path, 'triggers', i], ctx));
}

/** Answers carried with a rule must be answerable items of this template. */
function checkCarried(out: Problems, ids: readonly string[] | undefined, path: PropertyKey[], ctx: Context): void {
  ids?.forEach((id, i) => {
    const pos = ctx.positions.get(id);
    if (pos === undefined) return out.add([...path, i], `refers to "${id}", which is not an item of this template`);
    if (ctx.items[pos]!.kind === 'info') out.add([...path, i], `"${id}" is information only and has no answer to carry`);
  });
}

/** Each item a check names must be a number item of this template; the check itself must be satisfiable. */
function checkCheck(out: Problems, check: CheckRule, path: PropertyKey[], byId: ReadonlyMap<string, Item>): void {
  const named = check.kind === 'sumBetween' ? check.items.map((id, i) => ({ id, at: [...path, 'items', i] })) : [{ id: check.item, at: [...path, 'item'] }, ...check.of.map((id, i) => ({ id, at: [...path, 'of', i] }))];
  const dup = duplicates(named.map((n) => n.id));
  for (const n of named) {
    const item = byId.get(n.id);
    if (!item) out.add(n.at, `refers to "${n.id}", which is not an item of this template`);
    else if (item.kind !== 'number') out.add(n.at, `"${n.id}" is not a number item: checks add up numbers`);
    if (dup.has(n.id)) out.add(n.at, `"${n.id}" is named more than once in this check`);
  }
  if (check.kind === 'sumBetween' && check.min > check.max) out.add([...path, 'min'], `min ${check.min} is above max ${check.max}`);
}

function checkSemantics(t: Template): TemplateProblem[] {
  const out = new Problems();
  const items = templateItems(t);
  const positions = new Map<string, number>();
  items.forEach((item, i) => (positions.has(item.id) ? undefined : positions.set(item.id, i)));
  const byId = new Map(items.map((item) => [item.id, item]));

  checkUnique(out, t.sections.map((s, i) => ({ id: s.id, path: ['sections', i] })), 'Section');
  checkUnique(out, t.sections.flatMap((s, si) => s.items.map((item, ii) => ({ id: item.id, path: ['sections', si, 'items', ii] }))), 'Item');
  checkUnique(out, t.scores.map((s, i) => ({ id: s.id, path: ['scores', i] })), 'Score');
  checkUnique(out, t.flags.map((f, i) => ({ id: f.id, path: ['flags', i] })), 'Flag rule');
  checkUnique(out, t.codes.map((c, i) => ({ id: c.id, path: ['codes', i] })), 'Code rule');
  checkUnique(out, (t.effects ?? []).map((e, i) => ({ id: e.id, path: ['effects', i] })), 'Effect rule');
  checkUnique(out, (t.checks ?? []).map((c, i) => ({ id: c.id, path: ['checks', i] })), 'Check');
  (t.checks ?? []).forEach((check, i) => checkCheck(out, check, ['checks', i], byId));

  let position = 0;
  t.sections.forEach((section, si) =>
    section.items.forEach((item, ii) => {
      const path: PropertyKey[] = ['sections', si, 'items', ii];
      if ('options' in item) {
        const dup = duplicates(item.options.map((o) => o.value));
        item.options.forEach((o, oi) => dup.has(o.value) && out.add([...path, 'options', oi, 'value'], `option value "${o.value}" is used more than once`));
      }
      if (item.kind === 'number') {
        if (item.min !== undefined && item.max !== undefined && item.min > item.max) out.add([...path, 'min'], `min ${item.min} is above max ${item.max}`);
        if (item.integer && [item.min, item.max].some((v) => v !== undefined && !Number.isInteger(v))) out.add(path, 'a whole-number item needs whole-number limits');
      }
      if (item.kind === 'info' && item.required) out.add([...path, 'required'], 'an information item takes no answer and cannot be required');
      if (item.kind === 'info' && item.notDisclosed) out.add([...path, 'notDisclosed'], 'an information item takes no answer, so it cannot be "Not disclosed"');
      if (item.notDisclosed && 'options' in item) {
        item.options.forEach((o, oi) => o.value === NOT_DISCLOSED && out.add([...path, 'options', oi, 'value'], `"${NOT_DISCLOSED}" is the "Not disclosed" answer: choose another option value`));
      }
      if (item.enableWhen) checkConditions(out, item.enableWhen.conditions, [...path, 'enableWhen'], positions, items, position);
      position += 1;
    }),
  );
  const ctx: Context = { template: t, positions, items };
  checkUnique(out, (t.advice ?? []).map((a, i) => ({ id: a.id, path: ['advice', i] })), 'Advice rule');
  t.scores.forEach((rule, i) => checkScore(out, rule, ['scores', i], byId));
  t.flags.forEach((rule, i) => {
    checkTrigger(out, rule.when, ['flags', i, 'when'], ctx);
    checkCarried(out, rule.withAnswers, ['flags', i, 'withAnswers'], ctx);
  });
  (t.effects ?? []).forEach((rule, i) => {
    if (rule.when) checkTrigger(out, rule.when, ['effects', i, 'when'], ctx);
    if (rule.kind === 'task') checkCarried(out, rule.withAnswers, ['effects', i, 'withAnswers'], ctx);
  });
  (t.advice ?? []).forEach((rule, i) => {
    checkTrigger(out, rule.when, ['advice', i, 'when'], ctx);
    checkCarried(out, rule.withAnswers, ['advice', i, 'withAnswers'], ctx);
  });
  t.codes.forEach((rule, i) => {
    checkTrigger(out, rule.when, ['codes', i, 'when'], ctx);
    const problem = sctidConceptProblem(rule.code);
    if (problem) out.add(['codes', i, 'code'], `"${rule.code}": ${problem}`);
  });
  return out.list;
}

/** Severities whose flags partners must be told how to handle (a flag without one is treated as high). */
const PARTNER_ADVICE_NEEDED: readonly Severity[] = ['high', 'severe'];

/**
 * Rules for the version offered for new responses. A high or severe flag needs partner advice, so
 * a police or other partner is never shown a serious flag without what to do about it.
 */
export function authoringProblems(t: Template): TemplateProblem[] {
  const out = new Problems();
  t.flags.forEach((rule, i) => {
    const severity = rule.severity ?? 'high';
    if (PARTNER_ADVICE_NEEDED.includes(severity) && !rule.partnerAdvice) {
      out.add(['flags', i, 'partnerAdvice'], `a ${severity} flag needs partner advice: what a police officer or other partner must do about "${rule.label}"`);
    }
  });
  return out.list;
}

export type ValidateOptions = {
  /**
   * An earlier version kept so that its responses still show and can be amended: checked for
   * soundness, but not against authoring rules made after it was published.
   */
  earlierVersion?: boolean;
};

/** The template, parsed, when it is usable; otherwise every problem found, each with its path. */
export function validateTemplate(input: unknown, options: ValidateOptions = {}): TemplateCheck {
  const parsed = templateSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })) };
  }
  const problems = checkSemantics(parsed.data);
  if (!options.earlierVersion) problems.push(...authoringProblems(parsed.data));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, template: parsed.data };
}
