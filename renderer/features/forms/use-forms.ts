// Loading templates and saved entries for the form screens (server-state.ts: one cache, refreshed
// when the person's record changes elsewhere).
import type { SavedResponse } from '../../../contract/channels/forms';
import type { Template } from '../../../domain/templates/template-schema';
import { useChannelQuery, useInvalidatePerson } from '../../app/server-state';

export type Loaded<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; value: T };

/** A template by id: the latest version, or the version an entry was made with. */
export function useTemplate(id: string | null, version: number | null): Loaded<Template> {
  const query = useChannelQuery('forms.template', { id: id ?? '', version }, { enabled: id !== null });
  if (query.data) return { state: 'loaded', value: query.data.template };
  if (query.error) return { state: 'failed', message: query.error.message };
  return { state: 'loading' };
}

/** A person's saved entries (newest first), of one template or all; with superseded versions when asked. */
export function useResponses(personId: string, templateId: string | null, includeHistory = false): { load: Loaded<SavedResponse[]>; reload(): void } {
  const query = useChannelQuery('forms.list', { personId, templateId, includeHistory });
  const invalidate = useInvalidatePerson();
  const load: Loaded<SavedResponse[]> = query.data
    ? { state: 'loaded', value: [...query.data.responses].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)) }
    : query.error
      ? { state: 'failed', message: query.error.message }
      : { state: 'loading' };
  return { load, reload: () => invalidate(personId) };
}
