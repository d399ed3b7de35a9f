// The one page: header, skip link, any notice carried over, and the screen for the current route.
import { LookupScreen } from '../features/sync/LookupScreen';
import { SyncScreen } from '../features/sync/SyncScreen';
import { SyncStatusArea } from '../features/sync/SyncStatusArea';
import { NoticeListener } from './NoticeListener';
import { useEffect } from 'react';
import { focusById } from '../components/focus';
import { NoticeBanner } from '../components/NoticeBanner';
import { SignInScreen } from '../features/auth/SignInScreen';
import { AmendScreen } from '../features/forms/AmendScreen';
import { FormScreen } from '../features/forms/FormScreen';
import { ResponseScreen } from '../features/forms/ResponseScreen';
import { HandoverScreen } from '../features/handover/HandoverScreen';
import { ScaleScreen } from '../features/scales/ScaleScreen';
import { RecordScreen } from '../features/record/RecordScreen';
import { RegisterScreen } from '../features/register/RegisterScreen';
import { SearchScreen } from '../features/search/SearchScreen';
import { TasksScreen } from '../features/tasks/TasksScreen';
import { FirstRunScreen } from '../features/setup/FirstRunScreen';
import { AccessScreen } from '../features/account/AccessScreens';
import { LockScreen } from '../features/lock/LockScreen';
import { IdleLock } from '../features/lock/use-idle-lock';
import { Header } from './Header';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
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
    case 'tasks':
      return <TasksScreen />;
    case 'form':
      return <FormScreen key={`${route.personId}:${route.templateId}`} personId={route.personId} templateId={route.templateId} />;
    case 'scale':
      return <ScaleScreen key={`${route.personId}:${route.templateId}`} personId={route.personId} templateId={route.templateId} />;
    case 'response':
      return <ResponseScreen key={route.responseId} personId={route.personId} responseId={route.responseId} />;
    case 'amend':
      return <AmendScreen key={route.responseId} personId={route.personId} responseId={route.responseId} />;
    case 'handover':
      return <HandoverScreen key={route.responseId} personId={route.personId} responseId={route.responseId} />;
    case 'lookup':
      return <LookupScreen />;
    case 'sync':
      return <SyncScreen />;
    default:
      return <AccessScreen route={route} />;
  }
}

/** Screens about one person put the banner first and their own notice below it (PersonFrame). */
function showsPerson(route: Route): boolean {
  return 'personId' in route;
}

export function App() {
  const route = useApp((s) => s.route);
  const notice = useApp((s) => s.notice);
  const start = useApp((s) => s.start);
  const navigate = useApp((s) => s.navigate);
  // A locked screen draws nothing of the route: the screen and its patient data are unmounted.
  const lock = useApp((s) => s.lock);
  const idleSeconds = useApp((s) => s.session?.idleLockSeconds ?? null);

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
      <SyncStatusArea />
      <NoticeListener />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper sonar-main" id="maincontent" tabIndex={-1} data-route={lock ? 'locked' : route.name}>
          {lock ? (
            <LockScreen lock={lock} />
          ) : (
            <>
              {notice && !showsPerson(route) ? <NoticeBanner notice={notice} /> : null}
              <ScreenErrorBoundary key={JSON.stringify(route)} onHome={() => navigate({ name: 'search' })}>
                <Screen route={route} />
              </ScreenErrorBoundary>
            </>
          )}
        </main>
        {idleSeconds !== null && !lock ? <IdleLock idleSeconds={idleSeconds} /> : null}
      </div>
    </>
  );
}
