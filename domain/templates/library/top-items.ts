// The Treatment Outcomes Profile (TOP) as items, shared by its secure-setting and community
// versions (top.ts) and by the chart of a person's TOPs over time (domain/sms/top-summary.ts), so
// an item is named the same everywhere. TOP asks about the last 28 days (the secure-setting start
// asks about the 28 days before custody), in four weeks of 0-7 days each, so a substance's days
// add up to 0-28. Every question may be answered "Not disclosed", which is recorded as such,
// never as 0.
import type { CheckRule, Item, Section } from '../template-schema';

export interface TopSubstance {
  key: string;
  label: string;
  /** What a typical day's amount is counted in; null: the amount is written in words. */
  amountUnit: string | null;
  /** Injected drugs count towards the days a person could have injected. */
  injectable: boolean;
}

export const TOP_SUBSTANCES: readonly TopSubstance[] = [
  { key: 'alcohol', label: 'Alcohol', amountUnit: 'units', injectable: false },
  { key: 'opioids', label: 'Opiates (illicit)', amountUnit: 'grams', injectable: true },
  { key: 'crack', label: 'Crack', amountUnit: 'grams', injectable: true },
  { key: 'cocaine', label: 'Cocaine', amountUnit: 'grams', injectable: true },
  { key: 'amphetamines', label: 'Amphetamines', amountUnit: 'grams', injectable: true },
  { key: 'cannabis', label: 'Cannabis', amountUnit: 'joints', injectable: false },
  { key: 'other', label: 'Other problem substance', amountUnit: null, injectable: true },
];

export const TOP_TOBACCO: TopSubstance = { key: 'tobacco', label: 'Tobacco', amountUnit: 'cigarettes', injectable: false };

export const TOP_WEEKS = [1, 2, 3, 4] as const;
const WEEK_WORDS: Record<(typeof TOP_WEEKS)[number], string> = {
  1: 'week 1 (the earliest: days 22 to 28 before)',
  2: 'week 2 (days 15 to 21 before)',
  3: 'week 3 (days 8 to 14 before)',
  4: 'week 4 (the most recent 7 days)',
};

export const weekItemId = (substance: string, week: number) => `${substance}-week-${week}`;
export const weekItemIds = (substance: string) => TOP_WEEKS.map((w) => weekItemId(substance, w));

/** The three 0-20 ratings charted with the days of use. */
export const TOP_RATINGS = [
  { id: 'psychological-health', label: 'Psychological health' },
  { id: 'physical-health', label: 'Physical health' },
  { id: 'quality-of-life', label: 'Quality of life' },
] as const;

export const TOP_STAGES = [
  { value: 'start', label: 'Start of treatment' },
  { value: 'review', label: 'Review' },
  { value: 'exit', label: 'Exit (end of treatment)' },
  { value: 'post-treatment-exit', label: 'Post-treatment exit' },
] as const;

const days = (id: string, label: string, max: number, help?: string): Item => ({
  id,
  kind: 'number',
  label,
  ...(help ? { help } : {}),
  unit: 'days',
  integer: true,
  min: 0,
  max,
  required: true,
  notDisclosed: true,
});

function usedAtAll(substance: string) {
  return { match: 'any' as const, conditions: weekItemIds(substance).map((item) => ({ item, op: 'greaterThan' as const, value: 0 })) };
}

function substanceItems(s: TopSubstance): Item[] {
  const weeks = TOP_WEEKS.map((w) => days(weekItemId(s.key, w), `${s.label}: days used in ${WEEK_WORDS[w]}`, 7));
  const named: Item[] =
    s.key === 'other'
      ? [{ id: 'other-name', kind: 'text', label: 'Other problem substance: which substance', maxLength: 120, required: true, notDisclosed: true, enableWhen: usedAtAll(s.key) }]
      : [];
  const amount: Item =
    s.amountUnit === null
      ? { id: `${s.key}-amount`, kind: 'text', label: `${s.label}: typical amount on a day of use, with its unit`, maxLength: 120, required: true, notDisclosed: true, enableWhen: usedAtAll(s.key) }
      : {
          id: `${s.key}-amount`,
          kind: 'number',
          label: `${s.label}: typical amount on a day of use`,
          unit: s.amountUnit,
          min: 0,
          max: 1000,
          required: true,
          notDisclosed: true,
          enableWhen: usedAtAll(s.key),
        };
  return [...weeks, ...named, amount];
}

