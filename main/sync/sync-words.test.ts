import { describe, expect, it } from 'vitest';
import { CentralError } from './central-client';
import { describeSyncError } from './sync-words';

describe('sync problems in plain words', () => {
  it('names what happened and what to do', () => {
    expect(describeSyncError(new CentralError('certificate_expired', 'expired 2026-11-01')).message).toMatch(/certificate has expired.*ask site IT to renew it/);
    expect(describeSyncError(new CentralError('unreachable', 'ECONNREFUSED'))).toMatchObject({ kind: 'unreachable', message: expect.stringMatching(/cannot be reached\. Work carries on here/) });
    expect(describeSyncError(new CentralError('timeout', 'no answer')).kind).toBe('unreachable');
    expect(describeSyncError(new CentralError('rejected', 'no agreement', 403, 'not_permitted'))).toMatchObject({ kind: 'not_permitted', message: 'Not permitted by policy: no agreement' });
    expect(describeSyncError(new CentralError('untrusted_central', 'self-signed')).message).toMatch(/did not prove who it is/);
  });

  it('does not hide an unexpected failure', () => {
    expect(describeSyncError(new Error('disk I/O error'))).toEqual({ kind: 'internal', message: 'Sync failed here: disk I/O error' });
  });
});
