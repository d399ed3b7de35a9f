// The central record's tunable rules, with the values a region starts with. Each is a clinical or
// governance choice, so each says why it has the value it has.
export interface CentralSettings {
  /** Site PCs can have badly wrong clocks; an event stamped further ahead than this is quarantined. */
  maxClockAheadMs: number;
  /** A reception lookup subscribes the site for this long unless a stay starts. */
  lookupSubscriptionMs: number;
  /** A site that writes about a person receives others' changes for this long (so it sees conflicts). */
  authorSubscriptionMs: number;
  /** After a stay ends, the site keeps receiving for this long (the legitimate-relationship window). */
  stayRetentionMs: number;
  /** Agreements and consent are dated; "today" is judged in the region's time zone. */
  timeZone: string;
  /** A lookup answer carries at most this many events; the rest arrive by pull. */
  lookupMaxEvents: number;
  /** Snapshots a site is sent at once (bounds the size of the cursor token). */
  concurrentSnapshots: number;
}

const HOUR = 3_600_000;

export const defaultSettings: CentralSettings = {
  maxClockAheadMs: 10 * 60_000,
  lookupSubscriptionMs: 72 * HOUR,
  authorSubscriptionMs: 72 * HOUR,
  stayRetentionMs: 7 * 24 * HOUR,
  timeZone: 'Europe/London',
  lookupMaxEvents: 2000,
  concurrentSnapshots: 20,
};

/** yyyy-mm-dd of `at` in the region's time zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
