import type { Route } from '../app/navigation-slice';
import { useApp } from '../app/store-context';

/** NHS back link to another screen of the app (screens come from state, not URLs). */
export function BackLink({ route, label }: { route: Route; label: string }) {
  const navigate = useApp((s) => s.navigate);
  return (
    <a
      className="nhsuk-back-link"
      href={`#${route.name}`}
      onClick={(e) => {
        e.preventDefault();
        navigate(route);
      }}
    >
      {label}
    </a>
  );
}
