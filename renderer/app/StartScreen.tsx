import { usePageTitle } from './page-title';
import type { Route } from './navigation-slice';
import { useApp } from './store-context';

/** While the app asks the back end how this site stands, and what to say if it cannot. */
export function StartScreen({ route }: { route: Extract<Route, { name: 'starting' | 'startFailed' }> }) {
  usePageTitle(route.name === 'starting' ? 'Starting' : 'SONAR could not start');
  const start = useApp((s) => s.start);
  if (route.name === 'starting') {
    return (
      <p className="nhsuk-body" role="status">
        Starting SONAR…
      </p>
    );
  }
  return (
    <>
      <h1>SONAR could not start</h1>
      <div className="nhsuk-error-summary" role="alert" aria-labelledby="start-error-title">
        <h2 className="nhsuk-error-summary__heading" id="start-error-title">
          There is a problem
        </h2>
        <div className="nhsuk-error-summary__body">
          <p data-testid="start-error">{route.message}</p>
        </div>
      </div>
      <button type="button" className="nhsuk-button" onClick={() => void start()}>
        Try again
      </button>
    </>
  );
}
