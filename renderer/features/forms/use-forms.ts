// Loading templates and saved entries for the form screens.
import { useCallback, useEffect, useState } from 'react';
import type { SavedResponse } from '../../../contract/channels/forms';
import type { Template } from '../../../domain/templates/template-schema';
import { useApp } from '../../app/store-context';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; value: T };

/** A template by id: the latest version, or the version an entry was made with. */
export function useTemplate(id: string | null, version: number | null): Loaded<Template> {
  const call = useApp((s) => s.call);
  const [load, setLoad] = useState<Loaded<Template>>({ state: 'loading' });
  useEffect(() => {
    if (id === null) return;
    let current = true;
    void call('forms.template', { id, version }).then((r) => {
      if (current) setLoad(r.ok ? { state: 'loaded', value: r.value.template } : { state: 'failed', message: r.error.message });
    });
    return () => {
      current = false;
    };
  }, [call, id, version]);
  return load;
}

/** A person's saved entries (newest first), of one template or all; with superseded versions when asked. */
export function useResponses(personId: string, templateId: string | null, includeHistory = false): { load: Loaded<SavedResponse[]>; reload(): void } {
  const call = useApp((s) => s.call);
  const [load, setLoad] = useState<Loaded<SavedResponse[]>>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    void call('forms.list', { personId, templateId, includeHistory }).then((r) => {
      if (!current) return;
      setLoad(r.ok ? { state: 'loaded', value: [...r.value.responses].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)) } : { state: 'failed', message: r.error.message });
    });
    return () => {
      current = false;
    };
  }, [call, personId, templateId, includeHistory, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { load, reload };
}
