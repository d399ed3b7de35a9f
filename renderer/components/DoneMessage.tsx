// What a small form inside a record section did ("Flag raised: Head injury."), shown where the
// clinician was working and focused, since the form that held focus has gone.
import { useEffect, useRef } from 'react';

export function DoneMessage({ text, testId }: { text: string | null; testId?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  if (!text) return null;
  return (
    <p className="sonar-done" role="status" tabIndex={-1} ref={ref} data-testid={testId ?? 'done-message'}>
      <span className="nhsuk-u-visually-hidden">Success: </span>
      {text}
    </p>
  );
}
