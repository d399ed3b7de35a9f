// Server state through one library (TanStack Query): every screen reads a channel with
// useChannelQuery, so one cache answers repeated reads, and a "person changed" notice (a save on
// another PC of this site, or records pulled from the central) marks every read about that person
// stale at once. Reads fail as RpcErrors, never thrown strings; nothing is kept across sign-outs.
import { QueryClient, useQuery, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../contract/channels';
import type { RpcError } from '../../contract/result';
import { useApp } from './store-context';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Clinical screens show what is current: every mount reads again; the cache only saves the
        // second identical read while one is in flight and keeps what is shown during a refetch.
        staleTime: 0,
        gcTime: 60_000,
        retry: false,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export class ChannelError extends Error {
  constructor(readonly rpc: RpcError) {
    super(rpc.message);
    this.name = 'ChannelError';
  }
}

/** Reads one channel; the key is the channel and its input, so a person's reads carry their id. */
export function useChannelQuery<C extends ChannelName>(
  channel: C,
  input: ChannelInput<C>,
  options: { enabled?: boolean; refetchIntervalMs?: number } = {},
): UseQueryResult<ChannelOutput<C>, ChannelError> {
  const call = useApp((s) => s.call);
  return useQuery({
    queryKey: [channel, input],
    queryFn: async () => {
      const result = await call(channel, input);
      if (!result.ok) throw new ChannelError(result.error);
      return result.value;
    },
    ...(options.enabled === undefined ? {} : { enabled: options.enabled }),
    ...(options.refetchIntervalMs === undefined ? {} : { refetchInterval: options.refetchIntervalMs }),
  });
}

function personIdOf(key: readonly unknown[]): string | null {
  const input = key[1];
  return typeof input === 'object' && input !== null && typeof (input as { personId?: unknown }).personId === 'string' ? (input as { personId: string }).personId : null;
}

/** Marks stale every read about these people (all reads when `all`); open screens read again. */
export function invalidatePeople(client: QueryClient, personIds: readonly string[], all = false): Promise<void> {
  if (all) return client.invalidateQueries();
  const ids = new Set(personIds);
  return client.invalidateQueries({ predicate: (q) => ids.has(personIdOf(q.queryKey) ?? '') });
}

/** Drops every cached read about these people: nothing of them is left to show while a fresh read is refused. */
export function forgetPeople(client: QueryClient, personIds: readonly string[]): void {
  const ids = new Set(personIds);
  client.removeQueries({ predicate: (q) => ids.has(personIdOf(q.queryKey) ?? '') });
}

/** After a change made on this screen: everything shown about the person is read again. */
export function useInvalidatePerson(): (personId: string) => void {
  const client = useQueryClient();
  return useCallback((personId: string) => void invalidatePeople(client, [personId]), [client]);
}
