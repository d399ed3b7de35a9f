// The lock as the store sees it: what is forgotten, what is kept, which answers are let in, and
// the router's session-wide refusals (locked, password change, break-glass).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChannelName, SonarBridge } from '../../../contract/channels';
import type { RpcResult } from '../../../contract/result';
import { createAppStore } from '../../app/store';

interface Pending {
  channel: ChannelName;
  input: unknown;
  session: string | null;
  answer(result: RpcResult<unknown>): void;
}

function scripted() {
  const calls: Pending[] = [];
  const bridge = {
    invoke: (channel: ChannelName, input: unknown, session: string | null) =>
      new Promise<RpcResult<unknown>>((resolve) => calls.push({ channel, input, session, answer: resolve })),
  } as SonarBridge;
  const last = () => {
    const c = calls[calls.length - 1];
    if (!c) throw new Error('no call made');
    return c;
  };
  return { bridge, calls, last };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));
const site = { siteCode: 'DEMO01', siteName: 'Demo Custody Suite', siteType: 'custody', demo: true } as const;
const clinician = { id: 'u1', username: 'alex', fullName: 'Alex Morgan', roles: ['custody_hcp'], permissions: ['patient.search', 'patient.view', 'patient.summary'] };
const person = { id: 'p1', familyName: 'Jones', givenNames: 'Mary', title: null, birthDate: '1945-07-14', sex: 'female', nhsNumber: '9434765919' };
const ok = (value: unknown): RpcResult<unknown> => ({ ok: true, value });
const refused = (code: string, message = code, path?: string): RpcResult<unknown> =>
  ({ ok: false, error: { code, message, ...(path ? { path } : {}) } }) as RpcResult<unknown>;
const info = (user = clinician, mustChangePassword = false) => ({ user, site, idleLockSeconds: 300, mustChangePassword });

async function signedIn(user = clinician, mustChangePassword = false) {
  const t = scripted();
  const timers = { setTimeout: () => 0, clearTimeout: () => undefined };
  const store = createAppStore({ bridge: t.bridge, timers });
  const signing = store.getState().signIn('alex', 'correct horse battery');
  t.last().answer(ok({ ...info(user, mustChangePassword), token: 'tok-1', breakGlass: [] }));
  await signing;
  return { ...t, store };
}

async function lockedOnRecord() {
  const t = await signedIn();
  t.store.getState().navigate({ name: 'record', personId: 'p1' });
  t.store.setState({ searchQuery: 'jones', resultsFor: 'jones', results: [person] as never, searchStatus: 'done' });
  t.store.getState().saveDraft('u1:p1:custody', { q1: 'typed before the lock' } as never);
  const locking = t.store.getState().lockScreen('idle');
  expect(t.last().channel).toBe('auth.lock');
  t.last().answer(ok({ locked: true }));
  await locking;
  return t;
}

describe('locking the screen', () => {
  it('forgets search results, the query and any notice, keeps the route and drafts, and tells the server', async () => {
    const { store } = await lockedOnRecord();
    const s = store.getState();
    expect(s.lock).toEqual({ fullName: 'Alex Morgan', username: 'alex', reason: 'idle' });
    expect(s.results).toEqual([]);
    expect(s.searchQuery).toBe('');
    expect(s.notice).toBeNull();
    expect(JSON.stringify({ ...s, drafts: {} })).not.toContain('Jones');
    expect(s.route).toEqual({ name: 'record', personId: 'p1' });
    expect(s.drafts['u1:p1:custody']).toEqual({ q1: 'typed before the lock' });
    expect(s.session?.token).toBe('tok-1');
  });

  it('drops an answer that arrives after the lock for a call made before it', async () => {
    const t = await signedIn();
    const getting = t.store.getState().call('patients.get', { personId: 'p1' });
    const before = t.last();
    const locking = t.store.getState().lockScreen('manual');
    t.last().answer(ok({ locked: true }));
    await locking;
    before.answer(ok({ ...person, registeredAt: 'x' }));
    const result = await getting;
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('locked');
  });

  it('locks when the server says the session is locked, without asking it to lock again', async () => {
    const t = await signedIn();
    const getting = t.store.getState().call('patients.search', { query: 'jones' });
    t.last().answer(refused('locked', 'The screen is locked. Enter your password to continue.'));
    await getting;
    expect(t.store.getState().lock?.reason).toBe('refused');
    expect(t.calls.map((c) => c.channel)).toEqual(['auth.signIn', 'patients.search']);
  });

  it('a late "locked" from before an unlock does not lock again', async () => {
    const t = await lockedOnRecord();
    const old = t.store.getState().lockEpoch;
    const unlocking = t.store.getState().unlock('correct horse battery');
    t.last().answer(ok(info()));
    await unlocking;
    expect(t.store.getState().lock).toBeNull();
    const result = t.store.getState().screenAnswer('patients.get', { personId: 'p1' }, 'tok-1', old - 1, refused('locked') as never);
    expect(result.ok).toBe(false);
    expect(t.store.getState().lock).toBeNull();
  });
});

