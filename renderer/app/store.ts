import { createStore, type StoreApi } from 'zustand/vanilla';
import { createSessionSlice } from '../features/auth/session-slice';
import { createDraftsSlice } from '../features/forms/drafts-slice';
import { createSearchSlice } from '../features/search/search-slice';
import { createLockSlice } from '../features/lock/lock-slice';
import { createBreakGlassSlice } from '../features/governance/break-glass-slice';
import type { AppDeps, AppState, Timers } from './app-state';
import { createNavigationSlice } from './navigation-slice';
import { createChangesSlice } from './changes-slice';

export type AppStore = StoreApi<AppState>;

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

export function createAppStore(deps: AppDeps): AppStore {
  const timers = deps.timers ?? realTimers;
  return createStore<AppState>()((...a) => ({
    ...createNavigationSlice(...a),
    ...createSessionSlice(deps.bridge)(...a),
    ...createSearchSlice({ timers, debounceMs: deps.searchDebounceMs ?? 150 })(...a),
    ...createDraftsSlice(...a),
    ...createLockSlice(...a),
    ...createBreakGlassSlice(...a),
    ...createChangesSlice(...a),
  }));
}
