// THE router: channel -> validate input -> resolve session -> authorise (deny by
// default) -> service -> audit -> { ok, value } | { ok: false, error }. Both transports call it with
// untrusted values; it never throws and never lets a failure change a row.
import type { z } from 'zod';
import { decideAccess } from '../../domain/access/roles';
import { channels, isChannelName, type ChannelName } from '../../contract/channels';
import type { RpcError, RpcResult } from '../../contract/result';
import type { SessionRegistry, Session } from '../services/sessions';
import { requireRelationship } from '../services/relationship';
import { ServiceError } from '../services/service-error';
import { Call, type CallEnv } from '../services/call';
import type { CallGuard } from './call-guard';
import { RecordViews } from './record-views';
import type { Handlers } from './handlers';
import type { RpcTransportTarget } from './transport';

export interface RouterDeps extends CallEnv {
  sessions: SessionRegistry;
  handlers: Handlers;
  log: (message: string) => void;
  /** Rate limits, audit coalescing and the store's health (call-guard.ts). */
  guard: CallGuard;
}

const MAX_CHANNEL_NAME_IN_AUDIT = 64;

export function zodIssuesToError(error: z.ZodError): RpcError {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0] ?? { path: '', message: 'Invalid input' };
  return {
    code: 'invalid_input',
    message: first.path ? `${first.path}: ${first.message}` : first.message,
    ...(first.path ? { path: first.path } : {}),
    issues,
  };
}

export function createRouter(deps: RouterDeps): RpcTransportTarget {
  const views = new RecordViews();
  const fail = (error: RpcError): RpcResult<never> => ({ ok: false, error });

  /**
   * Writes the audit row of a call that did not write one itself, or counts it into the minute's
   * summary (call-guard.ts). An audit failure is logged, never thrown.
   */
  function auditAfter(call: Call, outcome: 'ok' | 'refused' | 'failed', reason: string | null): void {
    if (call.audited) return;
    try {
      deps.guard.audit(call.auditEntry(outcome, reason), call.session, (entry) => deps.store.auditOnly(entry));
      call.audited = true;
    } catch (err) {
      deps.log(`audit write failed for ${call.channel}: ${(err as Error).message}`);
    }
  }

  /** A call turned away before any work: rate limited, or the store is damaged. */
  function turnAway(call: Call, error: RpcError): RpcResult<never> {
    if (error.code === 'unavailable') deps.log(`refused ${call.channel}: ${error.message}`);
    else auditAfter(call, 'refused', error.code);
    return fail(error);
  }

  async function handle(channelName: unknown, input: unknown, token: string | null): Promise<RpcResult<unknown>> {
    if (!isChannelName(channelName)) {
      const shown = typeof channelName === 'string' ? channelName.slice(0, MAX_CHANNEL_NAME_IN_AUDIT) : typeof channelName;
      const call = new Call(`unknown:${shown}`, 'called an unknown channel', null, deps);
      const turned = deps.guard.admit(null);
      if (turned) return turnAway(call, turned);
      auditAfter(call, 'refused', 'unknown_channel');
      return fail({ code: 'unknown_channel', message: 'There is no such channel.' });
    }
    const name: ChannelName = channelName;
    const def = channels[name];
    const passive = 'passive' in def && def.passive === true;
    const session: Session | null = def.access.kind === 'anonymous' ? null : passive ? deps.sessions.peek(token) : deps.sessions.resolve(token);
    const call = new Call(name, def.auditAction, session, deps);
    const turned = deps.guard.admit(session);
    if (turned) return turnAway(call, turned);

    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      const error = zodIssuesToError(parsed.error);
      auditAfter(call, 'refused', `invalid_input: ${error.message}`.slice(0, 500));
      return fail(error);
    }
    if (def.access.kind !== 'anonymous' && !session) {
      auditAfter(call, 'refused', 'unauthenticated');
      return fail({ code: 'unauthenticated', message: 'Your session has ended. Sign in again.' });
    }
    const personId = typeof (parsed.data as { personId?: unknown }).personId === 'string' ? (parsed.data as { personId: string }).personId : null;
    if (session?.locked && !('whileLocked' in def && def.whileLocked)) {
      auditAfter(call, 'refused', 'locked');
      return fail({ code: 'locked', message: 'The screen is locked. Enter your password to continue.' });
    }
    if (session?.mustChangePassword && !('whilePasswordChangeRequired' in def && def.whilePasswordChangeRequired)) {
      auditAfter(call, 'refused', 'password_change_required');
      return fail({ code: 'password_change_required', message: 'Change your temporary password before going on.' });
    }
    if (def.access.kind === 'permission' && session) {
      const decision = decideAccess(session.roles, def.access.permission);
      if (!decision.allowed) {
        call.note.personId = personId;
        auditAfter(call, 'refused', `forbidden: ${decision.rule}`);
        return fail({ code: 'forbidden', message: 'Your role does not allow this.' });
      }
    }

    try {
      // Legitimate relationship for any call naming a person (governance channels opt out).
      if (def.access.kind === 'permission' && personId && !('relationship' in def && def.relationship === false)) {
        requireRelationship(call, personId);
      }
      const handler = deps.handlers[name] as (input: unknown, call: Call) => Promise<unknown> | unknown;
      const value = await handler(parsed.data, call);
      // The output schema strips anything a service returned that the contract does not name.
      const output = def.output.parse(value);
      // A record screen's section reads are covered by the one "viewed record" row (record-views.ts);
      // background reads (passive) write none.
      const nowMs = deps.now().getTime();
      const covered = passive || (session !== null && views.covers(session, name, personId, nowMs));
      if (!covered) auditAfter(call, 'ok', null);
      if (name === 'patients.get' && session && personId && call.audited) views.opened(session, personId, nowMs);
      return { ok: true, value: output };
    } catch (err) {
      if (err instanceof ServiceError) {
        auditAfter(call, 'refused', `${err.code}: ${err.message}`.slice(0, 500));
        return fail({ code: err.code, message: err.message, ...(err.path ? { path: err.path } : {}), ...(err.issues ? { issues: err.issues } : {}) });
      }
      deps.log(`channel ${name} failed: ${(err as Error).stack ?? String(err)}`);
      auditAfter(call, 'failed', (err as Error).message?.slice(0, 500) ?? 'unknown error');
      return fail({ code: 'internal', message: 'Something went wrong and nothing was saved. Try again; if it keeps happening, contact site IT.' });
    }
  }

  return {
    handle: (channel, input, token) =>
      handle(channel, input, token).catch((err: unknown) => {
        deps.log(`router failure: ${String(err)}`);
        return fail({ code: 'internal', message: 'Something went wrong and nothing was saved.' });
      }),
  };
}
