// One record open, one audit row (issue 8). Opening a record (patients.get) writes the "viewed
// record" row; the record screen then reads its sections (stays, flags, forms, handovers, tasks,
// referrals, consent, conflicts waiting to be settled) through their own channels. Those reads are part of the same view: while it
// is open they are not audited again, so the access history reads one line per look at a record,
// not eight.
//
// A view belongs to one session and one person, and lasts VIEW_WINDOW_MS from the row that opened
// it. Anything outside it is audited as before: a section read of another person, or after the
// window, or of a person whose record this session has not opened; every refusal and failure;
// every write. Opening another record (or the same one again, on another screen) writes its own
// row and starts a new view. A section read is never covered without an earlier "viewed record"
// row for the same person by the same session, so the trail still answers "who looked at this
// record, and when".
import type { ChannelName } from '../../contract/channels';
import type { Session } from '../services/sessions';

/** Reads the record screen makes for the person it shows. */
export const RECORD_SECTION_READS: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'stays.list',
  'flags.list',
  'forms.list',
  'handover.list',
  'referrals.list',
  'consent.list',
  'tasks.list',
  'sync.conflicts',
]);

/** Reads of the site's form list (no person named) the record screen makes with them. */
const SCREEN_READS: ReadonlySet<ChannelName> = new Set<ChannelName>(['forms.templates']);

export const VIEW_WINDOW_MS = 10 * 60 * 1000;

interface View {
  personId: string;
  openedAtMs: number;
}

export class RecordViews {
  // Keyed by the session object: a view ends with its session without any bookkeeping.
  private readonly views = new WeakMap<Session, View>();

  constructor(private readonly windowMs: number = VIEW_WINDOW_MS) {}

  /** A "viewed record" row has just been written for this session and person. */
  opened(session: Session, personId: string, nowMs: number): void {
    this.views.set(session, { personId, openedAtMs: nowMs });
  }

  /** Whether this successful read is part of the session's open record view (and needs no row of its own). */
  covers(session: Session, channel: ChannelName, personId: string | null, nowMs: number): boolean {
    const view = this.views.get(session);
    if (!view || nowMs - view.openedAtMs > this.windowMs || nowMs < view.openedAtMs) return false;
    if (RECORD_SECTION_READS.has(channel)) return personId === view.personId;
    return SCREEN_READS.has(channel) && personId === null;
  }
}
