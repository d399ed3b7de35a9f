// Which people's records changed since the screens loaded them (a save on another PC of this site,
// or records pulled from the central): screens showing one of them read it again.
import type { StateCreator } from 'zustand';
import type { AppState } from './app-state';

export interface ChangesSlice {
  /** The last notice number seen, for the next wait. */
  noticeSeq: number;
  /** A counter per person, bumped by every notice naming them. */
  changed: Record<string, number>;
  /** Bumped when the page fell behind the notices kept: everything on screen is read again. */
  everythingChanged: number;
  applyNotices(batch: { seq: number; personIds: readonly string[]; all: boolean }): void;
}

export const createChangesSlice: StateCreator<AppState, [], [], ChangesSlice> = (set) => ({
  noticeSeq: 0,
  changed: {},
  everythingChanged: 0,
  applyNotices: (batch) =>
    set((s) => {
      const changed = { ...s.changed };
      for (const id of batch.personIds) changed[id] = (changed[id] ?? 0) + 1;
      return { noticeSeq: Math.max(s.noticeSeq, batch.seq), changed, everythingChanged: s.everythingChanged + (batch.all ? 1 : 0) };
    }),
});
