// Locks the screen after the site's idle period with no key, pointer or focus activity, and keeps
// the server session alive while the user is active. Mounted by IdleLock while signed in and
// unlocked; it uses the page's own clock, so Playwright's page.clock can move time on in e2e.
import { useEffect } from 'react';
import { useApp } from '../../app/store-context';
import { IdleWatch } from './idle-watch';

/** What counts as the user being there. Listened to on window, capture phase, passive. */
export const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'focusin'] as const;

const pageClock = {
  now: () => Date.now(),
  setTimeout: (fn: () => void, ms: number) => window.setTimeout(fn, ms),
  clearTimeout: (handle: unknown) => window.clearTimeout(handle as number),
};

export function useIdleLock(idleSeconds: number): void {
  const lockScreen = useApp((s) => s.lockScreen);
  const call = useApp((s) => s.call);

  useEffect(() => {
    const watch = new IdleWatch(pageClock, {
      idleMs: idleSeconds * 1000,
      onIdle: () => void lockScreen('idle'),
      onKeepAlive: () => void call('auth.session', {}),
    });
    const onActivity = () => watch.activity();
    const options = { capture: true, passive: true } as const;
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, options);
    return () => {
      watch.stop();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, options);
    };
  }, [idleSeconds, lockScreen, call]);
}

/** Renders nothing; present in the page only while a session is open and unlocked. */
export function IdleLock({ idleSeconds }: { idleSeconds: number }) {
  useIdleLock(idleSeconds);
  return null;
}
