// Emergency access (break-glass) held by this user in this session: which people, until when, so
// the record can say so and offer to end it. The server decides access; this remembers the grants
// it gave, leaves a screen about the person when the time limit passes (the page must not go on
// showing what the server would now refuse), and forgets every grant when the session ends (the
// server ends them at sign-out too). Grants the server still holds for the user (given before the
// page was reloaded) come back with the sign-in and are shown the same way.
import type { StateCreator } from 'zustand';
import type { RpcResult } from '../../../contract/result';
import type { AppState } from '../../app/app-state';
import type { Route } from '../../app/navigation-slice';

export interface BreakGlassGrant {
  grantId: string;
  personId: string;
  reason: string;
  /** The server's time limit, as recorded in the audit trail. */
  expiresAt: string;
}

export interface BreakGlassSlice {
  /** Active grants by person id. */
  grants: Record<string, BreakGlassGrant>;
  /** A call for this person was refused for want of a relationship: ask for the reason. */
  breakGlassNeeded(personId: string): void;
  startBreakGlass(personId: string, reason: string, minutes: number, then: Route): Promise<RpcResult<{ grantId: string; expiresAt: string }>>;
  /** Grants the server still holds for this user (given before a reload), shown as if just given. */
  restoreGrants(grants: readonly BreakGlassGrant[], now: Date): void;
  endBreakGlass(personId: string): Promise<RpcResult<{ ended: true }>>;
  /** The grant for a person if it has not run out by `now`. */
  activeGrant(personId: string, now: Date): BreakGlassGrant | null;
  forgetGrants(): void;
}

export const BREAK_GLASS_MINUTES = [15, 30, 60] as const;

function without(grants: Record<string, BreakGlassGrant>, personId: string): Record<string, BreakGlassGrant> {
  const next = { ...grants };
  delete next[personId];
  return next;
}

function about(route: Route, personId: string): boolean {
  return 'personId' in route && route.personId === personId;
}

export const createBreakGlassSlice: StateCreator<AppState, [], [], BreakGlassSlice> = (set, get) => {
  /** Time-limit timers by person id, counted on this page's clock from when the grant was given. */
  const timers = new Map<string, ReturnType<typeof globalThis.setTimeout>>();
  const clearTimer = (personId: string) => {
    const t = timers.get(personId);
    if (t !== undefined) globalThis.clearTimeout(t);
    timers.delete(personId);
  };
  const drop = (personId: string) => {
    clearTimer(personId);
    if (get().grants[personId]) set((s) => ({ grants: without(s.grants, personId) }));
  };

  /** Holds a grant and leaves the person's screens when its time is up (counted on this page's clock). */
  const install = (grant: BreakGlassGrant, forMs: number) => {
    const { personId } = grant;
    clearTimer(personId);
    set((s) => ({ grants: { ...s.grants, [personId]: grant } }));
    timers.set(
      personId,
      globalThis.setTimeout(() => {
        timers.delete(personId);
        if (get().grants[personId]?.grantId !== grant.grantId) return;
        // On a screen about the person (even behind the lock screen): back to the reason page.
        if (about(get().route, personId)) get().breakGlassNeeded(personId);
        else drop(personId);
      }, forMs),
    );
  };

  return {
    grants: {},

    breakGlassNeeded(personId) {
      const session = get().session;
      // Only clinical roles may break the glass; anyone else sees the refusal where they are.
      if (!session?.user.permissions.includes('patient.view')) return;
      drop(personId); // a grant we held has run out on the server
      const route = get().route;
      if (route.name === 'breakGlass' && route.personId === personId) return;
      const then: Route = about(route, personId) ? route : { name: 'record', personId };
      get().navigate({ name: 'breakGlass', personId, then });
    },

    async startBreakGlass(personId, reason, minutes, then) {
      const result = await get().call('access.breakGlass', { personId, reason, minutes });
      if (result.ok) {
        install({ grantId: result.value.grantId, personId, reason, expiresAt: result.value.expiresAt }, minutes * 60_000);
        get().navigate(then); // the record shows the standing break-glass notice (BreakGlassNotice)
      }
      return result;
    },

    restoreGrants(grants, now) {
      for (const grant of grants) {
        const left = new Date(grant.expiresAt).getTime() - now.getTime();
        if (left > 0) install(grant, left);
      }
    },

    async endBreakGlass(personId) {
      const grant = get().grants[personId];
      if (!grant) return { ok: true, value: { ended: true } };
      const result = await get().call('access.endBreakGlass', { grantId: grant.grantId });
      // Ended, or ended already (run out, signed out elsewhere): either way it is over here.
      if (result.ok || result.error.code === 'conflict' || result.error.code === 'not_found') {
        drop(personId);
        get().navigate({ name: 'search' }, { kind: 'info', text: 'Emergency access ended. Open the record again only through break-glass.' });
        return { ok: true, value: { ended: true } };
      }
      return result;
    },

    activeGrant(personId, now) {
      const grant = get().grants[personId];
      return grant && new Date(grant.expiresAt).getTime() > now.getTime() ? grant : null;
    },

    forgetGrants() {
      for (const personId of [...timers.keys()]) clearTimer(personId);
      set({ grants: {} });
    },
  };
};
