// The site's sync engine (docs/sync-protocol.md): pushes the outbox (local events not yet accepted)
// in batches, pulls pages of events after the cursor and applies each with its cursor, removals
// and withheld notices in one SQLite transaction, and listens for "something new" by long poll.
// It runs in the background (on start, on a timer, promptly after a local write, and on demand);
// SQLite work is a page at a time, so screens never wait on the network.
import { chainHead, GENESIS_HASH } from '../../db/audit-log';
import { purgeReceived } from '../../db/projector/purge';
import type { SiteStore } from '../../db/store';
import type { SyncRepo } from '../../db/sync-repo';
import type { ClinicalEvent } from '../../contract/sync/events';
import { PUSH_MAX_EVENTS, type LookupRequest, type LookupResponse } from '../../contract/sync/wire';
import { planBatches, type CentralClient } from './central-client';
import { describeSyncError, type SyncProblem } from './sync-words';

export interface SyncEngineDeps {
  store: SiteStore;
  sync: SyncRepo;
  client: CentralClient;
  now: () => Date;
  newId: () => string;
  log: (message: string) => void;
  /** People whose record changed by sync (for live screens). */
  onPeopleChanged: (personIds: readonly string[]) => void;
  /** Background timer fallback; default 60 s. */
  intervalMs?: number;
  /** Long-poll window; default 25 s. */
  waitMs?: number;
}

export interface SyncRunReport {
  pushed: { accepted: number; duplicate: number; conflict: number; rejected: number };
  pulled: { events: number; applied: number; removed: number; pages: number };
  error: SyncProblem | null;
}

export type SyncActivity = { state: 'idle' } | { state: 'pushing'; sent: number; waiting: number } | { state: 'pulling'; through: number; head: number };

const PUSH_RESULT_STATE = { accepted: 'accepted', duplicate: 'duplicate', conflict: 'conflict', rejected: 'rejected' } as const;

export class SyncEngine {
  private running: Promise<SyncRunReport> | null = null;
  /** The run that follows the one in progress, shared by every request made during it. */
  private next: Promise<SyncRunReport> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private nudgeTimer: NodeJS.Timeout | null = null;
  private waitAbort: AbortController | null = null;
  private restartingWait = false;
  private stopped = true;
  activity: SyncActivity = { state: 'idle' };

  constructor(private readonly deps: SyncEngineDeps) {}

  /** Starts the background work: a first sync now, a timer, and the long poll for changes. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.syncNow();
    this.timer = setInterval(() => void this.syncNow(), this.deps.intervalMs ?? 60_000);
    this.timer.unref();
    void this.waitLoop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.nudgeTimer) clearTimeout(this.nudgeTimer);
    this.waitAbort?.abort();
    await this.running?.catch(() => undefined);
    this.deps.client.close();
  }

  /** After a local write: push soon (a burst of writes goes in one batch). */
  nudge(): void {
    if (this.stopped || this.nudgeTimer) return;
    this.nudgeTimer = setTimeout(() => {
      this.nudgeTimer = null;
      void this.syncNow();
    }, 300);
    this.nudgeTimer.unref();
  }

