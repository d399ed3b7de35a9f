import { describe, expect, it } from 'vitest';
import type { ChannelName, SonarBridge } from '../../contract/channels';
import type { RpcResult } from '../../contract/result';
import { createAppStore } from './store';

// A scriptable stand-in for window.sonar: each call waits until the test answers it.
interface PendingCall {
  channel: ChannelName;
  input: unknown;
  session: string | null;
  answer(result: RpcResult<unknown>): void;
}

function scriptedBridge(): { bridge: SonarBridge; calls: PendingCall[] } {
  const calls: PendingCall[] = [];
  const bridge = {
    invoke(channel: ChannelName, input: unknown, session: string | null) {
      return new Promise<RpcResult<unknown>>((resolve) => calls.push({ channel, input, session, answer: resolve }));
    },
  } as SonarBridge;
  return { bridge, calls };
}

/** Timers the test fires by hand. */
function manualTimers() {
  let next = 1;
  const pending = new Map<number, () => void>();
  return {
    timers: {
      setTimeout(fn: () => void) {
        const id = next++;
        pending.set(id, fn);
        return id;
      },
      clearTimeout(handle: unknown) {
        pending.delete(handle as number);
      },
    },
    pendingCount: () => pending.size,
    fireAll() {
      const fns = [...pending.values()];
      pending.clear();
      for (const fn of fns) fn();
    },
  };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

const site = { siteCode: 'DEMO01', siteName: 'Demo Custody Suite', siteType: 'custody', demo: true } as const;
const user = { id: 'u1', username: 'alex', fullName: 'Alex Morgan', roles: ['site_admin', 'custody_hcp'], permissions: ['patient.search'] };

function setup() {
  const { bridge, calls } = scriptedBridge();
  const clock = manualTimers();
  const store = createAppStore({ bridge, timers: clock.timers, searchDebounceMs: 150 });
  const last = () => {
    const c = calls[calls.length - 1];
    if (!c) throw new Error('no call made');
    return c;
  };
  return { store, calls, clock, last };
}

async function signedIn() {
  const t = setup();
  const signing = t.store.getState().signIn('alex', 'correct horse battery');
  t.last().answer({ ok: true, value: { token: 'tok-1', user, site, idleLockSeconds: 300, breakGlass: [] } });
  await signing;
  return t;
}

describe('app start', () => {
  it('goes to first-run setup when the site has no administrator', async () => {
    const { store, last } = setup();
    const starting = store.getState().start();
    expect(last().channel).toBe('setup.status');
    last().answer({ ok: true, value: { needsFirstAdmin: true, site } });
    await starting;
    expect(store.getState().route).toEqual({ name: 'setup', site });
    expect(store.getState().site).toEqual(site);
  });

  it('goes to sign-in otherwise, and says why when the back end cannot be reached', async () => {
    const { store, last } = setup();
    let starting = store.getState().start();
    last().answer({ ok: true, value: { needsFirstAdmin: false, site } });
    await starting;
    expect(store.getState().route.name).toBe('signIn');

    starting = store.getState().start();
    last().answer({ ok: false, error: { code: 'unauthenticated', message: 'Open SONAR with the address printed when it started.' } });
    await starting;
    expect(store.getState().route).toEqual({ name: 'startFailed', message: 'Open SONAR with the address printed when it started.' });
  });
});

describe('session', () => {
  it('keeps the token in memory and sends it with later calls', async () => {
    const { store, last } = await signedIn();
    expect(store.getState().route.name).toBe('search');
    expect(store.getState().session?.user.fullName).toBe('Alex Morgan');
    void store.getState().call('patients.get', { personId: 'p1' });
    expect(last().session).toBe('tok-1');
  });

  it('a wrong password is an answer for the form, not a session end', async () => {
    const { store, last } = setup();
    store.getState().navigate({ name: 'signIn' });
    const signing = store.getState().signIn('alex', 'wrong');
    last().answer({ ok: false, error: { code: 'unauthenticated', message: 'The username or password is not right.' } });
    const result = await signing;
    expect(result.ok).toBe(false);
    expect(store.getState().notice).toBeNull();
    expect(store.getState().session).toBeNull();
  });

  it('returns to sign-in with the reason when a signed-in call is refused as unauthenticated', async () => {
    const { store, last } = await signedIn();
    store.getState().navigate({ name: 'record', personId: 'p1' });
    const getting = store.getState().call('patients.get', { personId: 'p1' });
    last().answer({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended. Sign in again.' } });
    await getting;
    expect(store.getState().session).toBeNull();
    expect(store.getState().route).toEqual({ name: 'signIn' });
    expect(store.getState().notice).toEqual({ kind: 'warning', text: 'Your session has ended. Sign in again.' });
  });

  it('a late refusal for an old session does not sign out the next user', async () => {
    const { store, calls, last } = await signedIn();
    const old = store.getState().call('patients.search', { query: 'x' });
    const oldCall = last();
    const signingOut = store.getState().signOut();
    last().answer({ ok: true, value: { signedOut: true } });
    await signingOut;
    const again = store.getState().signIn('sam', 'another password');
    last().answer({ ok: true, value: { token: 'tok-2', user: { ...user, fullName: 'Sam Lee' }, site, idleLockSeconds: 300, breakGlass: [] } });
    await again;
    oldCall.answer({ ok: false, error: { code: 'unauthenticated', message: 'Your session has ended.' } });
    await old;
    expect(store.getState().session?.token).toBe('tok-2');
    expect(calls.map((c) => c.channel)).toEqual(['auth.signIn', 'patients.search', 'auth.signOut', 'auth.signIn']);
  });

  it('signing out forgets the session and the search', async () => {
    const { store, last } = await signedIn();
    store.getState().setSearchQuery('jones');
    const out = store.getState().signOut();
    expect(last().channel).toBe('auth.signOut');
    last().answer({ ok: true, value: { signedOut: true } });
    await out;
    expect(store.getState().session).toBeNull();
    expect(store.getState().searchQuery).toBe('');
    expect(store.getState().notice?.text).toBe('You have signed out.');
  });
});

describe('search as you type', () => {
  it('waits for a pause in typing, then asks once', async () => {
    const { store, calls, clock, last } = await signedIn();
    const before = calls.length;
    for (const q of ['j', 'jo', 'jon']) store.getState().setSearchQuery(q);
    expect(calls.length).toBe(before);
    expect(clock.pendingCount()).toBe(1);
    clock.fireAll();
    expect(calls.length).toBe(before + 1);
    expect(last().input).toEqual({ query: 'jon' });
    const person = { id: 'p1', familyName: 'Jones', givenNames: 'Mary', title: null, birthDate: '1945-07-14', sex: 'female', nhsNumber: '9434765919' };
    last().answer({ ok: true, value: { results: [person], more: false } });
    await flush();
    expect(store.getState().searchStatus).toBe('done');
    expect(store.getState().results).toEqual([person]);
    expect(store.getState().resultsFor).toBe('jon');
  });

  it('never shows an answer to an older query', async () => {
    const { store, clock, last } = await signedIn();
    store.getState().setSearchQuery('sm');
    clock.fireAll();
    const slow = last();
    store.getState().setSearchQuery('smith');
    clock.fireAll();
    const fast = last();
    fast.answer({ ok: true, value: { results: [], more: false } });
    await flush();
    slow.answer({ ok: true, value: { results: [{ id: 'old' }], more: false } });
    await flush();
    expect(store.getState().resultsFor).toBe('smith');
    expect(store.getState().results).toEqual([]);
  });

  it('clearing the box clears the results and drops answers on the way', async () => {
    const { store, clock, last } = await signedIn();
    store.getState().setSearchQuery('jones');
    clock.fireAll();
    const inFlight = last();
    store.getState().setSearchQuery('  ');
    inFlight.answer({ ok: true, value: { results: [{ id: 'p1' }], more: false } });
    await flush();
    expect(store.getState().searchStatus).toBe('idle');
    expect(store.getState().results).toEqual([]);
  });

  it('shows why a search failed', async () => {
    const { store, clock, last } = await signedIn();
    store.getState().setSearchQuery('jones');
    clock.fireAll();
    last().answer({ ok: false, error: { code: 'forbidden', message: 'Your role does not allow this.' } });
    await flush();
    expect(store.getState().searchStatus).toBe('failed');
    expect(store.getState().searchError).toBe('Your role does not allow this.');
  });

  it('Enter searches at once without waiting', async () => {
    const { store, calls, clock } = await signedIn();
    store.getState().setSearchQuery('jones');
    const before = calls.length;
    store.getState().searchNow();
    expect(calls.length).toBe(before + 1);
    expect(clock.pendingCount()).toBe(0);
  });
});

describe('coming back to the search screen', () => {
  it('asks again for the same query, so a newly registered person is not missed', async () => {
    const { store, calls, clock, last } = await signedIn();
    store.getState().setSearchQuery('jones');
    clock.fireAll();
    last().answer({ ok: true, value: { results: [], more: false } });
    await flush();
    const before = calls.length;
    store.getState().searchNow();
    expect(calls.length).toBe(before); // Enter again: the answer is current
    store.getState().searchNow(true);
    expect(calls.length).toBe(before + 1);
  });
});
