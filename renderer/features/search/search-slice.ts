// "Find a person": results as you type. Each keystroke restarts a short pause; only the answer to
// the newest query is ever shown, so a slow reply for "Smi" can never replace the list for "Smith".
import type { StateCreator } from 'zustand';
import type { PersonSummary } from '../../../contract/channels/patients';
import type { AppState, Timers } from '../../app/app-state';

export type SearchStatus = 'idle' | 'waiting' | 'searching' | 'done' | 'failed';

export interface SearchSlice {
  searchQuery: string;
  searchStatus: SearchStatus;
  /** The query the shown results answer (may lag searchQuery while typing). */
  resultsFor: string;
  results: PersonSummary[];
  moreResults: boolean;
  searchError: string | null;
  setSearchQuery(query: string): void;
  /**
   * Search now, without waiting for the pause (Enter in the box). `refresh` asks again even when
   * the results are for this query already: on coming back to the screen, someone may have been
   * registered since, and "No people found" must not be left standing.
   */
  searchNow(refresh?: boolean): void;
  resetSearch(): void;
}

export function createSearchSlice(opts: { timers: Timers; debounceMs: number }): StateCreator<AppState, [], [], SearchSlice> {
  return (set, get) => {
    let pending: unknown = null;
    let latest = 0;

    const cancelPending = () => {
      if (pending !== null) opts.timers.clearTimeout(pending);
      pending = null;
    };

    const run = async (query: string) => {
      cancelPending();
      const ticket = ++latest;
      set({ searchStatus: 'searching' });
      const result = await get().call('patients.search', { query });
      if (ticket !== latest) return; // a newer query has been typed since: this answer is stale
      if (result.ok) {
        set({ searchStatus: 'done', resultsFor: query, results: result.value.results, moreResults: result.value.more, searchError: null });
      } else {
        set({ searchStatus: 'failed', resultsFor: query, results: [], moreResults: false, searchError: result.error.message });
      }
    };

    return {
      searchQuery: '',
      searchStatus: 'idle',
      resultsFor: '',
      results: [],
      moreResults: false,
      searchError: null,

      setSearchQuery(query) {
        cancelPending();
        set({ searchQuery: query });
        if (query.trim() === '') {
          latest++; // drop any answer still on its way
          set({ searchStatus: 'idle', resultsFor: '', results: [], moreResults: false, searchError: null });
          return;
        }
        set({ searchStatus: 'waiting' });
        pending = opts.timers.setTimeout(() => {
          pending = null;
          void run(query);
        }, opts.debounceMs);
      },

      searchNow(refresh = false) {
        const query = get().searchQuery;
        if (query.trim() === '') return;
        if (!refresh && query === get().resultsFor && get().searchStatus === 'done') return;
        void run(query);
      },

      resetSearch() {
        cancelPending();
        latest++;
        set({ searchQuery: '', searchStatus: 'idle', resultsFor: '', results: [], moreResults: false, searchError: null });
      },
    };
  };
}
