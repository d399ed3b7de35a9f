// Where the user is. Screens are chosen from this state, not from the URL: the Electron app://
// origin and the browser host both serve one page, and nothing here needs deep links.
import type { StateCreator } from 'zustand';
import type { SiteSummary } from '../../contract/site-config';
import type { AppState } from './app-state';

export type Route =
  | { name: 'starting' }
  | { name: 'startFailed'; message: string }
  | { name: 'setup'; site: SiteSummary }
  | { name: 'signIn' }
  | { name: 'search' }
  | { name: 'register'; prefill?: string }
  | { name: 'record'; personId: string };

/** A one-off message shown at the top of the next screen ("Administrator created", "You have signed out"). */
export interface Notice {
  kind: 'success' | 'info' | 'warning';
  text: string;
}

export interface NavigationSlice {
  route: Route;
  notice: Notice | null;
  navigate(route: Route, notice?: Notice | null): void;
  dismissNotice(): void;
}

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set) => ({
  route: { name: 'starting' },
  notice: null,
  navigate: (route, notice = null) => set({ route, notice }),
  dismissNotice: () => set({ notice: null }),
});
