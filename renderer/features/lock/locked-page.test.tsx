// What the page holds while locked, rendered to markup: the lock screen and the user's name, and
// nothing of the person whose record was open.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SonarBridge } from '../../../contract/channels';
import { App } from '../../app/App';
import { createAppStore } from '../../app/store';
import { AppStoreProvider } from '../../app/store-context';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '../../app/server-state';
import { BreakGlassScreen } from '../governance/BreakGlassScreen';

/** Answers the lock; anything else never comes back (no screen here needs it to). */
const never = {
  invoke: (channel: string) => (channel === 'auth.lock' ? Promise.resolve({ ok: true, value: { locked: true } }) : new Promise(() => undefined)),
} as unknown as SonarBridge;
const site = { siteCode: 'DEMO01', siteName: 'Demo Custody Suite', siteType: 'custody', demo: true } as const;
const user = { id: 'u1', username: 'alex', fullName: 'Alex Morgan', roles: ['custody_hcp'], permissions: ['patient.search', 'patient.view'] } as const;
const person = { id: 'p1', familyName: 'Jones', givenNames: 'Mary', title: 'Mrs', birthDate: '1945-07-14', sex: 'female', nhsNumber: '9434765919', match: { kind: 'name' } } as const;
const answer = { kind: 'name', offset: 0, pageSize: 25, total: 1, totalIsAtLeast: false, similarTotal: 0, ranked: true, tried: [], birthDate: null } as const;

function storeOnSearch() {
  const store = createAppStore({ bridge: never });
  store.setState({
    site,
    session: { token: 't', user: { ...user, roles: [...user.roles], permissions: [...user.permissions] }, idleLockSeconds: 300, mustChangePassword: false },
    route: { name: 'search' },
    searchQuery: 'jones',
    resultsFor: 'jones',
    results: [person] as never,
    searchAnswer: answer as never,
    searchStatus: 'done',
  });
  return store;
}

/** Server rendering reads a store's initial state: this one's is whatever it holds now. */
const render = (store: ReturnType<typeof createAppStore>, node = <App />) =>
  renderToStaticMarkup(
    <AppStoreProvider store={{ ...store, getInitialState: store.getState }}>
      <QueryClientProvider client={createQueryClient()}>{node}</QueryClientProvider>
    </AppStoreProvider>,
  );

describe('the locked page', () => {
  it('shows the results before the lock, and neither them nor the query after it', async () => {
    const store = storeOnSearch();
    expect(render(store)).toContain('JONES');
    await store.getState().lockScreen('idle');
    const html = render(store);
    expect(html).toContain('Screen locked');
    expect(html).toContain('Alex Morgan');
    expect(html).toContain('Sign in as someone else');
    expect(html).toContain('data-route="locked"');
    expect(html).not.toMatch(/jones/i);
    expect(html).not.toContain('9434765919');
    expect(html).not.toContain('Find a person'); // no menu while locked
  });
});

describe('the break-glass page', () => {
  it('says access is recorded and reviewed, and shows nothing about the person', () => {
    const store = storeOnSearch();
    store.setState({ results: [], searchQuery: '', resultsFor: '' });
    const html = render(store, <BreakGlassScreen personId="p1" then={{ name: 'record', personId: 'p1' }} />);
    expect(html).toContain('recorded');
    expect(html).toContain('reviews every emergency access');
    expect(html).toContain('15 minutes');
    expect(html).toContain('1 hour');
    expect(html).not.toMatch(/jones|mary|1945|p1/i);
  });
});
