// Loads the person a screen is about (patients.get) and keeps it fresh: after a change on the
// screen (a flag raised, a stay started) `reload` reads again without blanking the banner, and a
// notice that the record changed elsewhere (another PC, or sync) does the same (server-state.ts).
import type { PersonRecord } from '../../../contract/channels/patients';
import type { RpcError } from '../../../contract/result';
import { useChannelQuery, useInvalidatePerson } from '../../app/server-state';

export type PersonLoad = { state: 'loading' } | { state: 'failed'; error: RpcError } | { state: 'loaded'; person: PersonRecord };

export function usePerson(personId: string): { load: PersonLoad; reload(): void } {
  const query = useChannelQuery('patients.get', { personId });
  const invalidate = useInvalidatePerson();
  const load: PersonLoad = query.data ? { state: 'loaded', person: query.data } : query.error ? { state: 'failed', error: query.error.rpc } : { state: 'loading' };
  return { load, reload: () => invalidate(personId) };
}
