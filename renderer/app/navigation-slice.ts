// Where the user is. Screens are chosen from this state, not from the URL: the Electron app://
// origin and the browser host both serve one page, and nothing here needs deep links.
import type { StateCreator } from 'zustand';
import type { SiteSummary } from '../../contract/site-config';
import type { AppState } from './app-state';
import type { AccessRoute } from '../features/account/routes';
import { guardRoute } from '../features/account/route-guard';

export type Route =
  | { name: 'starting' }
  | { name: 'startFailed'; message: string }
  | { name: 'setup'; site: SiteSummary }
  | { name: 'signIn' }
  | { name: 'search' }
  | { name: 'register'; prefill?: string }
  | { name: 'record'; personId: string }
  | { name: 'tasks' }
  /** Fill in a template (an assessment, a screen, a scale) for a person. */
  | { name: 'form'; personId: string; templateId: string }
  /** A scale recorded over time (COWS, CIWA-Ar): chart, entries, latest band. */
  | { name: 'scale'; personId: string; templateId: string }
  /** One saved entry, with its history, amend and entered-in-error. */
  | { name: 'response'; personId: string; responseId: string }
  | { name: 'amend'; personId: string; responseId: string }
  /** Handover of a custody assessment to the custody officer, and its printed copy. */
  | { name: 'handover'; personId: string; responseId: string }
  /** Look up a person's shared record at the central (reception), with a stated purpose. */
  | { name: 'lookup' }
  /** Sync status in full, "sync now", and changes the central refused. */
  | { name: 'sync' }
  /** Password change, staff, partner summary, break-glass, reviews, audit (features/account/routes.ts). */
  | AccessRoute;

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

export const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  route: { name: 'starting' },
  notice: null,
  // Only places the user's roles allow (features/account/route-guard.ts).
  navigate: (route, notice = null) => set({ route: guardRoute(route, get().session), notice }),
  dismissNotice: () => set({ notice: null }),
});