  /**
   * One push-then-pull run. A request during a run is answered by one more run after it (single
   * flight): the run in progress may have read the outbox before the caller's change, so "sync now"
   * resolves only once a run that started after the request has finished.
   */
  syncNow(): Promise<SyncRunReport> {
    if (this.running) {
      const current = this.running;
      this.next ??= current.then((report) => {
        this.next = null;
        return this.stopped ? report : this.syncNow();
      });
      return this.next;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      this.activity = { state: 'idle' };
    });
    return this.running;
  }

  private async run(): Promise<SyncRunReport> {
    const report: SyncRunReport = { pushed: { accepted: 0, duplicate: 0, conflict: 0, rejected: 0 }, pulled: { events: 0, applied: 0, removed: 0, pages: 0 }, error: null };
    try {
      await this.push(report);
      await this.pull(report);
      this.deps.sync.update({ lastErrorKind: null, lastErrorMessage: null, lastErrorAt: null });
    } catch (err) {
      report.error = describeSyncError(err);
      this.deps.log(`sync: ${report.error.message}`);
      try {
        this.deps.sync.update({ lastErrorKind: report.error.kind, lastErrorMessage: report.error.message, lastErrorAt: this.deps.now().toISOString() });
      } catch (recordError) {
        // The store is closing (or the disk is full): the problem is in the log above.
        this.deps.log(`sync: could not record the problem: ${(recordError as Error).message}`);
      }
    }
    return report;
  }

  private auditHead(): { count: number; hash: string } {
    const head = chainHead(this.deps.store.raw);
    return head ? { count: head.seq, hash: head.hash } : { count: 0, hash: GENESIS_HASH };
  }

  private async push(report: SyncRunReport): Promise<void> {
    const log = this.deps.store.projector.log;
    for (;;) {
      const pending = log.outbox(PUSH_MAX_EVENTS);
      if (pending.length === 0) return;
      for (const batch of planBatches(pending.map((p) => p.event))) {
        this.activity = { state: 'pushing', sent: report.pushed.accepted + report.pushed.duplicate, waiting: pending.length };
        const batchSeq = this.deps.sync.state().batchSeq + 1;
        const answer = await this.deps.client.push({ batchSeq, auditHead: this.auditHead(), events: batch });
        const at = this.deps.now().toISOString();
        // Acknowledged only now: the central answers after its transaction committed.
        this.deps.store.raw
          .transaction(() => {
            for (const result of answer.results) {
              const event = batch[result.index];
              if (!event) continue;
              const state = PUSH_RESULT_STATE[result.status];
              const reason = result.status === 'rejected' ? `${result.code}: ${result.reason}` : result.status === 'conflict' ? `conflict ${result.conflictId}` : null;
              log.recordPush(event.eventId, state, reason, at, 'seq' in result ? result.seq : null);
              report.pushed[result.status]++;
            }
            this.deps.sync.update({ batchSeq, lastPushAt: at });
          })
          .immediate();
        if (answer.results.some((r) => r.status === 'accepted')) this.restartWait();
      }
    }
  }

  private async pull(report: SyncRunReport): Promise<void> {
    for (;;) {
      const cursor = this.deps.sync.state().cursor;
      const page = await this.deps.client.pull({ cursor });
      const now = this.deps.now();
      const changed = new Set<string>();
      let removed = 0;
      const outcomes = this.deps.store.applyReceived(page.events, now, () => {
        for (const r of page.removes) {
          removed += purgeReceived(this.deps.store.raw, this.deps.store.projector, { personId: r.personId, categories: r.categories, originSites: r.originSites });
          changed.add(r.personId);
        }
        this.deps.sync.recordWithheld(page.withheld, now.toISOString());
        this.deps.sync.update({ cursor: page.nextCursor, lastPullAt: now.toISOString(), centralHead: page.head, through: page.through });
      });
      page.events.forEach((e: ClinicalEvent, i) => {
        if (outcomes[i] === 'applied') changed.add(e.personId);
      });
      report.pulled.pages++;
      report.pulled.events += page.events.length;
      report.pulled.applied += outcomes.filter((o) => o === 'applied').length;
      report.pulled.removed += removed;
      this.activity = { state: 'pulling', through: page.through, head: page.head };
      if (changed.size > 0) this.deps.onPeopleChanged([...changed]);
      if (!page.more) return;
    }
  }

  /**
   * The central holds a long poll against the people this site subscribed to when it began: after a
   * lookup or a push (which can subscribe the site to someone new) a fresh wait starts at once.
   */
  private restartWait(): void {
    if (!this.waitAbort || this.stopped) return;
    this.restartingWait = true;
    this.waitAbort.abort();
  }

  /** Long poll: as soon as the central has something for this site, pull it. */
  private async waitLoop(): Promise<void> {
    let backoff = 1000;
    while (!this.stopped) {
      this.waitAbort = new AbortController();
      try {
        const answer = await this.deps.client.waitForChanges({ cursor: this.deps.sync.state().cursor, waitMs: this.deps.waitMs ?? 25_000 }, this.waitAbort.signal);
        backoff = 1000;
        if (answer.changed && !this.stopped) await this.syncNow();
      } catch {
        if (this.stopped) return;
        if (this.restartingWait) {
          this.restartingWait = false;
          continue;
        }
        // The run that follows records the problem in words; here only wait before trying again.
        await new Promise((resolve) => setTimeout(resolve, backoff).unref());
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  }

  /**
   * Reception lookup: asks the central, applies what it may share (each person's events with the
   * lookup record in one transaction), and returns the decisions for the screen.
   */
  async lookup(request: Omit<LookupRequest, 'site'>): Promise<LookupResponse> {
    const answer = await this.deps.client.lookup(request);
    const now = this.deps.now();
    for (const person of answer.people) {
      this.deps.store.applyReceived(person.events, now, () => {
        this.deps.sync.addLookup({
          id: this.deps.newId(),
          personId: person.personId,
          userId: request.user.id,
          userName: request.user.name,
          purpose: request.purpose,
          identifierType: request.identifier.type,
          at: now.toISOString(),
          until: person.subscribedUntil,
          disclosureId: answer.disclosureId,
        });
      });
    }
    if (answer.people.length > 0) {
      this.deps.onPeopleChanged(answer.people.map((p) => p.personId));
      this.restartWait();
    }
    return answer;
  }
}
