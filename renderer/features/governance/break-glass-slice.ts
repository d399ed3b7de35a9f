// Emergency access (break-glass) held by this user in this session: which people, until when, so
// the record can say so and offer to end it. The server decides access; this only remembers the
// grants it gave, and forgets them when the session ends (the server ends them at sign-out too).
import type { StateCreator } from 'zustand';
import type { RpcResult } from '../../../contract/result';
import type { AppState } from '../../app/app-state';
import type { Route } from '../../app/navigation-slice';

export interface BreakGlassGrant {
  grantId: string;
  personId: string;
  reason: string;
  expiresAt: string;
}

export interface BreakGlassSlice {
  /** Active grants by person id. */
  grants: Record<string, BreakGlassGrant>;
  /** A call for this person was refused for want of a relationship: ask for the reason. */
  breakGlassNeeded(personId: string): void;
  startBreakGlass(personId: string, reason: string, minutes: number, then: Route): Promise<RpcResult<{ grantId: string; expiresAt: string }>>;
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

export const createBreakGlassSlice: StateCreator<AppState, [], [], BreakGlassSlice> = (set, get) => ({
  grants: {},

  breakGlassNeeded(personId) {
    const session = get().session;
    // Only clinical roles may break the glass; anyone else sees the refusal where they are.
    if (!session?.user.permissions.includes('patient.view')) return;
    const route = get().route;
    if (route.name === 'breakGlass' && route.personId === personId) return;
    // A grant we hold has run out on the server: forget it before asking again.
    if (get().grants[personId]) set((s) => ({ grants: without(s.grants, personId) }));
    const then: Route = 'personId' in route && route.personId === personId ? route : { name: 'record', personId };
    get().navigate({ name: 'breakGlass', personId, then });
  },

  async startBreakGlass(personId, reason, minutes, then) {
    const result = await get().call('access.breakGlass', { personId, reason, minutes });
    if (result.ok) {
      const grant: BreakGlassGrant = { grantId: result.value.grantId, personId, reason, expiresAt: result.value.expiresAt };
      set((s) => ({ grants: { ...s.grants, [personId]: grant } }));
      get().navigate(then, { kind: 'warning', text: 'Emergency access started. It is recorded and will be reviewed.' });
    }
    return result;
  },

  async endBreakGlass(personId) {
    const grant = get().grants[personId];
    if (!grant) return { ok: true, value: { ended: true } };
    const result = await get().call('access.endBreakGlass', { grantId: grant.grantId });
    // Ended, or ended already (run out, signed out elsewhere): either way it is over here.
    if (result.ok || result.error.code === 'conflict' || result.error.code === 'not_found') {
      set((s) => ({ grants: without(s.grants, personId) }));
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
    set({ grants: {} });
  },
});