describe('unlocking', () => {
  it('returns to the same screen with the same user, drafts intact', async () => {
    const t = await lockedOnRecord();
    const unlocking = t.store.getState().unlock('correct horse battery');
    expect(t.last().channel).toBe('auth.unlock');
    expect(t.last().input).toEqual({ password: 'correct horse battery' });
    expect(t.last().session).toBe('tok-1');
    t.last().answer(ok(info()));
    await unlocking;
    const s = t.store.getState();
    expect(s.lock).toBeNull();
    expect(s.route).toEqual({ name: 'record', personId: 'p1' });
    expect(s.drafts['u1:p1:custody']).toEqual({ q1: 'typed before the lock' });
  });

  it('a wrong password is an answer for the lock screen, not the end of the session', async () => {
    const t = await lockedOnRecord();
    const unlocking = t.store.getState().unlock('wrong');
    t.last().answer(refused('unauthenticated', 'The username or password is not right.', 'password'));
    const result = await unlocking;
    expect(result.ok).toBe(false);
    expect(t.store.getState().session?.token).toBe('tok-1');
    expect(t.store.getState().lock).not.toBeNull();
  });

  it('a session that has ended goes to sign-in', async () => {
    const t = await lockedOnRecord();
    const unlocking = t.store.getState().unlock('correct horse battery');
    t.last().answer(refused('unauthenticated', 'Your session has ended. Sign in again.'));
    await unlocking;
    expect(t.store.getState().session).toBeNull();
    expect(t.store.getState().lock).toBeNull();
    expect(t.store.getState().route).toEqual({ name: 'signIn' });
  });

  it('"Sign in as someone else" signs out: drafts, grants and the lock all go', async () => {
    const t = await lockedOnRecord();
    const switching = t.store.getState().switchUser();
    expect(t.last().channel).toBe('auth.signOut');
    t.last().answer(ok({ signedOut: true }));
    await switching;
    const s = t.store.getState();
    expect(s.session).toBeNull();
    expect(s.lock).toBeNull();
    expect(s.drafts).toEqual({});
    expect(s.route).toEqual({ name: 'signIn' });
  });
});

describe('temporary passwords', () => {
  it('go straight to the password change, and on once it is changed', async () => {
    const t = await signedIn(clinician, true);
    expect(t.store.getState().route).toEqual({ name: 'changePassword' });
    t.store.getState().navigate({ name: 'record', personId: 'p1' });
    expect(t.store.getState().route).toEqual({ name: 'changePassword' });
    t.store.getState().sessionRenewed(info(clinician, false) as never);
    t.store.getState().navigate({ name: 'search' });
    expect(t.store.getState().route).toEqual({ name: 'search' });
  });

  it('a "password change required" refusal goes to the password change', async () => {
    const t = await signedIn();
    const searching = t.store.getState().call('patients.search', { query: 'x' });
    t.last().answer(refused('password_change_required'));
    await searching;
    expect(t.store.getState().session?.mustChangePassword).toBe(true);
    expect(t.store.getState().route).toEqual({ name: 'changePassword' });
  });
});

