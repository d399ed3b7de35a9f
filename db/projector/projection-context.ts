// What an applier needs: the connection, this site's code (a conflict task belongs to the site that
// shows it), where the event came from, and a statement cache so each SQL text is prepared once.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { RawDb } from '../open';
import type { EventSource } from './event-log';

/** A local change was based on a version that is no longer current: someone else changed the record first. */
export class StaleVersionError extends Error {
  constructor(readonly recordType: string, readonly recordId: string) {
    super(`${recordType} ${recordId} was changed by someone else`);
    this.name = 'StaleVersionError';
  }
}

export class ProjectionContext {
  private readonly statements = new Map<string, Database.Statement>();
  source: EventSource = 'local';

  constructor(
    readonly raw: RawDb,
    readonly siteCode: string,
  ) {}

  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  run(sql: string, params: Record<string, unknown>): number {
    return this.stmt(sql).run(params).changes;
  }

  exists(sql: string, params: Record<string, unknown>): boolean {
    return this.stmt(sql).get(params) !== undefined;
  }

  /**
   * Runs an INSERT that ends in ON CONFLICT DO NOTHING. Received again or clashing with a record this
   * site holds, a synced row is left as it is; a local insert that changes nothing is a clash the
   * service should have refused, so it fails the whole transaction.
   */
  insert(recordType: string, recordId: string, sql: string, params: Record<string, unknown>): void {
    const changes = this.run(sql, params);
    if (changes === 0 && this.source === 'local') throw new StaleVersionError(recordType, recordId);
  }

  /**
   * Runs an UPDATE of one record guarded by its version: `@base` is the event's base version. A local
   * event must match the current version (else someone else changed it first); an event received by
   * sync is applied whatever the local version (the central raises conflicts), and a record this site
   * does not hold is left alone.
   */
  update(recordType: string, recordId: string, sql: string, params: Record<string, unknown>): void {
    const changes = this.run(sql, { ...params, local: this.source === 'local' ? 1 : 0 });
    if (changes === 0 && this.source === 'local') throw new StaleVersionError(recordType, recordId);
  }
}

/** The WHERE clause fragment every guarded update uses. */
export const VERSION_GUARD = '(@local = 0 OR version = @base)';
