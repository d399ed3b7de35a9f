// Form drafts in memory, so an interrupted clinician loses nothing typed: leaving a form and coming
// back (to check the record, to answer the phone) finds the boxes as they were. Keyed by user,
// person and form; forgotten when the user signs out or the entry is saved.
import type { StateCreator } from 'zustand';
import type { AppState } from '../../app/app-state';
import type { FormDraft } from './form-draft';

export interface DraftsSlice {
  drafts: Record<string, FormDraft>;
  saveDraft(key: string, draft: FormDraft): void;
  discardDraft(key: string): void;
  discardAllDrafts(): void;
}

export function draftKey(userId: string, personId: string, formKey: string): string {
  return `${userId}:${personId}:${formKey}`;
}

export const createDraftsSlice: StateCreator<AppState, [], [], DraftsSlice> = (set) => ({
  drafts: {},
  saveDraft: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
  discardDraft: (key) =>
    set((s) => {
      if (!(key in s.drafts)) return s;
      const drafts = { ...s.drafts };
      delete drafts[key];
      return { drafts };
    }),
  discardAllDrafts: () => set({ drafts: {} }),
});
