// A screen's h1, focused when the screen opens so keyboard and screen-reader users start at the top
// of what changed (the header link or button they used is no longer what matters).
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ children, className = 'nhsuk-heading-l' }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 className={`${className} sonar-page-heading`} ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
