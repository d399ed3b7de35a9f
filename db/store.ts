// The site store: typed reads, and writes that can only happen inside one transaction that also
// carries the audit row. Clinical data changes only by events (db/projector): a write emits typed
// events, which are logged, applied and queued for sync in the same transaction. Local-only data
// (staff accounts, break-glass grants, sharing agreements, sign-in attempts, audit) is written
// directly. Separate read and write interfaces, so a write can't travel down a read path.
import { v7 as uuidv7 } from 'uuid';
import type { Author } from '../contract/sync/envelope';
import { clinicalEventSchema, type ClinicalEvent } from '../contract/sync/events';
import { AccessRepo } from './access-repo';
import { AuditLog, type AuditEntry } from './audit-log';
import { eventContentHash } from './event-hash';
import { FlagsRepo } from './flags-repo';
import { FormsRepo } from './forms-repo';
import { HlcClock } from './hlc-clock';
import { IdentityRepo } from './identity-repo';
import { NameSearchRepo } from './name-search-repo';
import type { OpenedStore, RawDb, SiteDb } from './open';
import { PersonsRepo } from './persons-repo';
import { RecordExportRepo } from './record-export-repo';
import type { EventLog } from './projector/event-log';
import type { ApplyOutcome } from './projector/projector';
import { Projector } from './projector/projector';
import { SignInAttemptsRepo } from './sign-in-attempts-repo';
import { SmsRepo } from './sms-repo';
import { StaysRepo } from './stays-repo';
import { TasksRepo } from './tasks-repo';
import { SyncRepo } from './sync-repo';
import { UsersRepo } from './users-repo';

type EnvelopeFilled = 'eventId' | 'hlc' | 'originSite' | 'author' | 'recordedAt' | 'contentHash';
/** What a service says about a change; the store adds id, clock, origin, author, time and hash. */
export type EventDraft = ClinicalEvent extends infer E ? (E extends ClinicalEvent ? Omit<E, EnvelopeFilled> : never) : never;

export interface StoreReads {
  readonly persons: PersonsRepo;
  readonly nameSearch: NameSearchRepo;
  readonly identity: IdentityRepo;
  readonly stays: StaysRepo;
  readonly flags: FlagsRepo;
  readonly tasks: TasksRepo;
  readonly forms: FormsRepo;
  readonly sms: SmsRepo;
  readonly access: Pick<AccessRepo, 'activeGrant' | 'lapsedGrants' | 'openGrants' | 'grant' | 'grants' | 'consentsFor' | 'agreements' | 'agreementVersionExists' | 'auditForPerson'>;
  readonly users: Pick<UsersRepo, 'count' | 'findByUsername' | 'findById' | 'list'>;
  /** The event log: a record's history, oldest first. */
  readonly events: Pick<EventLog, 'forRecord'>;
  /** A whole person's tasks and event log, for exporting their record. */
  readonly recordExport: RecordExportRepo;
}

export interface StoreWrites extends StoreReads {
  readonly users: UsersRepo;
  readonly access: AccessRepo;
  /** Makes, logs and applies a clinical event (same transaction); returns the event as stored. */
  emit(draft: EventDraft): ClinicalEvent;
}

export interface WriteContext {
  originSite: string;
  now: Date;
  newId: () => string;
  /** Who makes the clinical events of this write; null for writes of local-only data. */
  author: Author | null;
}

export class SiteStore {
  readonly reads: StoreReads;
  private readonly writes: StoreWrites;
  private readonly audit: AuditLog;
  private readonly clock: HlcClock;
  readonly projector: Projector;
  private context: WriteContext | null = null;
  private emitted: ClinicalEvent[] = [];
  private readonly committedListeners: ((events: readonly ClinicalEvent[]) => void)[] = [];
  /** Sync bookkeeping (cursor, batch counter, withheld notices, lookups): local-only. */
  readonly sync: SyncRepo;
  /** Throttle counts: written outside clinical transactions (a failed sign-in changes no record). */
  readonly signInAttempts: SignInAttemptsRepo;

