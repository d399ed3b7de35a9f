// Staff accounts managed by the site administrator: create with a temporary password (changed at
// first sign-in), change roles, disable, reset a password, lift a sign-in throttle.
import type { ChannelOutput, ParsedInput } from '../../contract/channels';
import type { Call } from './call';
import { hashPassword } from './passwords';
import { ServiceError } from './service-error';
import type { SessionRegistry } from './sessions';
import type { SignInThrottle } from './sign-in-throttle';

export interface StaffDeps {
  sessions: SessionRegistry;
  throttle: SignInThrottle;
}

export function createStaffService(deps: StaffDeps) {
  function requireUser(call: Call, userId: string) {
    const user = call.reads.users.findById(userId);
    if (!user) throw new ServiceError('not_found', 'No such staff account.');
    return user;
  }

  return {
    list(_input: ParsedInput<'staff.list'>, call: Call): ChannelOutput<'staff.list'> {
      return {
        staff: call.reads.users.list().map((u) => ({
          id: u.id,
          username: u.username,
          fullName: u.fullName,
          roles: u.roles,
          disabled: u.disabled,
          mustChangePassword: u.mustChangePassword,
          throttledForSeconds: Math.ceil(deps.throttle.check(u.username) / 1000),
        })),
      };
    },

    async create(input: ParsedInput<'staff.create'>, call: Call): Promise<ChannelOutput<'staff.create'>> {
      const taken = () => new ServiceError('conflict', 'This username is already in use.', 'username');
      if (call.reads.users.findByUsername(input.username)) throw taken();
      const passwordHash = await hashPassword(input.temporaryPassword);
      const userId = call.env.newId();
      call.write(
        (w) => {
          if (w.users.findByUsername(input.username)) throw taken();
          w.users.insert({
            id: userId,
            username: input.username,
            fullName: input.fullName,
            passwordHash,
            roles: input.roles,
            mustChangePassword: true,
            createdAt: call.env.now().toISOString(),
          });
        },
        () => ({ detail: { userId, username: input.username, roles: input.roles } }),
      );
      return { userId };
    },

    update(input: ParsedInput<'staff.update'>, call: Call): ChannelOutput<'staff.update'> {
      const session = call.requireSession();
      const user = requireUser(call, input.userId);
      if (user.id === session.userId && (input.disabled || !input.roles.includes('site_admin'))) {
        throw new ServiceError('conflict', 'You cannot disable your own account or remove your own administrator role.');
      }
      call.write(
        (w) => w.users.update(user.id, { roles: input.roles, disabled: input.disabled, fullName: input.fullName }),
        () => ({ detail: { userId: user.id, roles: input.roles, disabled: input.disabled, before: { roles: user.roles, disabled: user.disabled } } }),
      );
      // Changed roles or a disabled account take effect now, not at the next sign-in.
      deps.sessions.endAllFor(user.id);
      return { updated: true };
    },

    async resetPassword(input: ParsedInput<'staff.resetPassword'>, call: Call): Promise<ChannelOutput<'staff.resetPassword'>> {
      const user = requireUser(call, input.userId);
      const passwordHash = await hashPassword(input.temporaryPassword);
      call.write((w) => w.users.setPassword(user.id, passwordHash, true), () => ({ detail: { userId: user.id } }));
      deps.sessions.endAllFor(user.id);
      deps.throttle.succeed(user.username);
      return { reset: true };
    },

    unlock(input: ParsedInput<'staff.unlock'>, call: Call): ChannelOutput<'staff.unlock'> {
      const user = requireUser(call, input.userId);
      call.note = { detail: { userId: user.id, username: user.username } };
      deps.throttle.succeed(user.username);
      return { unlocked: true };
    },
  };
}
