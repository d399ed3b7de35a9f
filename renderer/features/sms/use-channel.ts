// Loads one channel's answer for a screen through the shared server-state cache (server-state.ts):
// a "person changed" notice (another PC, or sync) or a change made on the record marks it stale and
// it reads again without blanking what is shown. `reload` after a change on this screen re-reads
// everything shown about the person the input names (the banner, tasks and sections with it), or
// this read alone when it names nobody.
import { useCallback } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../contract/channels';
import type { RpcError } from '../../../contract/result';
import { useChannelQuery, useInvalidatePerson } from '../../app/server-state';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: RpcError } | { state: 'loaded'; value: T };

function personIdOf(input: unknown): string | null {
  return typeof input === 'object' && input !== null && typeof (input as { personId?: unknown }).personId === 'string' ? (input as { personId: string }).personId : null;
}

export function useChannel<C extends ChannelName>(channel: C, input: ChannelInput<C>): { load: Loaded<ChannelOutput<C>>; reload(): void } {
  const query = useChannelQuery(channel, input);
  const invalidate = useInvalidatePerson();
  const personId = personIdOf(input);
  const { refetch } = query;
  const load: Loaded<ChannelOutput<C>> =
    query.data !== undefined ? { state: 'loaded', value: query.data } : query.error ? { state: 'failed', error: query.error.rpc } : { state: 'loading' };
  const reload = useCallback(() => {
    if (personId) invalidate(personId);
    else void refetch();
  }, [invalidate, personId, refetch]);
  return { load, reload };
}
