// The ten AUDIT questions in the UK wording (Office for Health Improvement and Disparities, OHID:
// "Alcohol use screening tests", AUDIT and AUDIT-C forms, England): UK units instead of the WHO's
// standard drinks, and the binge question asked as "6 or more units if female, or 8 or more if
// male". The scores, the answer values stored and the WHO skip rules are those of the WHO wording
// (audit-questions.ts), so a total means the same under either wording; only the words differ.
//
// Why the wording matters: a UK unit is 8 g of alcohol and a WHO standard drink about 10 g, so a
// person asked in "drinks" and answering in units (or the reverse) lands in the wrong answer
// (the "units misread" hazard). The UK cut-offs (AUDIT-C 5 or more) were set with this wording.
import type { ChoiceOption, Item } from '../template-schema';
import { AUDIT_Q1_TO_Q3, AUDIT_Q4_TO_Q10 } from './audit-questions';

const UNITS_HELP =
  'One UK unit is 10 ml (8 g) of pure alcohol: half a pint of ordinary-strength beer, lager or cider (3.6%), or a single 25 ml measure of spirits (40%). ' +
  'A pint of 5% lager is about 3 units; a 175 ml glass of 12% wine about 2; a 750 ml bottle of 12% wine 9.';

const UK_LABELS: Record<string, { label: string; help?: string; options?: Record<string, string> }> = {
  q1: { label: 'How often do you have a drink containing alcohol?', options: { '2-4-times-a-month': '2 to 4 times per month', '2-3-times-a-week': '2 to 3 times per week', '4-or-more-times-a-week': '4 or more times per week' } },
  q2: { label: 'How many units of alcohol do you drink on a typical day when you are drinking?', help: UNITS_HELP, options: { '1-2': '0 to 2', '3-4': '3 to 4', '5-6': '5 to 6', '7-9': '7 to 9', '10-or-more': '10 or more' } },
  q3: { label: 'How often have you had 6 or more units if female, or 8 or more if male, on a single occasion in the last year?', help: UNITS_HELP },
  q5: { label: 'How often during the last year have you failed to do what was normally expected from you because of your drinking?' },
  q6: { label: 'How often during the last year have you needed an alcoholic drink in the morning to get yourself going after a heavy drinking session?' },
  q9: { label: 'Have you or somebody else been injured as a result of your drinking?' },
  q10: { label: 'Has a relative or friend, doctor or other health worker been concerned about your drinking or suggested that you cut down?' },
};

function uk(item: Item): Item {
  const words = UK_LABELS[item.id];
  if (!words) return item;
  const relabel = (o: ChoiceOption): ChoiceOption => ({ ...o, label: words.options?.[o.value] ?? o.label });
  const worded = { ...item, label: words.label, ...(words.help ? { help: words.help } : {}) };
  if (worded.kind === 'scored') return { ...worded, options: worded.options.map((o) => ({ ...relabel(o), score: o.score })) };
  return worded;
}

export const AUDIT_UK_Q1_TO_Q3: Item[] = AUDIT_Q1_TO_Q3.map(uk);
export const AUDIT_UK_Q4_TO_Q10: Item[] = AUDIT_Q4_TO_Q10.map(uk);
