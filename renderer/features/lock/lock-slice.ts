// The idle lock of a shared PC. Locking takes patient data out of the page
// and out of the store at once: the screen for the route is unmounted, search results, the query
// and any notice are forgotten, and an answer that arrives after the lock for a call made before it
// is dropped. Kept: the route (unlock returns to it and the screen asks again) and form drafts
// (nothing typed is lost; they are never drawn while locked). Unlock is by the same user's
// password; anyone else signs the session out first.
//
// Every answer passes through `screenAnswer` (session-slice's `call`), which also acts on the
// router's other session-wide refusals: `locked` locks here too, `password_change_required` goes
// to the password change and `break_glass_required` to the break-glass page for that person.
import type { StateCreator } from 'zustand';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../contract/channels';
import type { RpcResult } from '../../../contract/result';
import type { AppState } from '../../app/app-state';

export type LockReason = 'idle' | 'manual' | 'refused';

export interface ScreenLock {
  fullName: string;
  username: string;
  reason: LockReason;
}

export interface LockSlice {
  lock: ScreenLock | null;
  /** Moves on at every lock: answers to calls made under an older epoch are not let in. */
  lockEpoch: number;
  lockScreen(reason: LockReason): Promise<void>;
  unlock(password: string): Promise<RpcResult<ChannelOutput<'auth.unlock'>>>;
  /** The server's word on the session (unlock, password change): who, may do what, for how long idle. */
  sessionRenewed(info: ChannelOutput<'auth.session'>): void;
  /** "Sign in as someone else": ends this session, drafts and all, and shows sign-in. */
  switchUser(): Promise<void>;
  /** The session has gone (signed out, ended): nothing locked, no emergency access held. */
  resetAccess(): void;
  screenAnswer<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
    token: string | null,
    epoch: number,
    result: RpcResult<ChannelOutput<C>>,
  ): RpcResult<ChannelOutput<C>>;
}

export const LOCKED_MESSAGE = 'The screen is locked. Enter your password to continue.';

/** Channels whose answers carry no patient data and must reach the lock screen itself. */
const sessionChannels: readonly ChannelName[] = ['auth.lock', 'auth.unlock', 'auth.signOut', 'auth.session', 'auth.changePassword'];

function personIdOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const id = (input as { personId?: unknown }).personId;
  return typeof id === 'string' ? id : null;
}

export const createLockSlice: StateCreator<AppState, [], [], LockSlice> = (set, get) => ({
  lock: null,
  lockEpoch: 0,

  async lockScreen(reason) {
    const session = get().session;
    if (!session || get().lock) return;
    set((s) => ({
      lock: { fullName: session.user.fullName, username: session.user.username, reason },
      lockEpoch: s.lockEpoch + 1,
      notice: null,
    }));
    get().resetSearch();
    // The server locks the session too (a refusal already means it has). If this fails the page
    // stays locked anyway, and the server locks on its own after the idle period.
    if (reason !== 'refused') await get().call('auth.lock', {});
  },

  async unlock(password) {
    const result = await get().call('auth.unlock', { password });
    if (result.ok && get().lock) {
      get().sessionRenewed(result.value);
      set({ lock: null });
    }
    return result;
  },

  sessionRenewed({ user, idleLockSeconds, mustChangePassword }) {
    const session = get().session;
    if (session) set({ session: { ...session, user, idleLockSeconds, mustChangePassword } });
  },

  async switchUser() {
    await get().signOut();
  },

  resetAccess() {
    set({ lock: null });
    get().forgetGrants();
  },

  screenAnswer(channel, input, token, epoch, result) {
    if (token === null || get().session?.token !== token) return result;
    const current = epoch === get().lockEpoch;
    if (result.ok) {
      if (current || sessionChannels.includes(channel)) return result;
      // Asked before the lock, answered after it: the data stays out of the page.
      return { ok: false, error: { code: 'locked', message: LOCKED_MESSAGE } };
    }
    if (!current || get().lock) return result;
    switch (result.error.code) {
      case 'locked':
        void get().lockScreen('refused');
        break;
      case 'password_change_required': {
        const session = get().session;
        if (session && !session.mustChangePassword) set({ session: { ...session, mustChangePassword: true } });
        get().navigate({ name: 'changePassword' });
        break;
      }
      case 'break_glass_required': {
        const personId = personIdOf(input);
        if (personId) get().breakGlassNeeded(personId);
        break;
      }
      default:
        break;
    }
    return result;
  },
});
