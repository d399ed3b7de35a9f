// Renderer entry. Styles are files (the CSP allows no inline style); the transport is the
// Electron preload's window.sonar where present, otherwise the browser host's fetch bridge.
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './styles/app.css';
import './styles/forms.css';
import './styles/chart-print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveBridge } from './api/bridge';
import { App } from './app/App';
import { createAppStore } from './app/store';
import { AppStoreProvider } from './app/store-context';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient, forgetPeople } from './app/server-state';

document.body.classList.add('nhsuk-frontend-supported');
const store = createAppStore({ bridge: resolveBridge(window) });
const queries = createQueryClient();
// Nothing read for one user is kept for the next: the cache empties when the session ends or locks.
// An emergency access that has ended (or run out) leaves nothing of the person in the cache: opening
// the record again shows no stale copy and asks for a reason again.
store.subscribe((state, previous) => {
  if ((previous.session && !state.session) || (!previous.lock && state.lock)) queries.clear();
  const ended = Object.keys(previous.grants).filter((personId) => !state.grants[personId]);
  if (ended.length > 0) forgetPeople(queries, ended);
});
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <QueryClientProvider client={queries}>
        <App />
      </QueryClientProvider>
    </AppStoreProvider>
  </StrictMode>,
);
