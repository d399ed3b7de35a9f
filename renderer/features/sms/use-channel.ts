// Loads one channel's answer for a screen and keeps it fresh: `reload` asks again without blanking
// what is shown; an answer for an input already left behind is dropped.
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../contract/channels';
import type { RpcError } from '../../../contract/result';
import { useApp } from '../../app/store-context';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; error: RpcError } | { state: 'loaded'; value: T };

export function useChannel<C extends ChannelName>(channel: C, input: ChannelInput<C>): { load: Loaded<ChannelOutput<C>>; reload(): void } {
  const call = useApp((s) => s.call);
  const [load, setLoad] = useState<Loaded<ChannelOutput<C>>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let current = true;
    void call(channel, JSON.parse(key) as ChannelInput<C>).then((r) => {
      if (current) setLoad(r.ok ? { state: 'loaded', value: r.value } : { state: 'failed', error: r.error });
    });
    return () => {
      current = false;
    };
  }, [call, channel, key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { load, reload };
}