  constructor(
    private readonly opened: OpenedStore,
    readonly siteCode: string,
  ) {
    const repos = {
      persons: new PersonsRepo(opened.db),
      nameSearch: new NameSearchRepo(opened.raw),
      users: new UsersRepo(opened.db),
      identity: new IdentityRepo(opened.db),
      stays: new StaysRepo(opened.db),
      flags: new FlagsRepo(opened.db),
      tasks: new TasksRepo(opened.db),
      forms: new FormsRepo(opened.db),
      sms: new SmsRepo(opened.db),
      access: new AccessRepo(opened.db),
    };
    this.signInAttempts = new SignInAttemptsRepo(opened.raw);
    this.audit = new AuditLog(opened.raw);
    this.clock = new HlcClock(opened.raw);
    this.projector = new Projector(opened.raw, siteCode);
    this.sync = new SyncRepo(opened.raw);
    this.reads = { ...repos, events: this.projector.log, recordExport: new RecordExportRepo(opened.raw, opened.db) };
    this.writes = { ...this.reads, ...repos, emit: (draft) => this.emit(draft) };
  }

  get raw(): RawDb {
    return this.opened.raw;
  }

  get db(): SiteDb {
    return this.opened.db;
  }

  private emit(draft: EventDraft): ClinicalEvent {
    const ctx = this.context;
    if (!ctx) throw new Error('clinical events can only be made inside SiteStore.write');
    if (!ctx.author) throw new Error('a clinical event needs an author');
    const unhashed = {
      ...draft,
      eventId: uuidv7({ msecs: ctx.now.getTime() }),
      hlc: this.clock.tick(ctx.now.getTime()).toString(),
      originSite: ctx.originSite,
      author: ctx.author,
      recordedAt: ctx.now.toISOString(),
    };
    // Parsed before it is stored: an event the other end would refuse is refused here, at its source.
    const event = clinicalEventSchema.parse({ ...unhashed, contentHash: eventContentHash(unhashed as ClinicalEvent) });
    this.projector.apply(event, 'local', ctx.now.toISOString());
    this.emitted.push(event);
    return event;
  }

  /** Called after each committed write that made clinical events (the sync engine pushes soon; live screens refresh). */
  onCommitted(listener: (events: readonly ClinicalEvent[]) => void): void {
    this.committedListeners.push(listener);
  }

  /**
   * Runs `change` and appends `audit` in one transaction (synchronous=FULL: durable on return).
   * The audit entry may depend on the change's result.
   */
  write<T>(ctx: WriteContext, change: (w: StoreWrites) => T, audit: (result: T) => AuditEntry): T {
    const run = this.opened.raw.transaction(() => {
      this.context = ctx;
      this.emitted = [];
      try {
        const result = change(this.writes);
        this.audit.append(audit(result));
        return result;
      } finally {
        this.context = null;
      }
    });
    const result = run.immediate();
    const events = this.emitted;
    this.emitted = [];
    if (events.length > 0) for (const listener of this.committedListeners) listener(events);
    return result;
  }

  /**
   * Applies events received by sync, with `alongside` (the cursor advance) in one transaction.
   * Each event's clock stamp moves this site's clock forward. Returns what happened to each.
   */
  applyReceived(events: readonly ClinicalEvent[], now: Date, alongside: () => void = () => {}): ApplyOutcome[] {
    const run = this.opened.raw.transaction(() => {
      const outcomes = events.map((event) => {
        this.clock.receive(BigInt(event.hlc), now.getTime());
        return this.projector.apply(event, 'sync', now.toISOString());
      });
      alongside();
      return outcomes;
    });
    return run.immediate();
  }

  /**
   * Appends an audit row on its own, for reads (a view, a search, a refusal). Reads change no
   * clinical data, so this commit is not fsync'd on its own: the next clinical write's fsync
   * (WAL is sequential) makes it durable. A power cut can lose at most the last few read rows.
   */
  auditOnly(entry: AuditEntry): void {
    const raw = this.opened.raw;
    raw.pragma('synchronous = NORMAL');
    try {
      raw.transaction(() => this.audit.append(entry)).immediate();
    } finally {
      raw.pragma('synchronous = FULL');
    }
  }

  close(): void {
    this.opened.close();
  }
}