/** The substance-use section for the substances asked about. */
export function substanceSection(substances: readonly TopSubstance[], help: string): Section {
  return {
    id: 'substance-use',
    title: 'Section 1: substance use',
    items: [{ id: 'substance-use-help', kind: 'info', label: help, required: false }, ...substances.flatMap(substanceItems)],
  };
}

export const injectingSection: Section = {
  id: 'injecting',
  title: 'Section 2: injecting risk behaviour',
  items: [
    days('injecting-days', 'Days injected non-prescribed drugs in the 4 weeks', 28),
    { id: 'shared-needles', kind: 'yesNo', label: 'Injected with a needle or syringe used by someone else', required: true, notDisclosed: true, enableWhen: { match: 'all', conditions: [{ item: 'injecting-days', op: 'greaterThan', value: 0 }] } },
    { id: 'shared-equipment', kind: 'yesNo', label: 'Injected using a spoon, water or filter used by someone else', required: true, notDisclosed: true, enableWhen: { match: 'all', conditions: [{ item: 'injecting-days', op: 'greaterThan', value: 0 }] } },
  ],
};

export const crimeSection: Section = {
  id: 'crime',
  title: 'Section 3: crime',
  items: [
    days('shoplifting-days', 'Days of shoplifting in the 4 weeks', 28),
    days('drug-selling-days', 'Days of selling drugs in the 4 weeks', 28),
    days('other-theft-days', 'Days of other theft (from or of a vehicle, burglary, fraud, handling stolen goods) in the 4 weeks', 28),
    { id: 'assault-violence', kind: 'yesNo', label: 'Committed assault or violence in the 4 weeks', required: true, notDisclosed: true },
  ],
};

const rating = (id: string, label: string): Item => ({
  id,
  kind: 'number',
  label: `${label}: the person's own rating, 0 (poor) to 20 (good)`,
  integer: true,
  min: 0,
  max: 20,
  required: true,
  notDisclosed: true,
});

export function healthSection(housingWords: { acute: string; eviction: string }): Section {
  return {
    id: 'health-and-social',
    title: 'Section 4: health and social functioning',
    items: [
      rating('psychological-health', 'Psychological health (anxiety, depression, problem emotions and feelings)'),
      days('paid-work-days', 'Days of paid work in the 4 weeks', 28),
      days('education-days', 'Days attended college or school in the 4 weeks', 28),
      { id: 'housing-acute-problem', kind: 'yesNo', label: housingWords.acute, required: true, notDisclosed: true },
      { id: 'housing-eviction-risk', kind: 'yesNo', label: housingWords.eviction, required: true, notDisclosed: true },
      rating('physical-health', 'Physical health (extent of physical symptoms and bother from illness)'),
      rating('quality-of-life', 'Overall quality of life (able to enjoy life, gets on well with family and partner)'),
    ],
  };
}

/** Each substance's weeks add up to 0-28; days injected are no more than the days an injectable drug was used. */
export function topChecks(substances: readonly TopSubstance[]): CheckRule[] {
  return [
    ...substances.map((s) => ({
      kind: 'sumBetween' as const,
      id: `${s.key}-days-total`,
      items: weekItemIds(s.key),
      min: 0,
      max: 28,
      message: `${s.label}: the days used in the 4 weeks must add up to 0-28`,
    })),
    {
      kind: 'atMostSumOf',
      id: 'injecting-within-use',
      item: 'injecting-days',
      of: substances.filter((s) => s.injectable).flatMap((s) => weekItemIds(s.key)),
      message: 'Days injected cannot be more than the days opiates, crack, cocaine, amphetamines or another substance were used',
    },
  ];
}
