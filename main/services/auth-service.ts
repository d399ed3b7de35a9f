// Sign in and out, the idle lock and password changes. Failures say the same thing whether the
// username exists or not, and take the same time (a decoy hash is verified for unknown names).
// Each failure, lockout, unlock and change writes an audit row (the router's row for the call).
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import { rolePermissions, type Permission } from '../../domain/access/roles';
import type { Call } from './call';
import { PasswordAuthenticator } from './password-authenticator';
import { hashPassword } from './passwords';
import { closeLapsedGrants } from './relationship';
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
    mustChangePassword: session.mustChangePassword,
    site: { siteCode, siteName, siteType, demo },
    idleLockSeconds: idleLockMinutes * 60,
  };
}

export function createAuthService(deps: AuthDeps) {
  const passwords = new PasswordAuthenticator(deps.throttle);
  const checkPassword = (username: string, password: string, call: Call) => passwords.authenticate({ username, password }, call);

  return {
    async signIn(input: ParsedInput<'auth.signIn'>, call: Call): Promise<ChannelOutput<'auth.signIn'>> {
      call.note = { username: input.username };
      const user = await checkPassword(input.username, input.password, call);
      const session = deps.sessions.start({
        userId: user.id,
        username: user.username,
        fullName: user.fullName,
        roles: user.roles,
        mustChangePassword: user.mustChangePassword,
      });
      call.note = { userId: user.id, username: user.username };
      // Access is granted to the user, not the page: emergency access given in a session that was
      // never signed out of (a reloaded page) is still in force, so the page must show it and its end.
      const nowIso = call.env.now().toISOString();
      const breakGlass = call.reads.access
        .openGrants(user.id)
        .filter((g) => g.expiresAt > nowIso)
        .map((g) => ({ grantId: g.id, personId: g.personId, reason: g.reason, expiresAt: g.expiresAt }));
      return { ...sessionInfo(session, call), token: session.token, breakGlass };
    },

    signOut(_input: ParsedInput<'auth.signOut'>, call: Call): ChannelOutput<'auth.signOut'> {
      const session = call.requireSession();
      // Break-glass access ends with the session that opened it.
      closeLapsedGrants(call, session, true);
      deps.sessions.end(session.token);
      return { signedOut: true };
    },

    session(_input: ParsedInput<'auth.session'>, call: Call): ChannelOutput<'auth.session'> {
      return sessionInfo(call.requireSession(), call);
    },

    lock(_input: ParsedInput<'auth.lock'>, call: Call): ChannelOutput<'auth.lock'> {
      deps.sessions.lock(call.requireSession());
      return { locked: true };
    },

    async unlock(input: ParsedInput<'auth.unlock'>, call: Call): Promise<ChannelOutput<'auth.unlock'>> {
      const session = call.requireSession();
      await checkPassword(session.username, input.password, call);
      deps.sessions.unlock(session);
      return sessionInfo(session, call);
    },

    async changePassword(input: ParsedInput<'auth.changePassword'>, call: Call): Promise<ChannelOutput<'auth.changePassword'>> {
      const session = call.requireSession();
      await checkPassword(session.username, input.currentPassword, call);
      if (input.currentPassword === input.newPassword) {
        throw new ServiceError('invalid_input', 'Choose a new password different from the current one.', 'newPassword');
      }
      const passwordHash = await hashPassword(input.newPassword);
      call.write((w) => w.users.setPassword(session.userId, passwordHash, false));
      deps.sessions.passwordChanged(session);
      return sessionInfo(session, call);
    },
  };
}
