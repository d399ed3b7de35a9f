// One channel call as a service sees it: who is calling, and the only way to write (one
// transaction carrying the change, its sync events and this call's audit row).
import type { SiteConfig } from '../../contract/site-config';
import type { TemplateRegistry } from '../../domain/templates/registry';
import type { AuditEntry } from '../../db/audit-log';
import type { SiteStore, StoreReads, StoreWrites } from '../../db/store';
import type { Session } from '../services/sessions';

export interface AuditNote {
  personId?: string | null;
  detail?: Record<string, unknown> | null;
  /** For calls made before sign-in: who the caller claimed to be. */
  username?: string | null;
  userId?: string | null;
}

export interface CallEnv {
  store: SiteStore;
  site: SiteConfig;
  now: () => Date;
  newId: () => string;
  /** The clinical templates this site uses: the shipped library, plus any the site loads. */
  templates: TemplateRegistry;
}

export class Call {
  /** Set once the call's audit row has been written inside a write transaction. */
  audited = false;
  note: AuditNote = {};

  constructor(
    readonly channel: string,
    readonly action: string,
    readonly session: Session | null,
    readonly env: CallEnv,
  ) {}

  get reads(): StoreReads {
    return this.env.store.reads;
  }

  get site(): SiteConfig {
    return this.env.site;
  }

  /** The signed-in session; the router guarantees it for every non-anonymous channel. */
  requireSession(): Session {
    if (!this.session) throw new Error(`channel ${this.channel} needs a session`);
    return this.session;
  }

  /** Runs `change` in one transaction with this call's audit row; `describe` adds what the audit should name. */
  write<T>(change: (w: StoreWrites) => T, describe?: (result: T) => AuditNote): T {
    if (this.audited) throw new Error('a call writes once');
    const now = this.env.now();
    const result = this.env.store.write({ originSite: this.env.site.siteCode, now, newId: this.env.newId }, change, (r) => {
      this.note = { ...this.note, ...describe?.(r) };
      return this.auditEntry('ok', null, now);
    });
    this.audited = true;
    return result;
  }

  auditEntry(outcome: AuditEntry['outcome'], reason: string | null, at: Date = this.env.now()): AuditEntry {
    const s = this.session;
    return {
      id: this.env.newId(),
      at: at.toISOString(),
      userId: s?.userId ?? this.note.userId ?? null,
      username: s?.username ?? this.note.username ?? null,
      roles: s ? s.roles.join(',') : null,
      channel: this.channel,
      action: this.action,
      personId: this.note.personId ?? null,
      outcome,
      reason,
      detail: this.note.detail ? JSON.stringify(this.note.detail) : null,
    };
  }
}
