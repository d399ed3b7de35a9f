// "Find a person": results as you type, a page at a time. Each keystroke restarts a short pause;
// only the answer to the newest request is ever shown, so a slow reply for "Smi" can never replace
// the list for "Smith", nor a slow page 1 replace page 2.
import type { StateCreator } from 'zustand';
import type { SearchOutput, SearchResult } from '../../../contract/channels/search';
import type { AppState, Timers } from '../../app/app-state';

export type SearchStatus = 'idle' | 'waiting' | 'searching' | 'done' | 'failed';

/** Everything about the answer shown except its rows. */
export type SearchAnswer = Omit<SearchOutput, 'results'>;

export interface SearchSlice {
  searchQuery: string;
  searchStatus: SearchStatus;
  /** The query the shown results answer (may lag searchQuery while typing). */
  resultsFor: string;
  results: SearchResult[];
  /** Totals, page and what the search was read as; null before the first answer. */
  searchAnswer: SearchAnswer | null;
  searchError: string | null;
  setSearchQuery(query: string): void;
  /**
   * Search now, without waiting for the pause (Enter in the box). `refresh` asks again even when
   * the results are for this query already: on coming back to the screen, someone may have been
   * registered since, and "No people found" must not be left standing. Keeps the page shown.
   */
  searchNow(refresh?: boolean): void;
  /** Another page of the answer shown (offset of its first result). */
  showSearchPage(offset: number): void;
  resetSearch(): void;
}

/** A fresh object each time: the empty results list is never shared between states. */
const cleared = (): Pick<SearchSlice, 'resultsFor' | 'results' | 'searchAnswer' | 'searchError'> => ({ resultsFor: '', results: [], searchAnswer: null, searchError: null });

export function createSearchSlice(opts: { timers: Timers; debounceMs: number }): StateCreator<AppState, [], [], SearchSlice> {
  return (set, get) => {
    let pending: unknown = null;
    let latest = 0;

    const cancelPending = () => {
      if (pending !== null) opts.timers.clearTimeout(pending);
      pending = null;
    };

    const run = async (query: string, offset: number) => {
      cancelPending();
      const ticket = ++latest;
      set({ searchStatus: 'searching' });
      const result = await get().call('patients.search', offset > 0 ? { query, offset } : { query });
      if (ticket !== latest) return; // a newer request has been made since: this answer is stale
      if (result.ok) {
        const { results, ...answer } = result.value;
        set({ searchStatus: 'done', resultsFor: query, results, searchAnswer: answer, searchError: null });
      } else {
        set({ searchStatus: 'failed', ...cleared(), resultsFor: query, searchError: result.error.message });
      }
    };

    return {
      searchQuery: '',
      searchStatus: 'idle',
      ...cleared(),

      setSearchQuery(query) {
        cancelPending();
        set({ searchQuery: query });
        if (query.trim() === '') {
          latest++; // drop any answer still on its way
          set({ searchStatus: 'idle', ...cleared() });
          return;
        }
        set({ searchStatus: 'waiting' });
        pending = opts.timers.setTimeout(() => {
          pending = null;
          void run(query, 0);
        }, opts.debounceMs);
      },

      searchNow(refresh = false) {
        const { searchQuery: query, resultsFor, searchStatus, searchAnswer } = get();
        if (query.trim() === '') return;
        const same = query === resultsFor;
        if (!refresh && same && searchStatus === 'done') return;
        void run(query, same ? (searchAnswer?.offset ?? 0) : 0);
      },

      showSearchPage(offset) {
        const query = get().resultsFor;
        if (query.trim() === '') return;
        void run(query, Math.max(0, offset));
      },

      resetSearch() {
        cancelPending();
        latest++;
        set({ searchQuery: '', searchStatus: 'idle', ...cleared() });
      },
    };
  };
}
