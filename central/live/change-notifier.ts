// Wakes sites waiting for changes (long poll) when a push commits events about people they
// subscribe to. In-process: one central process serves a region, and a site that misses a wake-up
// (a restart, a dropped connection) still pulls on its periodic schedule.
export interface Change {
  /** Null means "everyone": policy changed (an agreement was loaded). */
  persons: readonly string[] | null;
  /** The site whose push this was: it is not woken by its own events. */
  originSite: string | null;
}

type Listener = (change: Change) => void;

export class ChangeNotifier {
  private readonly listeners = new Map<Listener, string>();

  /** Calls `fn` for every change not made by `site` itself; returns the unsubscribe. */
  listen(site: string, fn: Listener): () => void {
    this.listeners.set(fn, site);
    return () => this.listeners.delete(fn);
  }

  notify(change: Change): void {
    for (const [fn, site] of [...this.listeners]) if (site !== change.originSite) fn(change);
  }

  get listening(): number {
    return this.listeners.size;
  }
}

export function concerns(change: Change, persons: ReadonlySet<string>): boolean {
  return change.persons === null || change.persons.some((p) => persons.has(p));
}
