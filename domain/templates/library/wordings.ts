// Wording variants a site chooses, as data. A template with `use.wording` is offered only where
// the site's choice for that setting is its option (offered.ts). A site that has not chosen gets
// the default.
import type { WordingSetting } from '../offered';

/** AUDIT and AUDIT-C: UK units (OHID, the default for English sites) or WHO standard drinks. */
export const ALCOHOL_QUESTIONS: WordingSetting = {
  id: 'alcohol-questions',
  label: 'Wording of the AUDIT and AUDIT-C questions',
  options: [
    { value: 'uk', label: 'UK units (OHID), with the UK cut-offs: the default in England' },
    { value: 'who', label: 'WHO standard drinks' },
  ],
  default: 'uk',
};

export const wordingSettings: readonly WordingSetting[] = [ALCOHOL_QUESTIONS];
