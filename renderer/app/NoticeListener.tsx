// Listens for "person changed" notices while someone is signed in and the screen is not locked:
// a long poll through the same bridge as every call (it does not count as the user's activity, so
// the idle lock still falls). Draws nothing.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { invalidatePeople } from './server-state';
import { useApp, useAppStore } from './store-context';

const WAIT_MS = 25_000;

export function NoticeListener() {
  const store = useAppStore();
  const queries = useQueryClient();
  const active = useApp((s) => s.session !== null && s.lock === null);

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    void (async () => {
      let backoff = 1000;
      while (!stopped) {
        const { call, noticeSeq } = store.getState();
        const result = await call('notices.wait', { after: noticeSeq, waitMs: WAIT_MS });
        if (stopped) return;
        if (result.ok) {
          backoff = 1000;
          store.getState().applyNotices(result.value);
          if (result.value.personIds.length > 0 || result.value.all) void invalidatePeople(queries, result.value.personIds, result.value.all);
        } else {
          await new Promise((r) => setTimeout(r, backoff));
          backoff = Math.min(backoff * 2, 30_000);
        }
      }
    })();
    return () => {
      stopped = true;
    };
  }, [active, store, queries]);

  return null;
}
