import { useEffect } from 'react';

/** Each screen names itself in the window title, so the taskbar and screen readers say where you are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} - SONAR`;
  }, [title]);
}
