// The site store: typed reads, and writes that can only happen inside one transaction that also
// carries the audit row and the sync events of the change (ARCHITECTURE.md; Signal's habit of
// separate read and write interfaces, so a write can't travel down a read path).
import { AuditLog, type AuditEntry } from './audit-log';
import type { OpenedStore, RawDb, SiteDb } from './open';
import { AccessRepo } from './access-repo';
import { FlagsRepo } from './flags-repo';
import { FormsRepo } from './forms-repo';
import { IdentityRepo } from './identity-repo';
import { NameSearchRepo } from './name-search-repo';
import { PersonsRepo } from './persons-repo';
import { SignInAttemptsRepo } from './sign-in-attempts-repo';
import { StaysRepo } from './stays-repo';
import { TasksRepo } from './tasks-repo';
import { SyncOutbox, type EventContext, type NewSyncEvent } from './sync-outbox';
import { UsersRepo } from './users-repo';

export interface StoreReads {
  readonly persons: Pick<PersonsRepo, 'bornOn' | 'bySeq' | 'get' | 'findIdByNhsNumber'>;
  readonly nameSearch: Pick<NameSearchRepo, 'search'>;
  readonly identity: Pick<IdentityRepo, 'identifiers' | 'aliases' | 'holdersOf' | 'holdersOfEach' | 'bornOn' | 'summaries' | 'numberPrefix'>;
  readonly stays: Pick<StaysRepo, 'forPerson' | 'get' | 'openAt'>;
  readonly flags: Pick<FlagsRepo, 'forPerson' | 'activeWithCode' | 'get'>;
  readonly tasks: Pick<TasksRepo, 'list' | 'get'>;
  readonly forms: Pick<FormsRepo, 'get' | 'forPerson' | 'handoversFor' | 'referralsFor'>;
  readonly access: Pick<AccessRepo, 'activeGrant' | 'lapsedGrants' | 'openGrants' | 'grant' | 'grants' | 'consentsFor' | 'agreements' | 'agreementVersionExists' | 'auditForPerson'>;
  readonly users: Pick<UsersRepo, 'count' | 'findByUsername' | 'findById' | 'list'>;
}

export interface StoreWrites extends StoreReads {
  readonly persons: PersonsRepo;
  readonly nameSearch: NameSearchRepo;
  readonly users: UsersRepo;
  readonly identity: IdentityRepo;
  readonly stays: StaysRepo;
  readonly flags: FlagsRepo;
  readonly tasks: TasksRepo;
  readonly forms: FormsRepo;
  readonly access: AccessRepo;
  /** Appends a sync event for this change (same transaction). */
  event(event: NewSyncEvent): { id: string; hlc: bigint };
}

export interface WriteContext {
  originSite: string;
  now: Date;
  newId: () => string;
}

export class SiteStore {
  readonly reads: StoreReads;
  private readonly writes: StoreWrites;
  private readonly audit: AuditLog;
  private readonly outbox: SyncOutbox;
  private eventContext: EventContext | null = null;
  /** Throttle counts: written outside clinical transactions (a failed sign-in changes no record). */
  readonly signInAttempts: SignInAttemptsRepo;

  constructor(private readonly opened: OpenedStore) {
    const repos = {
      persons: new PersonsRepo(opened.db),
      nameSearch: new NameSearchRepo(opened.raw),
      users: new UsersRepo(opened.db),
      identity: new IdentityRepo(opened.db),
      stays: new StaysRepo(opened.db),
      flags: new FlagsRepo(opened.db),
      tasks: new TasksRepo(opened.db),
      forms: new FormsRepo(opened.db),
      access: new AccessRepo(opened.db),
    };
    this.signInAttempts = new SignInAttemptsRepo(opened.raw);
    this.audit = new AuditLog(opened.raw);
    this.outbox = new SyncOutbox(opened.raw);
    this.reads = repos;
    this.writes = {
      ...repos,
      event: (event) => {
        if (!this.eventContext) throw new Error('sync events can only be written inside SiteStore.write');
        return this.outbox.append(event, this.eventContext);
      },
    };
  }

  get raw(): RawDb {
    return this.opened.raw;
  }

  get db(): SiteDb {
    return this.opened.db;
  }

  /**
   * Runs `change` and appends `audit` in one transaction (synchronous=FULL: durable on return).
   * The audit entry may depend on the change's result.
   */
  write<T>(ctx: WriteContext, change: (w: StoreWrites) => T, audit: (result: T) => AuditEntry): T {
    const run = this.opened.raw.transaction(() => {
      this.eventContext = { originSite: ctx.originSite, nowMs: ctx.now.getTime(), nowIso: ctx.now.toISOString(), newId: ctx.newId };
      try {
        const result = change(this.writes);
        this.audit.append(audit(result));
        return result;
      } finally {
        this.eventContext = null;
      }
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
