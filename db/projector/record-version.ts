// The current version of one record, by its record type: the base version a new event on it must
// name (a conflict resolution re-states the kept value against the record as it now stands).
import type { RecordType } from '../../contract/sync/envelope';
import type { RawDb } from '../open';

const QUERIES: Partial<Record<RecordType, string>> = {
  person: 'SELECT version FROM persons WHERE id = ?',
  identifier: 'SELECT version FROM person_identifiers WHERE id = ?',
  alias: 'SELECT version FROM person_aliases WHERE id = ?',
  stay: 'SELECT version FROM stays WHERE id = ?',
  flag: 'SELECT version FROM flags WHERE id = ?',
  task: 'SELECT version FROM tasks WHERE id = ?',
  referral: 'SELECT version FROM referrals WHERE id = ?',
  form_response: 'SELECT version FROM form_responses WHERE chain_id = ? AND current = 1',
  conflict: 'SELECT version FROM sync_conflicts WHERE id = ?',
};

export function recordVersion(raw: RawDb, recordType: RecordType, recordId: string): number | null {
  const sql = QUERIES[recordType];
  if (!sql) return null;
  return (raw.prepare(sql).pluck().get(recordId) as number | undefined) ?? null;
}
