// One channel call as a service sees it: who is calling, and the only way to write (one
// transaction carrying the change, its clinical events and this call's audit row). It lives with
// the services (the router creates it), so services never import the router.
import type { SiteConfig } from '../../contract/site-config';
import type { Author } from '../../contract/sync/envelope';
import { rolePermissions, type Role } from '../../domain/access/roles';
import type { TemplateRegistry } from '../../domain/templates/registry';
import type { AuditEntry } from '../../db/audit-log';
import { StaleVersionError } from '../../db/projector/projection-context';
import type { SiteStore, StoreReads, StoreWrites } from '../../db/store';
import type { SyncPort } from '../sync/sync-port';
import type { NoticeHub } from './notice-hub';
import type { Session } from './sessions';
import { ServiceError } from './service-error';

export interface AuditNote {
  personId?: string | null;
  detail?: Record<string, unknown> | null;
  /** For calls made before sign-in: who the caller claimed to be. */
  username?: string | null;
  userId?: string | null;
}

/** The rule that let a call reach a person's record: kept whatever the service notes later. */
export interface AccessBasis {
  rule: string;
  breakGlassGrantId: string | null;
}

export interface CallEnv {
  store: SiteStore;
  site: SiteConfig;
  now: () => Date;
  newId: () => string;
  /** The clinical templates this site uses: the shipped library, plus any the site loads. */
  templates: TemplateRegistry;
  /** Sync with the central record, when site policy turns it on. */
  sync: SyncPort;
  /** "Person changed" notices for live screens. */
  notices: NoticeHub;
}

/** The role a person acts in when they make a clinical change: their first clinical role, else their first role. */
export function actingRole(roles: readonly Role[]): Role {
  const clinical = roles.find((r) => rolePermissions[r].includes('patient.view'));
  const role = clinical ?? roles[0];
  if (!role) throw new Error('a session without roles cannot make changes');
  return role;
}

export class Call {
  /** Set once the call's audit row has been written inside a write transaction. */
  audited = false;
  private noted: AuditNote = {};
  /** Set by the relationship check; every audit row of the call names it. */
  accessBasis: AccessBasis | null = null;

  constructor(
    readonly channel: string,
    readonly action: string,
    readonly session: Session | null,
    readonly env: CallEnv,
  ) {}

  /** What the audit row will say. Assigning adds to it: later notes never erase earlier ones. */
  get note(): AuditNote {
    return this.noted;
  }

  set note(more: AuditNote) {
    const detail = this.noted.detail || more.detail ? { ...this.noted.detail, ...more.detail } : null;
    this.noted = { ...this.noted, ...more, detail };
  }

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

  /** The author of clinical events this call makes. */
  author(): Author {
    const s = this.requireSession();
    return { id: s.userId, name: s.fullName, role: actingRole(s.roles) };
  }

  /** Runs `change` in one transaction with this call's audit row; `describe` adds what the audit should name. */
  write<T>(change: (w: StoreWrites) => T, describe?: (result: T) => AuditNote): T {
    if (this.audited) throw new Error('a call writes once');
    const now = this.env.now();
    const author = this.session ? this.author() : null;
    try {
      const result = this.env.store.write({ originSite: this.env.site.siteCode, now, newId: this.env.newId, author }, change, (r) => {
        if (describe) this.note = describe(r);
        return this.auditEntry('ok', null, now);
      });
      this.audited = true;
      return result;
    } catch (err) {
      if (err instanceof StaleVersionError) {
        throw new ServiceError('conflict', 'This record was changed by someone else while you were working. Reload it and try again.');
      }
      throw err;
    }
  }

  auditEntry(outcome: AuditEntry['outcome'], reason: string | null, at: Date = this.env.now()): AuditEntry {
    const s = this.session;
    const detail = this.accessBasis ? { ...this.noted.detail, access: this.accessBasis } : this.noted.detail;
    return {
      id: this.env.newId(),
      at: at.toISOString(),
      userId: s?.userId ?? this.noted.userId ?? null,
      username: s?.username ?? this.noted.username ?? null,
      roles: s ? s.roles.join(',') : null,
      channel: this.channel,
      action: this.action,
      personId: this.noted.personId ?? null,
      outcome,
      reason,
      detail: detail ? JSON.stringify(detail) : null,
    };
  }
}
