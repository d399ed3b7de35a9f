// The shared cache of channel reads: reads about one person can be marked stale or dropped without
// touching anyone else's (an emergency access ended must leave nothing of that person to show).
import { describe, expect, it } from 'vitest';
import { createQueryClient, forgetPeople, invalidatePeople } from './server-state';

function cacheWith() {
  const client = createQueryClient();
  client.setQueryData(['patients.get', { personId: 'a' }], { id: 'a' });
  client.setQueryData(['sms.record', { personId: 'a' }], { scope: 'detail' });
  client.setQueryData(['patients.get', { personId: 'b' }], { id: 'b' });
  client.setQueryData(['tasks.workers', {}], { workers: [] });
  return client;
}

describe('server state by person', () => {
  it('forgets every read about the people named, and only those', () => {
    const client = cacheWith();
    forgetPeople(client, ['a']);
    expect(client.getQueryData(['patients.get', { personId: 'a' }])).toBeUndefined();
    expect(client.getQueryData(['sms.record', { personId: 'a' }])).toBeUndefined();
    expect(client.getQueryData(['patients.get', { personId: 'b' }])).toEqual({ id: 'b' });
    expect(client.getQueryData(['tasks.workers', {}])).toEqual({ workers: [] });
  });

  it('marks stale the reads about the people named, keeping what is shown meanwhile', async () => {
    const client = cacheWith();
    await invalidatePeople(client, ['a']);
    expect(client.getQueryState(['sms.record', { personId: 'a' }])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['patients.get', { personId: 'b' }])?.isInvalidated).toBe(false);
    expect(client.getQueryData(['sms.record', { personId: 'a' }])).toEqual({ scope: 'detail' });
  });
});
