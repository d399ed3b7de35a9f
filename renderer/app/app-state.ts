// The whole renderer state is one zustand store made of feature slices; each slice file owns its
// part. Kept in memory only: the session token never touches localStorage or cookies.
import type { SonarBridge } from '../../contract/channels';
import type { NavigationSlice } from './navigation-slice';
import type { SessionSlice } from '../features/auth/session-slice';
import type { SearchSlice } from '../features/search/search-slice';
import type { DraftsSlice } from '../features/forms/drafts-slice';
import type { LockSlice } from '../features/lock/lock-slice';
import type { BreakGlassSlice } from '../features/governance/break-glass-slice';
import type { ChangesSlice } from './changes-slice';

export type AppState = NavigationSlice & SessionSlice & SearchSlice & DraftsSlice & LockSlice & BreakGlassSlice & ChangesSlice;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AppDeps {
  bridge: SonarBridge;
  /** Pause after the last keystroke before searching. */
  searchDebounceMs?: number;
  timers?: Timers;
}
