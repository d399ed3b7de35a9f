// Loads the person a screen is about (patients.get) and keeps it fresh: after a change on the
// screen (a flag raised, a stay started) `reload` asks again without blanking the banner.
import { useCallback, useEffect, useState } from 'react';
import type { PersonRecord } from '../../../contract/channels/patients';
import type { RpcError } from '../../../contract/result';
import { useApp } from '../../app/store-context';

export type PersonLoad = { state: 'loading' } | { state: 'failed'; error: RpcError } | { state: 'loaded'; person: PersonRecord };

export function usePerson(personId: string): { load: PersonLoad; reload(): void } {
  const call = useApp((s) => s.call);
  const [load, setLoad] = useState<PersonLoad>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  // A notice that this person's record changed elsewhere (another PC, or sync) reads it again.
  const changed = useApp((s) => (s.changed[personId] ?? 0) + s.everythingChanged);

  useEffect(() => {
    let current = true; // the answer for a record already left behind is dropped
    void call('patients.get', { personId }).then((result) => {
      if (!current) return;
      setLoad(result.ok ? { state: 'loaded', person: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [call, personId, version, changed]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { load, reload };
}
