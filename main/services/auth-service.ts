// Sign in and out. Failures say the same thing whether the username exists or not, and take the
// same time (a decoy hash is verified for unknown names).
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import { rolePermissions, type Permission } from '../../domain/access/roles';
import type { Call } from '../rpc/call';
import { decoyHash, verifyPassword } from './passwords';
import { ServiceError } from './service-error';
import type { Session, SessionRegistry } from './sessions';
import type { SignInThrottle } from './sign-in-throttle';

export interface AuthDeps {
  sessions: SessionRegistry;
  throttle: SignInThrottle;
}

function sessionInfo(session: Session, call: Call): ChannelOutput<'auth.session'> {
  const permissions = [...new Set(session.roles.flatMap((r) => rolePermissions[r]))] as Permission[];
  const { siteCode, siteName, siteType, demo, idleLockMinutes } = call.site;
  return {
    user: { id: session.userId, username: session.username, fullName: session.fullName, roles: session.roles, permissions },
    site: { siteCode, siteName, siteType, demo },
    idleLockSeconds: idleLockMinutes * 60,
  };
}

export function createAuthService(deps: AuthDeps) {
  return {
    async signIn(input: ParsedInput<'auth.signIn'>, call: Call): Promise<ChannelOutput<'auth.signIn'>> {
      call.note = { username: input.username };
      const wait = deps.throttle.check(input.username);
      if (wait > 0) {
        throw new ServiceError('throttled', `Too many failed attempts. Try again in ${Math.ceil(wait / 1000)} seconds.`);
      }
      const user = call.reads.users.findByUsername(input.username);
      const matches = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
      if (!user || !matches || user.disabled) {
        deps.throttle.fail(input.username);
        throw new ServiceError('unauthenticated', 'The username or password is not right.');
      }
      deps.throttle.succeed(input.username);
      const session = deps.sessions.start({ userId: user.id, username: user.username, fullName: user.fullName, roles: user.roles });
      call.note = { userId: user.id, username: user.username };
      return { ...sessionInfo(session, call), token: session.token };
    },

    signOut(_input: ParsedInput<'auth.signOut'>, call: Call): ChannelOutput<'auth.signOut'> {
      deps.sessions.end(call.requireSession().token);
      return { signedOut: true };
    },

    session(_input: ParsedInput<'auth.session'>, call: Call): ChannelOutput<'auth.session'> {
      return sessionInfo(call.requireSession(), call);
    },
  };
}
