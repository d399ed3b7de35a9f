// Failed sign-in counts per username, kept in the database so a restart does not reset them.
import type { FailureRecord } from '../domain/access/sign-in-throttle-policy';
import type { RawDb } from './open';

export class SignInAttemptsRepo {
  private readonly select;
  private readonly upsert;
  private readonly remove;

  constructor(private readonly raw: RawDb) {
    this.select = raw.prepare('SELECT failures, first_failed_at AS firstFailedAt, last_failed_at AS lastFailedAt FROM sign_in_attempts WHERE username = ?');
    this.upsert = raw.prepare(
      `INSERT INTO sign_in_attempts (username, failures, first_failed_at, last_failed_at) VALUES (@username, @failures, @firstFailedAt, @lastFailedAt)
       ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, first_failed_at = excluded.first_failed_at, last_failed_at = excluded.last_failed_at`,
    );
    this.remove = raw.prepare('DELETE FROM sign_in_attempts WHERE username = ?');
  }

  get(username: string): FailureRecord | null {
    return (this.select.get(username) as FailureRecord | undefined) ?? null;
  }

  put(username: string, record: FailureRecord): void {
    this.raw.transaction(() => this.upsert.run({ username, ...record })).immediate();
  }

  clear(username: string): void {
    this.remove.run(username);
  }
}