describe('break-glass', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a refusal for want of a relationship asks for the reason, then carries on where the user was going', async () => {
    const t = await signedIn();
    t.store.getState().navigate({ name: 'record', personId: 'p2' });
    const getting = t.store.getState().call('patients.get', { personId: 'p2' });
    t.last().answer(refused('break_glass_required'));
    await getting;
    const route = t.store.getState().route;
    expect(route).toEqual({ name: 'breakGlass', personId: 'p2', then: { name: 'record', personId: 'p2' } });
    // A second refusal for the same person (another section of the record) changes nothing.
    const flags = t.store.getState().call('flags.list', { personId: 'p2' });
    t.last().answer(refused('break_glass_required'));
    await flags;
    expect(t.store.getState().route).toEqual(route);

    const starting = t.store.getState().startBreakGlass('p2', 'collapsed in reception', 30, { name: 'record', personId: 'p2' });
    expect(t.last().channel).toBe('access.breakGlass');
    expect(t.last().input).toEqual({ personId: 'p2', reason: 'collapsed in reception', minutes: 30 });
    t.last().answer(ok({ grantId: 'g1', expiresAt: '2030-01-01T10:30:00.000Z' }));
    await starting;
    expect(t.store.getState().route).toEqual({ name: 'record', personId: 'p2' });
    expect(t.store.getState().activeGrant('p2', new Date('2030-01-01T10:00:00Z'))?.grantId).toBe('g1');
    expect(t.store.getState().activeGrant('p2', new Date('2030-01-01T10:31:00Z'))).toBeNull();

    const ending = t.store.getState().endBreakGlass('p2');
    expect(t.last().input).toEqual({ grantId: 'g1' });
    t.last().answer(ok({ ended: true }));
    await ending;
    expect(t.store.getState().grants).toEqual({});
    expect(t.store.getState().route).toEqual({ name: 'search' });
  });

  it('shows emergency access still in force at sign-in (a reloaded page), and leaves the record when it runs out', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T10:00:00Z'));
    const t = scripted();
    const store = createAppStore({ bridge: t.bridge, timers: { setTimeout: () => 0, clearTimeout: () => undefined } });
    const signing = store.getState().signIn('alex', 'correct horse battery');
    t.last().answer(
      ok({
        ...info(),
        token: 'tok-1',
        breakGlass: [
          { grantId: 'g9', personId: 'p2', reason: 'collapsed in reception', expiresAt: '2030-01-01T10:20:00.000Z' },
          { grantId: 'g8', personId: 'p3', reason: 'ran out a minute ago', expiresAt: '2030-01-01T09:59:00.000Z' },
        ],
      }),
    );
    await signing;
    expect(store.getState().activeGrant('p2', new Date())).toMatchObject({ grantId: 'g9', reason: 'collapsed in reception' });
    expect(store.getState().grants.p3).toBeUndefined();
    store.getState().navigate({ name: 'record', personId: 'p2' });
    vi.advanceTimersByTime(20 * 60_000 + 1);
    expect(store.getState().route).toEqual({ name: 'breakGlass', personId: 'p2', then: { name: 'record', personId: 'p2' } });
  });

  it('is not offered to a partner, who cannot break the glass', async () => {
    const partner = { ...clinician, roles: ['partner_police'], permissions: ['patient.search', 'patient.summary'] };
    const t = await signedIn(partner as never);
    t.store.getState().navigate({ name: 'record', personId: 'p2' });
    expect(t.store.getState().route).toEqual({ name: 'summary', personId: 'p2' });
    const getting = t.store.getState().call('patients.summary', { personId: 'p2' });
    t.last().answer(refused('break_glass_required'));
    await getting;
    expect(t.store.getState().route).toEqual({ name: 'summary', personId: 'p2' });
  });

  it('at the time limit a screen about the person goes back to the reason page', async () => {
    vi.useFakeTimers();
    const t = await signedIn();
    const starting = t.store.getState().startBreakGlass('p2', 'collapsed in reception', 15, { name: 'record', personId: 'p2' });
    t.last().answer(ok({ grantId: 'g1', expiresAt: '2030-01-01T10:15:00.000Z' }));
    await starting;
    t.store.getState().navigate({ name: 'form', personId: 'p2', templateId: 'custody' });
    vi.advanceTimersByTime(15 * 60_000 - 1);
    expect(t.store.getState().grants['p2']?.grantId).toBe('g1');
    vi.advanceTimersByTime(1);
    expect(t.store.getState().grants).toEqual({});
    expect(t.store.getState().route).toEqual({ name: 'breakGlass', personId: 'p2', then: { name: 'form', personId: 'p2', templateId: 'custody' } });
  });

  it('at the time limit elsewhere the grant is simply forgotten', async () => {
    vi.useFakeTimers();
    const t = await signedIn();
    const starting = t.store.getState().startBreakGlass('p2', 'collapsed in reception', 15, { name: 'record', personId: 'p2' });
    t.last().answer(ok({ grantId: 'g1', expiresAt: '2030-01-01T10:15:00.000Z' }));
    await starting;
    t.store.getState().navigate({ name: 'tasks' });
    vi.advanceTimersByTime(15 * 60_000);
    expect(t.store.getState().grants).toEqual({});
    expect(t.store.getState().route).toEqual({ name: 'tasks' });
  });

  it('grants are forgotten at sign-out', async () => {
    const t = await signedIn();
    const starting = t.store.getState().startBreakGlass('p2', 'collapsed in reception', 15, { name: 'record', personId: 'p2' });
    t.last().answer(ok({ grantId: 'g1', expiresAt: '2030-01-01T10:30:00.000Z' }));
    await starting;
    const out = t.store.getState().signOut();
    t.last().answer(ok({ signedOut: true }));
    await out;
    expect(t.store.getState().grants).toEqual({});
    await flush();
  });
});
