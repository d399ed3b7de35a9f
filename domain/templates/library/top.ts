// Treatment Outcomes Profile (TOP), the outcome measure of English drug and alcohol treatment,
// recorded at the start of treatment, at reviews, at exit and after exit. Two versions:
// - secure setting (prisons): adds tobacco; at the start of treatment in custody the substance use
//   asked about is the 4 weeks before custody, later the last 4 weeks;
// - community: the last 4 weeks.
// Items, checks and the "Not disclosed" answer: top-items.ts. No SNOMED CT code is recorded (the
// code list has no checked concept for a TOP). A person's TOPs are charted over time (days used per
// substance and the three 0-20 ratings) from these items.
import type { Template } from '../template-schema';
import { crimeSection, healthSection, injectingSection, substanceSection, TOP_STAGES, TOP_SUBSTANCES, TOP_TOBACCO, topChecks } from './top-items';

const aboutItems = [
  { id: 'stage', kind: 'choice' as const, label: 'TOP stage', required: true, options: TOP_STAGES.map((s) => ({ value: s.value, label: s.label })) },
  { id: 'interview-date', kind: 'date' as const, label: 'Date of the TOP interview', required: true },
];

const secureSubstances = [...TOP_SUBSTANCES, TOP_TOBACCO];

export const topSecure: Template = {
  id: 'top-secure',
  version: 1,
  title: 'Treatment Outcomes Profile (secure setting)',
  description:
    'Ask each question as written and record what the person says. Every question may be answered "Not disclosed". ' +
    'Days are counted in four weeks of 0 to 7 days.',
  use: { category: 'assessment', siteTypes: ['prison'] },
  sections: [
    {
      id: 'about',
      title: 'About this TOP',
      items: [
        ...aboutItems,
        {
          id: 'recall-period',
          kind: 'choice',
          label: 'The 4 weeks asked about',
          help: 'At the start of treatment in custody, ask about the 4 weeks before custody; at review and exit, the last 4 weeks.',
          required: true,
          options: [
            { value: 'before-custody', label: 'The 4 weeks before custody' },
            { value: 'last-4-weeks', label: 'The last 4 weeks' },
          ],
        },
      ],
    },
    substanceSection(secureSubstances, 'For each substance, the number of days it was used in each of the 4 weeks (0 to 7), then the typical amount on a day of use.'),
    injectingSection,
    crimeSection,
    healthSection({
      acute: 'Acute housing problem on release (no fixed abode, or housing ends on release)',
      eviction: 'At risk of losing their accommodation (eviction) on release',
    }),
  ],
  scores: [],
  flags: [],
  codes: [],
  checks: topChecks(secureSubstances),
};

export const topCommunity: Template = {
  id: 'top-community',
  version: 1,
  title: 'Treatment Outcomes Profile (community)',
  description:
    'Ask about the last 4 weeks. Every question may be answered "Not disclosed". Days are counted in four weeks of 0 to 7 days.',
  use: { category: 'assessment', siteTypes: ['community'] },
  sections: [
    { id: 'about', title: 'About this TOP', items: aboutItems },
    substanceSection(TOP_SUBSTANCES, 'For each substance, the number of days it was used in each of the 4 weeks (0 to 7), then the typical amount on a day of use.'),
    injectingSection,
    crimeSection,
    healthSection({
      acute: 'Acute housing problem (no fixed abode, or housing about to end)',
      eviction: 'At risk of eviction',
    }),
  ],
  scores: [],
  flags: [],
  codes: [],
  checks: topChecks(TOP_SUBSTANCES),
};
