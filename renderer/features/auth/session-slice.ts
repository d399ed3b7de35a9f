// Who is signed in, and the one way screens call the back end. Any `unauthenticated` answer to a
// signed-in call (session expired, signed out elsewhere, the browser host's launch secret gone)
// ends the session here and returns to sign-in, so no screen has to remember to.
import type { StateCreator } from 'zustand';
import type { ChannelInput, ChannelName, ChannelOutput, SonarBridge } from '../../../contract/channels';
import type { SignedInUser } from '../../../contract/channels/auth';
import type { RpcResult } from '../../../contract/result';
import type { SiteSummary } from '../../../contract/site-config';
import type { AppState } from '../../app/app-state';

export interface Session {
  token: string;
  user: SignedInUser;
  idleLockSeconds: number;
  /** Signed in with a temporary password: only the password change is open (features/account). */
  mustChangePassword: boolean;
}

export interface SessionSlice {
  /** Known from setup.status before anyone signs in, so every screen can name the site. */
  site: SiteSummary | null;
  session: Session | null;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<RpcResult<ChannelOutput<C>>>;
  /** App start: first-run setup or sign-in. */
  start(): Promise<void>;
  signIn(username: string, password: string): Promise<RpcResult<ChannelOutput<'auth.signIn'>>>;
  signOut(): Promise<void>;
  sessionEnded(message: string): void;
}

const UNREACHABLE = 'SONAR could not be reached. Check it is still running, then try again.';

export function createSessionSlice(bridge: SonarBridge): StateCreator<AppState, [], [], SessionSlice> {
  return (set, get) => ({
    site: null,
    session: null,

    async call(channel, input) {
      const token = get().session?.token ?? null;
      const epoch = get().lockEpoch;
      let result: RpcResult<ChannelOutput<typeof channel>>;
      try {
        result = await bridge.invoke(channel, input, token);
      } catch {
        result = { ok: false, error: { code: 'internal', message: UNREACHABLE } };
      }
      // Only the session that made the call is ended: a late answer must not sign out a new user.
      // A refusal naming a field (a wrong password at unlock or password change) is for the form.
      if (!result.ok && result.error.code === 'unauthenticated' && !result.error.path && token !== null && get().session?.token === token) {
        get().sessionEnded(result.error.message);
      }
      // Locked, password change, break-glass; answers let in after a lock (features/lock/lock-slice.ts).
      return get().screenAnswer(channel, input, token, epoch, result);
    },

    async start() {
      get().navigate({ name: 'starting' });
      const result = await get().call('setup.status', {});
      if (!result.ok) {
        get().navigate({ name: 'startFailed', message: result.error.message });
        return;
      }
      set({ site: result.value.site });
      if (result.value.needsFirstAdmin) get().navigate({ name: 'setup', site: result.value.site });
      else get().navigate({ name: 'signIn' });
    },

    async signIn(username, password) {
      const result = await get().call('auth.signIn', { username, password });
      if (result.ok) {
        const { token, user, site, idleLockSeconds } = result.value;
        set({ session: { token, user, idleLockSeconds, mustChangePassword: result.value.mustChangePassword === true }, site });
        get().resetAccess();
        get().restoreGrants(result.value.breakGlass, new Date());
        get().resetSearch();
        get().navigate({ name: 'search' });
      }
      return result;
    },

    async signOut() {
      const had = get().session;
      if (had) await get().call('auth.signOut', {});
      // Signed out locally whatever the answer: the token is forgotten either way.
      set({ session: null });
      get().resetAccess();
      get().resetSearch();
      get().discardAllDrafts(); // a shared PC: the next user must not find this one's typing
      get().navigate({ name: 'signIn' }, { kind: 'info', text: 'You have signed out.' });
    },

    sessionEnded(message) {
      set({ session: null });
      get().resetAccess();
      get().resetSearch();
      get().navigate({ name: 'signIn' }, { kind: 'warning', text: message });
    },
  });
}
