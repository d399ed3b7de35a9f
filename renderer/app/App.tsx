// The one page: header, skip link, any notice carried over, and the screen for the current route.
import { useEffect } from 'react';
import { focusById } from '../components/focus';
import { NoticeBanner } from '../components/NoticeBanner';
import { SignInScreen } from '../features/auth/SignInScreen';
import { RecordScreen } from '../features/record/RecordScreen';
import { RegisterScreen } from '../features/register/RegisterScreen';
import { SearchScreen } from '../features/search/SearchScreen';
import { FirstRunScreen } from '../features/setup/FirstRunScreen';
import { Header } from './Header';
import type { Route } from './navigation-slice';
import { StartScreen } from './StartScreen';
import { useApp } from './store-context';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'starting':
    case 'startFailed':
      return <StartScreen route={route} />;
    case 'setup':
      return <FirstRunScreen site={route.site} />;
    case 'signIn':
      return <SignInScreen />;
    case 'search':
      return <SearchScreen />;
    case 'register':
      return <RegisterScreen prefill={route.prefill} />;
    case 'record':
      return <RecordScreen key={route.personId} personId={route.personId} />;
  }
}

export function App() {
  const route = useApp((s) => s.route);
  const notice = useApp((s) => s.notice);
  const start = useApp((s) => s.start);

  useEffect(() => {
    void start();
  }, [start]);

  return (
    <>
      <a
        className="nhsuk-skip-link"
        href="#maincontent"
        onClick={(e) => {
          e.preventDefault();
          focusById('maincontent');
        }}
      >
        Skip to main content
      </a>
      <Header />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper sonar-main" id="maincontent" tabIndex={-1} data-route={route.name}>
          {/* A record puts the patient banner first and its own notice below it (RecordScreen). */}
          {notice && route.name !== 'record' ? <NoticeBanner notice={notice} /> : null}
          <Screen route={route} />
        </main>
      </div>
    </>
  );
}
